// The character's tags (PRD-047): type to add (created on first use), with suggestions of tags already in use.
import { Badge, Card, Group, TagsInput, Text } from '@mantine/core';
import type { Character } from '@/api/types';
import { notifyError } from '@/components';
import { badTagError, normaliseTags } from '@/format/tags';
import { useSetCharacterTags, useTagSuggestions } from '../character-queries';
import { SectionTitle } from './section-title';

export function TagsCard({ character, blocked }: { character: Character; blocked: string | null }) {
  const save = useSetCharacterTags(character);
  const suggestions = useTagSuggestions('');
  const onChange = (values: string[]) => {
    const { tags, bad } = normaliseTags(values);
    if (bad) {
      notifyError(badTagError(bad), 'Not a valid tag');
      return;
    }
    save.mutate(tags, { onError: (error) => notifyError(error, 'Could not save the tags') });
  };
  return (
    <Card withBorder padding="lg" data-testid="tags-card">
      <SectionTitle
        title="Tags"
        description="Labels to find and group characters; namespace:value works too (style:noir)."
      />
      {blocked ? (
        <Group gap={6}>
          {character.tags.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tags
            </Text>
          ) : (
            character.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))
          )}
        </Group>
      ) : (
        <TagsInput
          aria-label="Tags"
          placeholder="Add a tag and press Enter"
          data={suggestions.data ?? []}
          value={character.tags}
          onChange={onChange}
          disabled={save.isPending}
          clearable
        />
      )}
    </Card>
  );
}
