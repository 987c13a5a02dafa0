import { AspectRatio, Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CharacterSummary } from '@/api/types';
import { CharacterIcon } from '@/components';
import classes from './character-card.module.css';
import { ReadinessBadges } from './readiness-badges';

/** Portrait, like most source images: faces keep their space in the grid. */
export const thumbnailRatio = 4 / 5;

interface CharacterCardProps {
  character: CharacterSummary;
  /** How many image variant types the studio has; undefined while they load. */
  typeCount: number | undefined;
  /** In selection mode a click selects the card instead of opening the character. */
  selection?: { selected: boolean; onToggle: (id: string) => void };
}

export function CharacterCard({ character, typeCount, selection }: CharacterCardProps) {
  const variants = character.variantCount;
  const link = selection
    ? {
        component: 'button' as const,
        type: 'button' as const,
        onClick: () => selection.onToggle(character.id),
        'aria-pressed': selection.selected,
        'aria-label': `Select ${character.name}`,
        style: {
          textAlign: 'left' as const,
          outline: selection.selected ? '3px solid var(--mantine-color-blue-6)' : undefined,
        },
      }
    : { component: Link, to: `/projects/${character.projectId}/characters/${character.id}` };
  return (
    <Card
      {...(link as object)}
      padding={0}
      className={classes.card}
      data-testid="character-card"
      data-character-name={character.name}
      data-selected={selection?.selected}
    >
      <AspectRatio ratio={thumbnailRatio}>
        {(character.posterUrl ?? character.thumbnailUrl) ? (
          <img
            src={character.posterUrl ?? character.thumbnailUrl ?? undefined}
            alt={character.name}
            className={classes.thumbnail}
            loading="lazy"
            data-testid="character-thumbnail"
          />
        ) : (
          <div className={classes.placeholder} data-testid="character-placeholder">
            <CharacterIcon size={48} stroke={1.25} aria-hidden />
          </div>
        )}
      </AspectRatio>
      <Stack gap={6} p="sm" style={{ flex: 1 }}>
        <Text fw={600} truncate="end" title={character.name}>
          {character.name}
        </Text>
        <Group gap={4}>
          <ReadinessBadges
            hasSourceImage={character.thumbnailUrl !== null}
            heroCount={character.heroCount}
            typeCount={typeCount}
          />
        </Group>
        {character.tags.length > 0 && (
          <Group gap={4} data-testid="character-tags">
            {character.tags.slice(0, 4).map((tag) => (
              <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
            {character.tags.length > 4 && (
              <Text size="xs" c="dimmed">
                +{character.tags.length - 4}
              </Text>
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed" mt="auto">
          {variants === 0 ? 'No image variants yet' : `${variants} image variant${variants === 1 ? '' : 's'}`}
        </Text>
      </Stack>
    </Card>
  );
}

export function CharacterCardSkeleton() {
  return (
    <Card padding={0}>
      <AspectRatio ratio={thumbnailRatio}>
        <Skeleton radius={0} />
      </AspectRatio>
      <Stack gap={8} p="sm">
        <Skeleton height={16} width="70%" />
        <Skeleton height={18} width="55%" radius="sm" />
        <Skeleton height={10} width="40%" />
      </Stack>
    </Card>
  );
}
