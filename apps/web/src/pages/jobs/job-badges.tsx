// A job's state (with what it means on hover) and its priority level, coloured as PRD-008 §7 asks.
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import type { JobPriority, JobState } from '@/api/types';
import {
  jobStateColors,
  jobStateDescriptions,
  jobStateLabels,
  priorityColors,
  priorityLabels,
} from './job-format';

export function JobStateBadge({
  state,
  pauseRequested = false,
  ...props
}: { state: JobState; pauseRequested?: boolean } & BadgeProps) {
  const pausing = pauseRequested && (state === 'running' || state === 'dispatched');
  return (
    <Tooltip label={pausing ? 'Pauses at its next checkpoint' : jobStateDescriptions[state]}>
      <Badge
        color={pausing ? 'yellow' : jobStateColors[state]}
        variant={state === 'cancelled' ? 'outline' : 'light'}
        miw="max-content"
        data-testid="job-state"
        data-state={state}
        {...props}
      >
        {pausing ? 'Pausing' : jobStateLabels[state]}
      </Badge>
    </Tooltip>
  );
}

export function JobPriorityBadge({ priority, ...props }: { priority: JobPriority } & BadgeProps) {
  return (
    <Badge
      color={priorityColors[priority]}
      variant="dot"
      miw="max-content"
      data-testid="job-priority"
      data-priority={priority}
      {...props}
    >
      {priorityLabels[priority]}
    </Badge>
  );
}
