import { describe, expect, it } from 'vitest';
import { budgetPeriodStart, budgetStatus, daysUntilExhausted, thresholdCrossed } from './gpu-budget.js';

describe('budget periods', () => {
  const wed = new Date('2026-11-25T15:30:00Z');
  it('start at UTC midnight, Monday and the 1st', () => {
    expect(budgetPeriodStart('day', wed)?.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(budgetPeriodStart('week', wed)?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(budgetPeriodStart('month', wed)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(budgetPeriodStart('total', wed)).toBeNull();
  });
  it('puts a Sunday in the week that began on Monday', () => {
    expect(budgetPeriodStart('week', new Date('2026-11-29T23:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
  });
});

describe('budget status', () => {
  it('is ok, warning or exceeded', () => {
    expect(budgetStatus(5, 10, [0.75, 0.9]).state).toBe('ok');
    expect(budgetStatus(8, 10, [0.75, 0.9])).toMatchObject({ state: 'warning', remainingHours: 2 });
    expect(budgetStatus(10, 10, [0.75, 0.9])).toMatchObject({ state: 'exceeded', remainingHours: 0 });
  });
  it('warns once per threshold, the highest crossed', () => {
    expect(thresholdCrossed(0.8, 0, [0.75, 0.9])).toBe(0.75);
    expect(thresholdCrossed(0.95, 0, [0.75, 0.9])).toBe(0.9);
    expect(thresholdCrossed(0.95, 0.9, [0.75, 0.9])).toBeNull();
    expect(thresholdCrossed(1.2, 0.9, [0.75, 0.9])).toBe(1);
    expect(thresholdCrossed(0.5, 0, [0.75, 0.9])).toBeNull();
  });
  it('projects when a budget runs out', () => {
    expect(daysUntilExhausted(10, 2)).toBe(5);
    expect(daysUntilExhausted(10, 0)).toBeNull();
  });
});
