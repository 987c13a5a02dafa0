// One segment of the chain opened from the strip: its clip, seed and boundary frames side by side, QA scores and
// reasons, the prompt and parameters it was made with, its jobs, and what can be done with it (approve, regenerate,
// choose its boundary frame while the scene waits for one).
import { Alert, Anchor, Badge, Card, CloseButton, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { DateTimeText, ExternalLinkIcon, proxyUrlOf, spriteUrlOf, VideoPlayer } from '@/components';
import { BoundaryScrubber } from './boundary-scrubber';
import { formatSeconds } from './generation-format';
import type { ProblemPlaces } from './generation-problem';
import type { SceneRun, SceneTypeView, Segment } from './generation-queries';
import { SegmentActions } from './segment-actions';
import { PromptAndParameters } from './segment-prompt';
import { SegmentQaTable } from './segment-qa-table';
import { ApprovedBadge, SegmentQaBadge } from './segment-strip';

function Still({
  label,
  caption,
  file,
  testId,
}: {
  label: string;
  caption: string;
  file: Segment['seed'];
  testId: string;
}) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {file ? (
        <a href={file.url} target="_blank" rel="noreferrer" title="Open the full image">
          <img
            src={file.url}
            alt={`${label}, ${caption}`}
            data-testid={testId}
            style={{
              width: '100%',
              maxHeight: 240,
              objectFit: 'contain',
              display: 'block',
              borderRadius: 4,
              background: '#000',
            }}
          />
        </a>
      ) : (
        <Card withBorder padding="sm" bg="var(--mantine-color-default-hover)">
          <Text size="xs" c="dimmed">
            Not chosen yet
          </Text>
        </Card>
      )}
      <Text size="xs" c="dimmed">
        {caption}
      </Text>
    </Stack>
  );
}

function seedCaption(segment: Segment): string {
  switch (segment.seedSource) {
    case 'hero':
      return segment.variantTypeSlug ? `The ${segment.variantTypeSlug} hero image` : 'The hero image';
    case 'boundary':
      return `The boundary frame of segment ${segment.index - 1}`;
    case 'anchor':
      return 'The hero again: likeness had drifted too far';
    case 'transition':
      return `Variant switch to ${segment.variantTypeSlug ?? 'the next variant'}`;
    default:
      return 'No seed frame';
  }
}

function boundaryCaption(segment: Segment, awaiting: boolean): string {
  if (awaiting) return 'Waits for you: choose it above';
  if (segment.boundaryFrameIndex === null) return 'Chosen once the segment is checked';
  const last = segment.frameCount !== null && segment.boundaryFrameIndex === segment.frameCount - 1;
  const how = { last: 'the last frame', auto: 'chosen automatically', manual: 'chosen by hand' };
  return `Frame ${segment.boundaryFrameIndex}${segment.boundaryMode ? ` · ${how[segment.boundaryMode]}` : ''}${
    last && segment.boundaryMode !== 'last' ? ' (the last)' : ''
  }`;
}

function Facts({ segment }: { segment: Segment }) {
  const frames = segment.frameCount ? `${segment.frameCount} frames` : null;
  const size = segment.width && segment.height ? `${segment.width}×${segment.height}` : null;
  const trimmed = segment.trimStartFrames ? `, first ${segment.trimStartFrames} trimmed` : '';
  const boundary =
    segment.boundaryFrameIndex !== null
      ? `ends on frame ${segment.boundaryFrameIndex}${segment.boundaryMode ? ` (${segment.boundaryMode})` : ''}`
      : null;
  return (
    <Text size="xs" c="dimmed" data-testid="segment-facts">
      {[
        size,
        frames && segment.fps ? `${frames} at ${segment.fps} fps${trimmed}` : frames,
        `${formatSeconds(segment.durationSeconds)} used`,
        boundary,
        `${segment.tier} tier`,
      ]
        .filter(Boolean)
        .join(' · ')}
    </Text>
  );
}

export function SegmentDetails({
  segment,
  run,
  isLast,
  sceneId,
  sceneType,
  canEdit,
  canApprove,
  places,
  onClose,
}: {
  segment: Segment;
  run: SceneRun | null;
  isLast: boolean;
  sceneId: string;
  sceneType: SceneTypeView | undefined;
  canEdit: boolean;
  canApprove: boolean;
  places: ProblemPlaces;
  onClose: () => void;
}) {
  const awaitingBoundary =
    run?.status === 'awaiting_boundary' && isLast && segment.boundary === null && segment.runId === run.id;
  return (
    <Card
      withBorder
      padding="md"
      data-testid="segment-details"
      data-index={segment.index}
      data-status={segment.status}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3} size="h4">
                Segment {segment.index}
              </Title>
              <SegmentQaBadge segment={segment} />
              {segment.status === 'approved' && <ApprovedBadge />}
              <Badge variant="outline" color="gray" size="sm" tt="none">
                version {segment.version} · attempt {segment.attempt}
              </Badge>
            </Group>
            <Facts segment={segment} />
          </Stack>
          <CloseButton onClick={onClose} aria-label="Close the segment" />
        </Group>
        {segment.error && (
          <Alert color="red" variant="light" title="The render failed" data-testid="segment-error">
            {segment.error.message}
            {segment.error.code ? ` (${segment.error.code})` : ''}
          </Alert>
        )}
        {awaitingBoundary && canEdit && (
          <BoundaryScrubber segment={segment} sceneId={sceneId} places={places} />
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap={4}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                Clip
              </Text>
              {segment.output ? (
                <VideoPlayer
                  key={segment.output.id}
                  src={segment.output.url}
                  fps={segment.fps ?? 16}
                  frameCount={segment.frameCount}
                  spriteUrl={spriteUrlOf(segment.output.url)}
                  fallbackSrc={proxyUrlOf(segment.output.url)}
                  poster={segment.output.thumbnailUrl}
                  loop
                  maxHeight={320}
                  videoTestId="segment-video"
                />
              ) : (
                <Card withBorder padding="lg" bg="var(--mantine-color-default-hover)">
                  <Text size="sm" c="dimmed">
                    {segment.status === 'generating' ? 'Rendering…' : 'No clip was rendered.'}
                  </Text>
                </Card>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Still
              label="Seed frame"
              caption={seedCaption(segment)}
              file={segment.seed}
              testId="segment-seed"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Still
              label="Boundary frame"
              caption={boundaryCaption(segment, awaitingBoundary)}
              file={segment.boundary}
              testId="segment-boundary"
            />
          </Grid.Col>
        </Grid>
        <SegmentActions
          segment={segment}
          run={run}
          isLast={isLast}
          sceneId={sceneId}
          canEdit={canEdit}
          canApprove={canApprove}
          places={places}
        />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4} size="h6">
                  Quality checks
                </Title>
                {segment.qa.rank !== null && (
                  <Text size="xs" c="dimmed">
                    Rank {segment.qa.rank.toFixed(2)} (higher is better)
                  </Text>
                )}
              </Group>
              <SegmentQaTable segment={segment} thresholds={sceneType?.generation.qaThresholds} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <PromptAndParameters segment={segment} />
          </Grid.Col>
        </Grid>
        <Group gap="md" data-testid="segment-jobs">
          {segment.renderJobId && (
            <Anchor component={Link} to={`/jobs/${segment.renderJobId}`} size="sm">
              <Group gap={4} component="span">
                Render job <ExternalLinkIcon size={12} />
              </Group>
            </Anchor>
          )}
          {segment.qaJobId && (
            <Anchor component={Link} to={`/jobs/${segment.qaJobId}`} size="sm">
              <Group gap={4} component="span">
                QA job <ExternalLinkIcon size={12} />
              </Group>
            </Anchor>
          )}
          <Text size="xs" c="dimmed" component="span">
            Made <DateTimeText value={segment.createdAt} relative size="xs" />
            {segment.approvedAt && (
              <>
                {' '}
                · approved <DateTimeText value={segment.approvedAt} relative size="xs" />
              </>
            )}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
