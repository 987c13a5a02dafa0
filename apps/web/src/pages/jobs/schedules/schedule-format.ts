// How recurring schedules read: cron presets, the browser's time zone and the list to choose from, the next runs of
// a cron expression as it is typed (croner, the library the server reads it with), and what a schedule submits.
import { Cron } from 'croner';
import type { JobPriority, JobSchedule } from '@/api/types';
import { formatApproxDuration } from '@/format/duration';

export const cronPresets = [
  { label: 'Every night at 03:00', cron: '0 3 * * *' },
  { label: 'Every hour', cron: '0 * * * *' },
  { label: 'Weekdays at 22:00', cron: '0 22 * * 1-5' },
] as const;

export function presetLabelOf(cron: string): string | null {
  return cronPresets.find((p) => p.cron === cron.trim())?.label ?? null;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let zones: string[] | null = null;

/** Every IANA time zone the browser knows, UTC first. */
export function timeZoneOptions(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

/** The next `count` occurrences of a cron expression in a time zone; null when it does not read as one. */
export function previewRuns(cron: string, timezone: string, count = 3, from = new Date()): Date[] | null {
  if (!cron.trim()) return null;
  try {
    return new Cron(cron.trim(), { paused: true, timezone }).nextRuns(count, from);
  } catch {
    return null;
  }
}

const weekdayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** "Tue 4 Mar, 03:00", in the viewer's local time. */
export function formatRunTime(at: Date | string): string {
  return weekdayTime.format(typeof at === 'string' ? new Date(at) : at);
}

/** "Tue 4 Mar, 03:00 (in ~9 h)". */
export function describeRun(at: Date | string, now = Date.now()): string {
  const ms = (typeof at === 'string' ? Date.parse(at) : at.getTime()) - now;
  return `${formatRunTime(at)}${ms > 0 ? ` (in ${formatApproxDuration(ms)})` : ''}`;
}

interface RenderTemplate {
  kind?: string;
  label?: string;
  priority?: JobPriority;
  payload?: { workflowVersionId?: string };
}

/** What a schedule submits, for the list: its job's label, or the kind. */
export function templateOf(schedule: JobSchedule): RenderTemplate {
  return schedule.job as RenderTemplate;
}

export function describeTemplate(schedule: JobSchedule): string {
  const job = templateOf(schedule);
  const what = job.kind === 'comfy.render' ? 'Render' : (job.kind ?? 'Job');
  return job.label ? `${what}: ${job.label}` : `${what} labelled "${schedule.name}"`;
}
