// How budgets and quotas read: GPU time in hours (minutes or seconds when small), the state's colour, the period
// and when it resets, and how long what is left lasts at the recent rate.
import type { Budget } from '@/api/types';

function trimmed(n: number): string {
  return n >= 10 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, '');
}

function unitOf(hours: number): 'h' | 'min' | 's' {
  return hours >= 1 ? 'h' : hours * 60 >= 1 ? 'min' : 's';
}

/** "12 GPU h", "2.5 GPU h", "40 GPU min", "1.8 GPU s"; nothing reads in the unit of `like` ("0 GPU min"). */
export function formatGpuTime(hours: number, like = hours): string {
  if (hours <= 0) return `0 GPU ${like > 0 ? unitOf(like) : 'h'}`;
  const unit = unitOf(hours);
  const n = unit === 'h' ? hours : unit === 'min' ? hours * 60 : hours * 3600;
  return `${trimmed(n)} GPU ${unit}`;
}

export const budgetStateColors: Record<Budget['state'], string> = {
  ok: 'green',
  warning: 'yellow',
  exceeded: 'red',
};

export const budgetStateLabels: Record<Budget['state'], string> = {
  ok: 'Within limit',
  warning: 'Running low',
  exceeded: 'Used up',
};

export const periodLabels: Record<Budget['period'], string> = {
  total: 'In total',
  day: 'Per day',
  week: 'Per week',
  month: 'Per month',
};

export const periodOptions = (Object.keys(periodLabels) as Budget['period'][]).map((value) => ({
  value,
  label: periodLabels[value],
}));

/** When the current period ends (periods are in UTC); null for a total budget. */
export function nextReset(budget: Pick<Budget, 'period' | 'periodStart'>): Date | null {
  if (budget.period === 'total' || !budget.periodStart) return null;
  const d = new Date(budget.periodStart);
  if (budget.period === 'day') d.setUTCDate(d.getUTCDate() + 1);
  if (budget.period === 'week') d.setUTCDate(d.getUTCDate() + 7);
  if (budget.period === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  return d;
}

/** "runs out in ~4 days", "lasts until it resets", "no recent use", "used up". */
export function describeProjection(
  budget: Pick<Budget, 'state' | 'daysLeft' | 'period' | 'periodStart'>,
  now = Date.now(),
): string {
  if (budget.state === 'exceeded') return 'used up';
  if (budget.daysLeft === null) return 'no recent use';
  const reset = nextReset(budget);
  if (reset && now + budget.daysLeft * 86_400_000 >= reset.getTime()) return 'lasts until it resets';
  if (budget.daysLeft < 1) return 'runs out within a day';
  const days = Math.round(budget.daysLeft);
  return `runs out in ~${days} ${days === 1 ? 'day' : 'days'}`;
}

export function percentUsed(budget: Pick<Budget, 'fraction'>): number {
  return Math.round(budget.fraction * 100);
}

/** Whose budget it is: the project's name or the user's. */
export function budgetOwnerName(budget: Budget): string {
  return budget.scope === 'project'
    ? (budget.project?.name ?? 'A deleted project')
    : (budget.user?.displayName ?? 'A removed user');
}

const periodPhrases: Record<Budget['period'], string> = {
  total: 'in total',
  day: 'today',
  week: 'this week',
  month: 'this month',
};

/** "1.2 GPU h of 10 GPU h used this week (12 %)". */
export function describeUse(budget: Budget): string {
  return `${formatGpuTime(budget.usedHours, budget.limitHours)} of ${formatGpuTime(budget.limitHours)} used ${periodPhrases[budget.period]} (${percentUsed(budget)} %)`;
}
