// Tags for many characters at once (PRD-047): with characters selected in the grid, add some tags and remove others
// in one go.
import { Button, Card, Group, TagsInput, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';
import { notifyError, notifySuccess } from '@/components';
import { countOf } from '@/format/count';
import { badTagError, normaliseTags } from '@/format/tags';
import { charactersKey, useTagSuggestions } from './character-queries';

/** Keeps the valid tags; an invalid one is named and left out. */
function clean(values: string[]): string[] {
  const { tags, bad } = normaliseTags(values);
  if (bad) notifyError(badTagError(bad), 'Not a valid tag');
  return tags.filter((t) => t !== bad);
}

export function BulkTagBar({
  projectId,
  selected,
  onDone,
}: {
  projectId: string;
  selected: string[];
  onDone: () => void;
}) {
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const suggestions = useTagSuggestions('');
  const client = useQueryClient();
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/projects/{id}/characters/bulk-tags', {
          params: { path: { id: projectId } },
          body: { characterIds: selected, add, remove },
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (r) => {
      notifySuccess(
        `Tags changed on ${countOf(r.changed, 'character')}${r.unchanged ? `; ${r.unchanged} already matched` : ''}.`,
      );
      setAdd([]);
      setRemove([]);
      void client.invalidateQueries({ queryKey: charactersKey });
      onDone();
    },
    onError: (e) => notifyError(e, 'Could not change the tags'),
  });
  return (
    <Card withBorder padding="sm" mb="md" data-testid="bulk-tag-bar">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" fw={500} data-testid="selected-count">
          {countOf(selected.length, 'character')} selected
        </Text>
        <TagsInput
          label="Add tags"
          size="xs"
          w={240}
          data={suggestions.data ?? []}
          value={add}
          onChange={(v) => setAdd(clean(v))}
          data-testid="bulk-add-tags"
        />
        <TagsInput
          label="Remove tags"
          size="xs"
          w={240}
          data={suggestions.data ?? []}
          value={remove}
          onChange={(v) => setRemove(clean(v))}
        />
        <Button
          size="xs"
          disabled={selected.length === 0 || add.length + remove.length === 0}
          loading={apply.isPending}
          onClick={() => apply.mutate()}
        >
          Apply to selected
        </Button>
      </Group>
    </Card>
  );
}
