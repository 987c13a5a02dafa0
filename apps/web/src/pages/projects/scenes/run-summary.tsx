// The state of a scene's run: its status badge, its progress (segments and seconds, elapsed and remaining time), and
// what it waits for or what went wrong, with the next step.
import { Alert, Badge, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { ErrorIcon, InfoIcon, WarningIcon } from '@/components';
import { countOf } from '@/format/count';
import { formatDuration } from '@/format/duration';
import { formatSeconds, runStatusColors, runStatusLabels } from './generation-format';
import { isLiveRun, type SceneRun, type Segment } from './generation-queries';

export function RunStatusBadge({ run }: { run: SceneRun | null }) {
  if (!run) {
    return (
      <Badge color="gray" variant="outline" data-testid="run-status" data-status="none">
        Not generated
      </Badge>
    );
  }
  return (
    <Badge
      color={runStatusColors[run.status]}
      variant={run.status === 'completed' ? 'filled' : 'light'}
      leftSection={run.status === 'running' ? <Loader size={10} color="blue" /> : undefined}
      data-testid="run-status"
      data-status={run.status}
    >
      {runStatusLabels[run.status]}
    </Badge>
  );
}

export function RunProgress({ run }: { run: SceneRun }) {
  const share = run.targetSeconds > 0 ? Math.min(1, run.secondsDone / run.targetSeconds) : 0;
  const running = run.status === 'running';
  const waiting = isLiveRun(run) && !running;
  const what =
    run.purpose === 'regenerate'
      ? `Regeneration of segment ${run.fromIndex}${run.cascade ? ' onwards' : ''}`
      : run.purpose === 'test_shot'
        ? 'Test shot'
        : 'Full generation';
  const elapsed = formatDuration(run.elapsedSeconds * 1000);
  return (
    <Stack gap={6} data-testid="run-progress">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          <b>
            {run.segmentsDone} of {countOf(run.segmentsEstimated, 'segment')}
          </b>{' '}
          · {formatSeconds(run.secondsDone)} of {formatSeconds(run.targetSeconds)}
          <Text span size="xs" c="dimmed">
            {' '}
            · {what}, {run.tier} tier{run.startedBy ? `, by ${run.startedBy.displayName}` : ''}
            {run.transitionAtSegment ? ` · variant switch at segment ${run.transitionAtSegment}` : ''}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" data-testid="run-times">
          {running
            ? `Running for ${elapsed}${
                run.remainingSeconds !== null
                  ? ` · about ${formatDuration(run.remainingSeconds * 1000)} left`
                  : ''
              }`
            : waiting
              ? `Waiting for you · started ${elapsed} ago`
              : `Took ${elapsed}`}
        </Text>
      </Group>
      <Progress
        value={Math.max(share * 100, running ? 2 : 0)}
        color={
          run.status === 'completed'
            ? 'green'
            : run.status === 'failed'
              ? 'red'
              : waiting
                ? 'orange'
                : run.status === 'cancelled'
                  ? 'gray'
                  : undefined
        }
        striped={running}
        animated={running}
        aria-label="Seconds generated of the target"
      />
    </Stack>
  );
}

/** What went wrong or what the run waits for, and what to do next. */
export function RunNotice({
  run,
  segments,
  onOpen,
}: {
  run: SceneRun;
  segments: Segment[];
  onOpen: (index: number) => void;
}) {
  const last = segments.at(-1);
  if (run.status === 'awaiting_boundary' && last) {
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<InfoIcon size={18} />}
        title={`Choose the boundary frame of segment ${last.index}`}
        data-testid="run-notice"
      >
        <Group justify="space-between" gap="sm">
          <Text size="sm">The scene waits for you to pick the frame the next segment starts from.</Text>
          <Button size="xs" variant="light" color="orange" onClick={() => onOpen(last.index)}>
            Open segment {last.index}
          </Button>
        </Group>
      </Alert>
    );
  }
  if (run.status === 'needs_attention') {
    const failing = segments.find((s) => s.status === 'qa_fail') ?? last;
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<WarningIcon size={18} />}
        title="A segment needs your decision"
        data-testid="run-notice"
      >
        <Stack gap={6}>
          <Text size="sm">{run.error?.message ?? 'A segment failed QA.'}</Text>
          <Text size="sm">
            {failing?.status === 'approved'
              ? `Segment ${failing.index} is approved as it is. The run does not go on from it: cancel the run to free the scene for a new generation or a regeneration.`
              : 'Look at it: approve it as it is, or cancel the run and regenerate it (or generate the scene again).'}
          </Text>
          {failing && (
            <Group>
              <Button size="xs" variant="light" color="orange" onClick={() => onOpen(failing.index)}>
                Open segment {failing.index}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  if (run.status === 'failed') {
    const failed = segments.find((s) => s.status === 'failed');
    return (
      <Alert
        color="red"
        variant="light"
        icon={<ErrorIcon size={18} />}
        title="Generation failed"
        data-testid="run-notice"
      >
        <Stack gap={6}>
          <Text size="sm">{run.error?.message ?? 'The run stopped.'}</Text>
          <Text size="sm">
            {failed
              ? `Open segment ${failed.index} and its render job to see why, then regenerate it or generate the scene again.`
              : 'Generate the scene again once the cause is fixed.'}
          </Text>
          {failed && (
            <Group>
              <Button size="xs" variant="light" color="red" onClick={() => onOpen(failed.index)}>
                Open segment {failed.index}
              </Button>
            </Group>
          )}
        </Stack>
      </Alert>
    );
  }
  if (run.status === 'cancelled') {
    return (
      <Text size="sm" c="dimmed" data-testid="run-notice">
        The run was cancelled; the segments it finished stay. Regenerate a segment or generate the scene
        again.
      </Text>
    );
  }
  return null;
}
