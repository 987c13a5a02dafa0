// What the workers take next: the waiting GPU jobs in queue order, each with its estimated start, and when the queue
// is expected to be empty.
import { Anchor, Box, Card, Divider, Group, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { RenderTimeline } from '@/api/types';
import { countOf } from '@/format/count';
import { priorityColors, priorityLabels } from '../job-format';
import { describeDrain, describeEstimate } from './timeline-format';

export function NextUp({ timeline, now }: { timeline: RenderTimeline; now: number }) {
  const { queue } = timeline;
  return (
    <Card p={0} data-testid="next-up">
      <Stack gap={2} px="md" py="sm">
        <Text fw={600}>Next up</Text>
        <Text size="sm" c={queue.length ? undefined : 'dimmed'} data-testid="queue-drain">
          {describeDrain(timeline.drainAt, now, queue.length)}
        </Text>
        <Text size="xs" c="dimmed">
          {countOf(timeline.completedLastHour, 'render')} finished in the last hour
        </Text>
      </Stack>
      <Divider />
      {queue.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" py="lg" ta="center">
          No render is waiting for a worker.
        </Text>
      ) : (
        <ScrollArea.Autosize mah={520} type="auto" scrollbars="y">
          <Stack gap={0} py={4}>
            {queue.map((q) => (
              <Group
                key={q.jobId}
                gap="sm"
                wrap="nowrap"
                px="md"
                py={6}
                align="flex-start"
                data-testid="next-up-item"
                data-job-id={q.jobId}
              >
                <Text size="sm" fw={600} c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }}>
                  {q.position}
                </Text>
                <Stack gap={0} miw={0} style={{ flex: 1 }}>
                  <Group gap={6} wrap="nowrap" miw={0}>
                    <Tooltip label={`${priorityLabels[q.priority]} priority`}>
                      <Box
                        w={8}
                        h={8}
                        miw={8}
                        bg={`${priorityColors[q.priority]}.6`}
                        style={{ borderRadius: '50%' }}
                        aria-label={`${priorityLabels[q.priority]} priority`}
                      />
                    </Tooltip>
                    <Anchor component={Link} to={`/jobs/${q.jobId}`} size="sm" fw={500} truncate="end">
                      {q.label}
                    </Anchor>
                  </Group>
                  <Text
                    size="xs"
                    c={q.estimatedStart === null ? 'red' : 'dimmed'}
                    data-testid="next-up-estimate"
                  >
                    {describeEstimate(q, now)}
                    {q.ownerName ? ` · ${q.ownerName}` : ''}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Card>
  );
}
