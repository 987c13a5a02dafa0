// The timeline's geometry and words: where an instant falls on the chart, the axis ticks of a window, blocks sorted
// into rows so that jobs running side by side on one worker do not overlap, colours, and the queue's estimates.
import type { JobPriority, QueueEstimate, TimelineBlock } from '@/api/types';
import { formatApproxDuration } from '@/format/duration';
import type { TimelineHours } from './timeline-queries';

export interface ChartWindow {
  from: number;
  now: number;
  /** A little room after "now", so a running block's expected end shows. */
  end: number;
}

export function windowOf(from: string, now: string): ChartWindow {
  const f = Date.parse(from);
  const n = Date.parse(now);
  return { from: f, now: n, end: n + (n - f) * 0.08 };
}

/** An instant as a percentage of the chart's width, clamped to it. */
export function xOf(ms: number, w: ChartWindow): number {
  return Math.min(100, Math.max(0, ((ms - w.from) / (w.end - w.from)) * 100));
}

const tickMinutes: Record<TimelineHours, number> = { 1: 10, 6: 60, 24: 180 };

/** Round local times inside the window: every 10 min over 1 h, every hour over 6 h, every 3 h over 24 h. */
export function ticksOf(w: ChartWindow, hours: TimelineHours): number[] {
  const step = tickMinutes[hours] * 60_000;
  const t = new Date(w.from);
  t.setHours(0, 0, 0, 0);
  let at = t.getTime();
  while (at < w.from) at += step;
  const ticks: number[] = [];
  for (; at <= w.end; at += step) ticks.push(at);
  return ticks;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
export const formatClock = (ms: number) => clock.format(new Date(ms));

export const isActiveBlock = (b: TimelineBlock) => b.end === null;

/** Where a block's solid part ends: its end, or now while it runs. */
export function solidEndOf(b: TimelineBlock, w: ChartWindow): number {
  return b.end ? Date.parse(b.end) : w.now;
}

/** Blocks in rows, each row holding blocks that do not overlap (a worker may run several jobs at once). */
export function rowsOf(blocks: TimelineBlock[], w: ChartWindow): TimelineBlock[][] {
  const rows: { until: number; blocks: TimelineBlock[] }[] = [];
  const sorted = [...blocks].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const b of sorted) {
    const start = Date.parse(b.start);
    const until = Math.max(solidEndOf(b, w), b.expectedEnd ? Date.parse(b.expectedEnd) : 0);
    const row = rows.find((r) => r.until <= start);
    if (row) {
      row.blocks.push(b);
      row.until = until;
    } else {
      rows.push({ until, blocks: [b] });
    }
  }
  return rows.map((r) => r.blocks);
}

const projectPalette = ['grape', 'teal', 'orange', 'indigo', 'lime', 'pink', 'cyan', 'violet', 'yellow'];

/** A stable colour per project name; work outside a project is gray. */
export function projectColorOf(name: string | null): string {
  if (!name) return 'gray';
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return projectPalette[hash % projectPalette.length]!;
}

export type ColourBy = 'priority' | 'project';

export function blockColorOf(
  b: TimelineBlock,
  by: ColourBy,
  priorityColors: Record<JobPriority, string>,
): string {
  return by === 'priority' ? priorityColors[b.priority] : projectColorOf(b.projectName);
}

/** "starts in ~12 min", "no worker can take it", "no estimate yet". */
export function describeEstimate(
  q: Pick<QueueEstimate, 'estimatedStart' | 'estimated'>,
  now: number,
): string {
  if (q.estimatedStart === null) return 'no worker can take it';
  if (!q.estimated) return 'no estimate yet';
  const ms = Date.parse(q.estimatedStart) - now;
  return ms < 60_000 ? 'starts any moment' : `starts in ${formatApproxDuration(ms)}`;
}

/** "Queue drains in ~2 h 15 min". */
export function describeDrain(drainAt: string, now: number, waiting: number): string {
  if (waiting === 0) return 'Nothing is waiting';
  const ms = Date.parse(drainAt) - now;
  return ms < 60_000 ? 'Queue drains within a minute' : `Queue drains in ${formatApproxDuration(ms)}`;
}
