// A job's progress bar and its timing in words: how long it has run and about how long is left, how long it has
// waited, or when it starts.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Job } from '@/api/types';
import { formatDateTime, formatRelative } from '@/format/date-time';
import { estimateRemainingMs, formatDuration } from '@/format/duration';
import { isFinished, isRunning } from './job-format';

/** The current time, ticking every `everyMs` while the component is shown (for elapsed times). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

type Timed = Pick<
  Job,
  'state' | 'progress' | 'startedAt' | 'finishedAt' | 'queuedAt' | 'createdAt' | 'runAt'
>;

export function describeTiming(job: Timed, now: number): string {
  if (isRunning(job) && job.startedAt) {
    const elapsed = now - Date.parse(job.startedAt);
    const left = estimateRemainingMs(elapsed, job.progress);
    return `Running for ${formatDuration(elapsed)}${left === null ? '' : ` · about ${formatDuration(left)} left`}`;
  }
  if (isRunning(job)) return 'Starting';
  if (isFinished(job)) {
    if (job.startedAt && job.finishedAt)
      return `Took ${formatDuration(Date.parse(job.finishedAt) - Date.parse(job.startedAt))}`;
    return job.finishedAt ? `Ended ${formatRelative(job.finishedAt, new Date(now))}` : '';
  }
  if (job.state === 'scheduled' && job.runAt) return `Starts ${formatDateTime(job.runAt)}`;
  return `Waiting for ${formatDuration(now - Date.parse(job.queuedAt ?? job.createdAt))}`;
}

export function percentOf(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

export function JobProgressBar({
  job,
  size = 'sm',
}: {
  job: Pick<Job, 'state' | 'progress'>;
  size?: string;
}) {
  const running = isRunning(job);
  const value = job.state === 'completed' ? 100 : percentOf(job.progress);
  return (
    <Progress
      value={value}
      size={size}
      striped={running}
      animated={running}
      color={job.state === 'failed' ? 'red' : job.state === 'completed' ? 'green' : 'brand'}
      aria-label="Progress"
      data-testid="job-progress"
      data-value={value}
    />
  );
}

/** Bar, percentage and timing. */
export function JobProgress({ job, now }: { job: Timed; now: number }) {
  return (
    <Stack gap={4}>
      <JobProgressBar job={job} />
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" truncate="end">
          {describeTiming(job, now)}
        </Text>
        {isRunning(job) && (
          <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {percentOf(job.progress)} %
          </Text>
        )}
      </Group>
    </Stack>
  );
}
