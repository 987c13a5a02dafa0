// One test shot of the scene: its clip (click to play), tier, QA verdict and first reason, when it was made, the
// prompt and parameters on demand, and Promote to segment 1 once it passed QA.
import { Anchor, Badge, Button, Card, Collapse, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { CollapsedIcon, DateTimeText, ExpandIcon, MoveToFrontIcon } from '@/components';
import { formatSeconds, severityColors } from './generation-format';
import { isPromotable, type Segment } from './generation-queries';
import { PromptAndParameters } from './segment-prompt';
import { SegmentQaBadge, SegmentThumbnail } from './segment-strip';

export function TierBadge({ tier }: { tier: Segment['tier'] }) {
  return (
    <Badge
      size="sm"
      variant={tier === 'draft' ? 'outline' : 'light'}
      color={tier === 'draft' ? 'grape' : 'blue'}
      miw="max-content"
      data-testid="tier-badge"
    >
      {tier}
    </Badge>
  );
}

/** The clip, started by a click; before it is rendered, the seed frame with a spinner. */
export function TestShotClip({ shot, autoPlay = false }: { shot: Segment; autoPlay?: boolean }) {
  const [playing, setPlaying] = useState(false);
  if (!shot.output) return <SegmentThumbnail segment={shot} />;
  if (playing || autoPlay) {
    return (
      <video
        src={shot.output.url}
        poster={shot.output.thumbnailUrl ?? undefined}
        controls={playing}
        autoPlay
        muted
        loop
        playsInline
        preload="metadata"
        style={{
          width: '100%',
          aspectRatio: shot.width && shot.height ? `${shot.width} / ${shot.height}` : '1',
          borderRadius: 4,
          background: '#000',
          display: 'block',
        }}
        data-testid="test-shot-video"
      />
    );
  }
  return (
    <button
      type="button"
      onClick={() => setPlaying(true)}
      style={{
        border: 0,
        padding: 0,
        background: 'none',
        cursor: 'pointer',
        display: 'block',
        width: '100%',
      }}
      aria-label="Play the test shot"
    >
      <SegmentThumbnail segment={shot} />
    </button>
  );
}

/** The first QA reason (the one that decided the verdict), a render error, or that every gate passed. */
export function FirstReason({ shot }: { shot: Segment }) {
  const first = shot.qa.reasons[0];
  if (shot.error) {
    return (
      <Text size="xs" c="red.7" lineClamp={2}>
        {shot.error.message}
      </Text>
    );
  }
  if (first) {
    return (
      <Text
        size="xs"
        c={severityColors[first.severity] === 'red' ? 'red.7' : 'yellow.8'}
        lineClamp={2}
        title={shot.qa.reasons.map((r) => r.message).join('\n')}
        data-testid="test-shot-reason"
      >
        {first.message}
        {shot.qa.reasons.length > 1 ? ` (+${shot.qa.reasons.length - 1} more)` : ''}
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {shot.qa.verdict === 'pass' ? 'Every gate passed' : shot.status === 'generating' ? 'Rendering…' : '—'}
    </Text>
  );
}

export function TestShotCard({
  shot,
  canEdit,
  blocked,
  onPromote,
}: {
  shot: Segment;
  canEdit: boolean;
  /** A run is live: nothing can be promoted until it ends. */
  blocked: boolean;
  onPromote: () => void;
}) {
  const [details, setDetails] = useState(false);
  const size = shot.width && shot.height ? `${shot.width}×${shot.height}` : null;
  return (
    <Card
      withBorder
      padding="xs"
      data-testid="test-shot-card"
      data-segment-id={shot.id}
      data-status={shot.status}
      data-verdict={shot.qa.verdict ?? ''}
    >
      <Stack gap={6}>
        <TestShotClip key={shot.output?.id ?? 'none'} shot={shot} />
        <Group gap={4} wrap="nowrap">
          <TierBadge tier={shot.tier} />
          <SegmentQaBadge segment={shot} />
        </Group>
        <FirstReason shot={shot} />
        <Text size="xs" c="dimmed" component="div">
          <DateTimeText value={shot.createdAt} relative size="xs" c="dimmed" />
          {[size, shot.durationSeconds !== null ? formatSeconds(shot.durationSeconds) : null]
            .filter(Boolean)
            .map((fact) => ` · ${fact}`)}
          {shot.renderJobId && (
            <>
              {' · '}
              <Anchor component={Link} to={`/jobs/${shot.renderJobId}`} size="xs">
                Render job
              </Anchor>
            </>
          )}
        </Text>
        <Group gap={4}>
          <Button
            variant="subtle"
            size="compact-xs"
            rightSection={details ? <ExpandIcon size={12} /> : <CollapsedIcon size={12} />}
            onClick={() => setDetails((d) => !d)}
            aria-expanded={details}
          >
            Parameters
          </Button>
        </Group>
        {canEdit && isPromotable(shot) && (
          <Button
            size="xs"
            variant="light"
            fullWidth
            leftSection={<MoveToFrontIcon size={14} />}
            disabled={blocked}
            onClick={onPromote}
            data-testid="promote-test-shot"
          >
            Promote to segment 1
          </Button>
        )}
        <Collapse expanded={details}>{details && <PromptAndParameters segment={shot} />}</Collapse>
      </Stack>
    </Card>
  );
}
