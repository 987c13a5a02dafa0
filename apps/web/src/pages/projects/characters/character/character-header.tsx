import { Anchor, Breadcrumbs, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Character, Project } from '@/api/types';
import { DateTimeText, EditIcon, TrashIcon } from '@/components';
import { LockIndicator } from '../../project/project-header';
import { ReadOnlyReason } from '../read-only-reason';
import { ReadinessBadges } from '../readiness-badges';

interface CharacterHeaderProps {
  character: Character;
  project: Project;
  /** How many image variant types the studio has; undefined while they load. */
  typeCount: number | undefined;
  /** Why the character cannot be changed now; null when it can. */
  blocked: string | null;
  onRename: () => void;
  onTrash: () => void;
}

/** Image variant types that have a hero, counted from the variants so a decision shows at once. */
function heroCountOf(character: Character): number {
  return new Set(character.variants.filter((v) => v.isHero).map((v) => v.variantType.id)).size;
}

export function CharacterHeader({
  character,
  project,
  typeCount,
  blocked,
  onRename,
  onTrash,
}: CharacterHeaderProps) {
  return (
    <Stack gap="sm" mb="lg">
      <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
        <Anchor component={Link} to="/projects" size="sm" c="dimmed">
          Projects
        </Anchor>
        <Anchor
          component={Link}
          to={`/projects/${project.id}`}
          size="sm"
          c="dimmed"
          data-testid="breadcrumb-project"
        >
          {project.name}
        </Anchor>
        <Text size="sm" aria-current="page" truncate="end" maw={320}>
          {character.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} miw={0}>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }} data-testid="character-name">
              {character.name}
            </Title>
            <ReadinessBadges
              hasSourceImage={character.sourceImage !== null}
              heroCount={heroCountOf(character)}
              typeCount={typeCount}
              size="lg"
            />
            <LockIndicator project={project} />
          </Group>
          <Group gap={6} wrap="wrap">
            <Text size="sm" c="dimmed">
              Added
            </Text>
            <DateTimeText value={character.createdAt} c="dimmed" />
            <Text size="sm" c="dimmed">
              · updated
            </Text>
            <DateTimeText value={character.updatedAt} relative c="dimmed" />
          </Group>
        </Stack>
        {blocked ? (
          <ReadOnlyReason reason={blocked} />
        ) : (
          <Group gap="sm">
            <Button variant="default" leftSection={<EditIcon size={16} />} onClick={onRename}>
              Rename
            </Button>
            <Button color="red" variant="light" leftSection={<TrashIcon size={16} />} onClick={onTrash}>
              Move to trash
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
