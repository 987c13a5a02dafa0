// The scene's chain of segments in order, one card each (thumbnail, QA badge, duration, seed source), filling in as
// segments finish; segments the live run has still to make stand as placeholders.
import {
  AspectRatio,
  Badge,
  Box,
  Card,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { ApproveIcon } from '@/components';
import {
  formatSeconds,
  seedSourceOf,
  segmentStatusLabels,
  verdictColors,
  verdictLabels,
} from './generation-format';
import type { SceneRun, Segment } from './generation-queries';

const cardWidth = 176;

/** The one badge that says where a segment stands: its QA verdict once checked, else what it is doing. */
export function SegmentQaBadge({ segment }: { segment: Pick<Segment, 'status' | 'qa'> }) {
  const { status } = segment;
  const verdict = segment.qa.verdict;
  const common = {
    size: 'sm',
    miw: 'max-content',
    'data-testid': 'segment-qa-badge',
    'data-status': status,
  } as const;
  if (status === 'generating' || status === 'pending') {
    return (
      <Badge
        color={status === 'pending' ? 'gray' : 'blue'}
        variant="light"
        leftSection={status === 'generating' ? <Loader size={10} color="blue" /> : undefined}
        {...common}
      >
        {segmentStatusLabels[status]}
      </Badge>
    );
  }
  if (status === 'failed') {
    return (
      <Badge color="red" variant="filled" {...common}>
        {segmentStatusLabels.failed}
      </Badge>
    );
  }
  if (status === 'cancelled') {
    return (
      <Badge color="gray" variant="outline" {...common}>
        {segmentStatusLabels.cancelled}
      </Badge>
    );
  }
  if (!verdict) {
    return (
      <Badge color="gray" variant="light" {...common}>
        {segmentStatusLabels[status]}
      </Badge>
    );
  }
  return (
    <Badge color={verdictColors[verdict]} variant="light" data-verdict={verdict} {...common}>
      {verdictLabels[verdict]}
    </Badge>
  );
}

export function ApprovedBadge() {
  return (
    <Badge
      color="green"
      variant="filled"
      size="sm"
      leftSection={<ApproveIcon size={12} />}
      miw="max-content"
      data-testid="segment-approved"
    >
      Approved
    </Badge>
  );
}

/** A segment's clip thumbnail, or its seed frame dimmed until the clip is rendered. */
export function SegmentThumbnail({ segment }: { segment: Segment }) {
  const src = segment.output?.thumbnailUrl ?? segment.seed?.thumbnailUrl ?? null;
  const ratio = segment.width && segment.height ? segment.width / segment.height : 1;
  return (
    <AspectRatio
      ratio={ratio}
      bg="dark.6"
      style={{ borderRadius: 4, overflow: 'hidden', position: 'relative' }}
    >
      {src ? (
        <img
          src={src}
          alt=""
          style={{ objectFit: 'cover', opacity: segment.output ? 1 : 0.45 }}
          data-testid="segment-thumbnail"
          data-kind={segment.output ? 'output' : 'seed'}
        />
      ) : (
        <Box />
      )}
      {segment.status === 'generating' && (
        <Box
          style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}
          aria-hidden="true"
        >
          <Loader size="sm" color="white" />
        </Box>
      )}
    </AspectRatio>
  );
}

function SegmentCard({
  segment,
  selected,
  onSelect,
}: {
  segment: Segment;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-pressed={selected}
      aria-label={`Segment ${segment.index}: ${segmentStatusLabels[segment.status]}`}
      data-testid="segment-card"
      data-index={segment.index}
      data-segment-id={segment.id}
      data-tier={segment.tier}
      data-status={segment.status}
      data-verdict={segment.qa.verdict ?? ''}
      w={cardWidth}
      style={{ flex: 'none' }}
    >
      <Card
        padding={6}
        withBorder
        style={{
          borderColor: selected ? 'var(--mantine-primary-color-filled)' : undefined,
          boxShadow: selected ? '0 0 0 1px var(--mantine-primary-color-filled)' : undefined,
        }}
      >
        <Stack gap={6}>
          <SegmentThumbnail segment={segment} />
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              Segment {segment.index}
            </Text>
            <SegmentQaBadge segment={segment} />
          </Group>
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>
              {formatSeconds(segment.durationSeconds)} · {seedSourceOf(segment)}
            </Text>
            {segment.status === 'approved' && <ApproveIcon size={14} color="var(--mantine-color-green-6)" />}
          </Group>
        </Stack>
      </Card>
    </UnstyledButton>
  );
}

function PlaceholderCard({ index }: { index: number }) {
  return (
    <Card
      padding={6}
      w={cardWidth}
      style={{ flex: 'none', borderStyle: 'dashed' }}
      withBorder
      data-testid="segment-placeholder"
      data-index={index}
    >
      <Stack gap={6}>
        <AspectRatio ratio={1}>
          <Box bg="var(--mantine-color-default-hover)" style={{ borderRadius: 4 }} />
        </AspectRatio>
        <Text size="sm" fw={600} c="dimmed">
          Segment {index}
        </Text>
        <Text size="xs" c="dimmed">
          Not started yet
        </Text>
      </Stack>
    </Card>
  );
}

export function SegmentStrip({
  segments,
  run,
  selectedId,
  onSelect,
}: {
  segments: Segment[];
  run: SceneRun | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const last = segments.at(-1)?.index ?? 0;
  // a test shot is made beside the chain: it adds nothing to the strip
  const moving =
    run?.purpose !== 'test_shot' && (run?.status === 'running' || run?.status === 'awaiting_boundary');
  const planned = run && moving ? run.fromIndex - 1 + run.segmentsEstimated : 0;
  const waiting = Array.from({ length: Math.max(0, planned - last) }, (_, i) => last + i + 1);
  return (
    <ScrollArea type="auto" offsetScrollbars scrollbarSize={8}>
      <Group gap="sm" wrap="nowrap" align="stretch" data-testid="segment-strip" pb={4}>
        {segments.map((s) => (
          <SegmentCard
            key={s.id}
            segment={s}
            selected={s.id === selectedId}
            onSelect={() => onSelect(s.id === selectedId ? null : s.id)}
          />
        ))}
        {waiting.map((i) => (
          <PlaceholderCard key={`waiting-${i}`} index={i} />
        ))}
      </Group>
    </ScrollArea>
  );
}
