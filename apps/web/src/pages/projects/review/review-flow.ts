// The rhythm of rapid review (PRD-035 §1.3): which item comes next after a decision, and how long the page waits
// before moving on (a per-browser setting).
import type { ReviewItem, ReviewStateFilter } from './review-queries';

/**
 * The item to show after a decision on `decidedId`: the next one after it still waiting in this view, wrapping to
 * the first earlier one; null at the end of the queue. In the unreviewed view only unreviewed items wait; in the
 * others every item is next in turn. `skip` holds the items decided meanwhile (the queue may not know yet).
 */
export function nextItemId(
  items: readonly Pick<ReviewItem, 'segment' | 'state'>[],
  decidedId: string,
  view: ReviewStateFilter,
  skip: ReadonlySet<string> = new Set(),
): string | null {
  const waiting = (i: Pick<ReviewItem, 'segment' | 'state'>) =>
    isWaiting(i, view, skip) && i.segment.id !== decidedId;
  const at = items.findIndex((i) => i.segment.id === decidedId);
  const after = items.slice(at + 1).find(waiting);
  return (after ?? items.slice(0, Math.max(at, 0)).find(waiting))?.segment.id ?? null;
}

/** Whether an item still waits for a decision in this view. */
export function isWaiting(
  i: Pick<ReviewItem, 'segment' | 'state'>,
  view: ReviewStateFilter,
  skip: ReadonlySet<string>,
): boolean {
  return !skip.has(i.segment.id) && (view !== 'unreviewed' || i.state === 'unreviewed');
}

const delayKey = 'i2v.review.advanceDelayMs';
export const defaultAdvanceDelayMs = 500;
export const maxAdvanceDelayMs = 5_000;

export function readAdvanceDelay(): number {
  const raw = globalThis.localStorage?.getItem(delayKey);
  if (raw === null || raw === undefined || raw === '') return defaultAdvanceDelayMs;
  const ms = Number(raw);
  return Number.isFinite(ms) && ms >= 0 && ms <= maxAdvanceDelayMs ? ms : defaultAdvanceDelayMs;
}

export function storeAdvanceDelay(ms: number): void {
  globalThis.localStorage?.setItem(
    delayKey,
    String(Math.round(Math.min(maxAdvanceDelayMs, Math.max(0, ms)))),
  );
}
