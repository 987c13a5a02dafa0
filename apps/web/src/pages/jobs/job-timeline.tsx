// A job's history as a timeline (PRD-008 §1.2: every transition timestamped and logged): state changes with the
// attempt, worker and who caused them; log lines coloured by level; moves in the queue; checkpoints.
import { Badge, Group, Text, Timeline } from '@mantine/core';
import type { JobEvent } from '@/api/types';
import { formatDateTime } from '@/format/date-time';
import { jobStateColors, jobStateLabels } from './job-format';

const levelColors: Record<JobEvent['level'], string> = { info: 'gray', warning: 'orange', error: 'red' };

function colorOf(e: JobEvent): string {
  if (e.level !== 'info') return levelColors[e.level];
  if (e.kind === 'transition' && e.toState) return jobStateColors[e.toState];
  return 'gray';
}

function EventTitle({ e }: { e: JobEvent }) {
  if (e.kind === 'transition' && e.toState) {
    return (
      <Group gap={6} wrap="nowrap">
        {e.fromState ? (
          <Badge size="sm" variant="light" color={jobStateColors[e.fromState]}>
            {jobStateLabels[e.fromState]}
          </Badge>
        ) : (
          <Text size="sm" fw={500}>
            Submitted
          </Text>
        )}
        <Text size="sm" c="dimmed" aria-label="to">
          →
        </Text>
        <Badge size="sm" variant="light" color={jobStateColors[e.toState]}>
          {jobStateLabels[e.toState]}
        </Badge>
      </Group>
    );
  }
  const what = e.kind === 'moved' ? 'Moved' : e.kind === 'checkpoint' ? 'Checkpoint' : null;
  return (
    <Text size="sm" fw={500} c={e.level === 'info' ? undefined : levelColors[e.level]}>
      {what ?? e.message}
    </Text>
  );
}

export function JobTimeline({ events }: { events: JobEvent[] }) {
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="job-timeline">
      {events.map((e) => {
        const facts = [
          formatDateTime(e.at, true),
          e.attempt > 0 ? `attempt ${e.attempt}` : null,
          e.worker ? `on ${e.worker.name}` : null,
          e.actor ? `by ${e.actor.displayName}` : null,
        ].filter(Boolean);
        const showMessage = e.kind !== 'log' && e.message;
        return (
          <Timeline.Item
            key={e.id}
            color={colorOf(e)}
            title={<EventTitle e={e} />}
            data-testid="timeline-item"
            data-kind={e.kind}
            data-from={e.fromState ?? undefined}
            data-to={e.toState ?? undefined}
            data-level={e.level}
          >
            {showMessage && (
              <Text size="sm" c={e.level === 'info' ? undefined : levelColors[e.level]} mt={2}>
                {e.message}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {facts.join(' · ')}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
