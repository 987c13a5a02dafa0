// The render timeline (PRD-090): what each worker rendered over the last 1, 6 or 24 hours, what runs now and when it
// is expected to end, and what comes next with estimated starts. Live job events and a 15 s poll keep it current.
import { Badge, Button, Grid, Group, SegmentedControl, Skeleton, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyList, LoadError, PageHeader, WorkersIcon } from '@/components';
import { priorities, priorityColors, priorityLabels } from '../job-format';
import { useNow } from '../job-progress';
import { JobsTabs } from '../jobs-tabs';
import { NextUp } from './next-up';
import { TimelineChart } from './timeline-chart';
import { type ColourBy, projectColorOf, ticksOf, windowOf } from './timeline-format';
import { type TimelineHours, useRenderTimeline } from './timeline-queries';

const windows: { value: string; label: string }[] = [
  { value: '1', label: '1 h' },
  { value: '6', label: '6 h' },
  { value: '24', label: '24 h' },
];

function Legend({ by, projects }: { by: ColourBy; projects: string[] }) {
  const items =
    by === 'priority'
      ? priorities.map((p) => ({ key: p, label: priorityLabels[p], color: priorityColors[p] }))
      : [
          ...projects.map((p) => ({ key: p, label: p, color: projectColorOf(p) })),
          { key: '', label: 'No project', color: projectColorOf(null) },
        ];
  return (
    <Group gap="xs" mt="sm">
      {items.map((i) => (
        <Badge key={i.key} color={i.color} variant="dot" size="sm">
          {i.label}
        </Badge>
      ))}
      <Text size="xs" c="dimmed">
        Striped: running; faded: expected rest; outlined red: failed; pale: cancelled.
      </Text>
    </Group>
  );
}

export function TimelinePage() {
  const [hours, setHours] = useState<TimelineHours>(1);
  const [by, setBy] = useState<ColourBy>('priority');
  const timeline = useRenderTimeline(hours);
  const now = useNow(15_000);
  const data = timeline.data;
  const w = data ? windowOf(data.from, data.now) : null;
  const projects = [
    ...new Set(data?.lanes.flatMap((l) => l.blocks.map((b) => b.projectName).filter((p) => p !== null))),
  ] as string[];
  const nothingRan = data?.lanes.every((l) => l.blocks.length === 0);

  return (
    <>
      <JobsTabs />
      <PageHeader
        title="Timeline"
        description="What each worker rendered and renders now, and what comes next. Click a block to open its job."
        actions={
          <Group gap="sm">
            <SegmentedControl
              aria-label="Colour by"
              data={[
                { value: 'priority', label: 'By priority' },
                { value: 'project', label: 'By project' },
              ]}
              value={by}
              onChange={(v) => setBy(v as ColourBy)}
            />
            <SegmentedControl
              aria-label="Window"
              data={windows}
              value={String(hours)}
              onChange={(v) => setHours(Number(v) as TimelineHours)}
              data-testid="timeline-window"
            />
          </Group>
        }
      />
      {timeline.isError && (
        <LoadError what="the timeline" error={timeline.error} onRetry={() => void timeline.refetch()} />
      )}
      {timeline.isPending && <Skeleton h={240} />}
      {data && w && data.lanes.length === 0 && (
        <EmptyList
          title="No workers"
          icon={<WorkersIcon size={28} />}
          description="The timeline shows one lane per worker. Register a ComfyUI server on the Workers page to start rendering."
          action={
            <Button component={Link} to="/workers" variant="default">
              Open workers
            </Button>
          }
        />
      )}
      {data && w && data.lanes.length > 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8, xl: 9 }}>
            <TimelineChart lanes={data.lanes} w={w} ticks={ticksOf(w, hours)} by={by} />
            <Legend by={by} projects={projects} />
            {nothingRan && (
              <Text size="sm" c="dimmed" mt="sm">
                No render ran in the last {hours === 1 ? 'hour' : `${hours} hours`}.
              </Text>
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4, xl: 3 }}>
            <NextUp timeline={data} now={Math.max(now, w.now)} />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
