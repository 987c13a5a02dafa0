// One test shot in the project gallery: its clip (plays on hover, with controls on click), whose it is and of which
// scene type, tier, QA verdict and first reason, and the way to its scene (where it can be promoted).
import { Anchor, Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DateTimeText } from '@/components';
import { SegmentQaBadge } from '../scenes/segment-strip';
import { FirstReason, TestShotClip, TierBadge } from '../scenes/test-shot-card';
import type { GalleryTestShot } from './test-shot-queries';

export function TestShotGalleryCard({
  shot,
  projectId,
  selected,
  onSelect,
}: {
  shot: GalleryTestShot;
  projectId: string;
  /** Picked for the sync-play grid ("Compare selected"). */
  selected?: boolean;
  onSelect?: (selected: boolean) => void;
}) {
  const [hovered, setHovered] = useState(false);
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="gallery-test-shot"
      data-segment-id={shot.id}
      data-verdict={shot.qa.verdict ?? ''}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <Stack gap={6}>
        <TestShotClip key={shot.output?.id ?? 'none'} shot={shot} autoPlay={hovered} />
        <Stack gap={0}>
          <Text size="sm" fw={600} truncate>
            {shot.characterName}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {shot.sceneTypeName}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <TierBadge tier={shot.tier} />
          <SegmentQaBadge segment={shot} />
          {shot.isCurrent && (
            <Badge
              size="sm"
              variant="light"
              color="teal"
              miw="max-content"
              title="Promoted: segment 1 of its scene"
            >
              Segment 1
            </Badge>
          )}
        </Group>
        <FirstReason shot={shot} />
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Group gap={6} wrap="nowrap">
            {onSelect && shot.output && (
              <Checkbox
                size="xs"
                aria-label={`Compare ${shot.characterName} · ${shot.sceneTypeName}`}
                checked={selected ?? false}
                onChange={(e) => onSelect(e.currentTarget.checked)}
                data-testid="gallery-select"
              />
            )}
            <Anchor component={Link} to={`/projects/${projectId}/scenes/${shot.sceneId}`} size="xs">
              Open the scene
            </Anchor>
          </Group>
          <DateTimeText value={shot.createdAt} relative size="xs" c="dimmed" />
        </Group>
      </Stack>
    </Card>
  );
}
