// The Gantt chart of the render timeline: one lane per worker, time across, a "now" line. Finished jobs are solid
// blocks; running ones grow up to now, with a faded extension to their expected end. A block opens its job.
import { Box, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { TimelineBlock, TimelineLane } from '@/api/types';
import { formatDateTime } from '@/format/date-time';
import { formatDuration } from '@/format/duration';
import { jobStateLabels, priorityColors, priorityLabels } from '../job-format';
import classes from './timeline.module.css';
import {
  blockColorOf,
  type ChartWindow,
  type ColourBy,
  formatClock,
  isActiveBlock,
  rowsOf,
  solidEndOf,
  xOf,
} from './timeline-format';

const healthColors: Record<string, string> = {
  healthy: 'green',
  degraded: 'yellow',
  down: 'red',
  unknown: 'gray',
};
const rowHeight = 24;

function BlockTooltip({ block, w }: { block: TimelineBlock; w: ChartWindow }) {
  const start = Date.parse(block.start);
  const state = jobStateLabels[block.state as keyof typeof jobStateLabels] ?? block.state;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {block.label}
      </Text>
      <Text size="xs">
        {state} · {priorityLabels[block.priority]}
        {isActiveBlock(block) ? ` · ${Math.round(block.progress * 100)} %` : ''}
      </Text>
      {(block.projectName || block.ownerName) && (
        <Text size="xs">{[block.projectName, block.ownerName].filter(Boolean).join(' · ')}</Text>
      )}
      <Text size="xs">
        {formatDateTime(block.start)} · {isActiveBlock(block) ? 'running for' : 'took'}{' '}
        {formatDuration(solidEndOf(block, w) - start)}
      </Text>
      {block.expectedEnd && isActiveBlock(block) && (
        <Text size="xs">Expected to end about {formatClock(Date.parse(block.expectedEnd))}</Text>
      )}
    </Stack>
  );
}

function Block({ block, row, w, by }: { block: TimelineBlock; row: number; w: ChartWindow; by: ColourBy }) {
  const color = blockColorOf(block, by, priorityColors);
  const start = Date.parse(block.start);
  const left = xOf(start, w);
  const solidEnd = xOf(solidEndOf(block, w), w);
  const running = isActiveBlock(block);
  const expected = running && block.expectedEnd ? xOf(Date.parse(block.expectedEnd), w) : null;
  const top = 8 + row * rowHeight;
  const stateClass =
    block.state === 'failed' ? classes.failed : block.state === 'cancelled' ? classes.cancelled : '';
  return (
    <>
      {expected !== null && expected > solidEnd && (
        <span
          className={classes.expected}
          style={{
            top,
            left: `${solidEnd}%`,
            width: `${expected - solidEnd}%`,
            color: `var(--mantine-color-${color}-6)`,
            background: `var(--mantine-color-${color}-3)`,
          }}
          aria-hidden
        />
      )}
      <Tooltip label={<BlockTooltip block={block} w={w} />} withinPortal multiline maw={320}>
        <Link
          to={`/jobs/${block.jobId}`}
          className={`${classes.block} ${running ? classes.running : ''} ${stateClass}`}
          style={{
            top,
            // anchored at its end, so a block too short to see grows back in time, never past "now"
            right: `${100 - solidEnd}%`,
            width: `max(6px, ${solidEnd - left}%)`,
            background: `var(--mantine-color-${color}-6)`,
          }}
          aria-label={`${block.label}, ${jobStateLabels[block.state as keyof typeof jobStateLabels] ?? block.state}`}
          data-testid="timeline-block"
          data-job-id={block.jobId}
          data-state={block.state}
        >
          <span className={classes.blockLabel}>{block.label}</span>
        </Link>
      </Tooltip>
    </>
  );
}

function Lane({ lane, w, by, ticks }: { lane: TimelineLane; w: ChartWindow; by: ColourBy; ticks: number[] }) {
  const rows = rowsOf(lane.blocks, w);
  const height = 16 + Math.max(1, rows.length) * rowHeight;
  const { worker } = lane;
  const health = healthColors[worker.health] ?? 'gray';
  const off = worker.adminState !== 'enabled';
  return (
    <div className={classes.lane} data-testid="timeline-lane" data-worker={worker.name}>
      <div className={classes.label}>
        <Box style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
          <Tooltip label={`Health: ${worker.health}`}>
            <span
              className={classes.dot}
              style={{ background: `var(--mantine-color-${health}-6)` }}
              data-testid="lane-health"
              data-health={worker.health}
            />
          </Tooltip>
          <Text
            size="sm"
            fw={500}
            truncate="end"
            component={Link}
            to={`/workers/${worker.id}`}
            c="inherit"
            td="none"
          >
            {worker.name}
          </Text>
        </Box>
        <Text size="xs" c="dimmed" truncate="end">
          {off ? `${worker.adminState} · ` : ''}
          {worker.maxConcurrency === 1 ? '1 slot' : `${worker.maxConcurrency} slots`}
          {worker.tags.length ? ` · ${worker.tags.join(', ')}` : ''}
        </Text>
      </div>
      <div className={classes.track} style={{ height }}>
        {ticks.map((t) => (
          <span key={t} className={classes.tick} style={{ left: `${xOf(t, w)}%` }} aria-hidden />
        ))}
        <span className={classes.future} style={{ left: `${xOf(w.now, w)}%` }} aria-hidden />
        {rows.flatMap((blocks, row) =>
          blocks.map((b) => <Block key={b.jobId} block={b} row={row} w={w} by={by} />),
        )}
        <span className={classes.now} style={{ left: `${xOf(w.now, w)}%` }} aria-hidden />
      </div>
    </div>
  );
}

interface TimelineChartProps {
  lanes: TimelineLane[];
  w: ChartWindow;
  ticks: number[];
  by: ColourBy;
}

export function TimelineChart({ lanes, w, ticks, by }: TimelineChartProps) {
  const nowX = xOf(w.now, w);
  return (
    <div className={classes.chart} data-testid="timeline-chart">
      <div className={classes.axis}>
        <div className={classes.label}>
          <Text size="xs" fw={600} c="dimmed">
            Worker
          </Text>
        </div>
        <div className={classes.track} style={{ minHeight: 0 }}>
          {ticks
            // a label under the "now" marker would be hidden by it, one at the edge cut off
            .filter((t) => Math.abs(xOf(t, w) - nowX) > 4 && xOf(t, w) > 3 && xOf(t, w) < 97)
            .map((t) => (
              <span key={t} className={classes.tickLabel} style={{ left: `${xOf(t, w)}%` }}>
                {formatClock(t)}
              </span>
            ))}
          <span className={classes.nowLabel} style={{ left: `${nowX}%` }}>
            now
          </span>
        </div>
      </div>
      {lanes.map((lane) => (
        <Lane key={lane.worker.id} lane={lane} w={w} by={by} ticks={ticks} />
      ))}
    </div>
  );
}
