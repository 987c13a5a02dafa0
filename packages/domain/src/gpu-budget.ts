// GPU-hour budgets and quotas (PRD-093): when a period starts, how full a budget is, which warnings are due.

export type BudgetPeriod = 'total' | 'day' | 'week' | 'month';

/** Start of the current period in UTC (days start at midnight, weeks on Monday, months on the 1st); null: total. */
export function budgetPeriodStart(period: BudgetPeriod, now: Date): Date | null {
  if (period === 'total') return null;
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (period === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (period === 'month') d.setUTCDate(1);
  return d;
}

export interface BudgetStatus {
  /** used / limit (may exceed 1). */
  fraction: number;
  state: 'ok' | 'warning' | 'exceeded';
  remainingHours: number;
}

export function budgetStatus(usedHours: number, limitHours: number, warnAt: readonly number[]): BudgetStatus {
  const fraction = limitHours > 0 ? usedHours / limitHours : 1;
  const lowestWarning = Math.min(...warnAt, 1);
  return {
    fraction,
    state: fraction >= 1 ? 'exceeded' : fraction >= lowestWarning ? 'warning' : 'ok',
    remainingHours: Math.max(0, limitHours - usedHours),
  };
}

/**
 * The highest threshold newly crossed by going from `before` to `after` (fractions), given the highest already
 * warned about in this period; null when no new warning is due. Reaching 1 counts as a threshold.
 */
export function thresholdCrossed(
  after: number,
  alreadyWarned: number,
  warnAt: readonly number[],
): number | null {
  const levels = [...new Set([...warnAt, 1])].sort((a, b) => a - b);
  const due = levels.filter((l) => after >= l && l > alreadyWarned);
  return due.length ? due[due.length - 1]! : null;
}

/** Days until the budget runs out at the recent daily rate; null when nothing is being used. */
export function daysUntilExhausted(remainingHours: number, recentHoursPerDay: number): number | null {
  if (recentHoursPerDay <= 0) return null;
  return remainingHours / recentHoursPerDay;
}
