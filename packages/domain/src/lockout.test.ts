import { describe, expect, it } from 'vitest';
import { isLocked, registerLoginFailure } from './lockout.js';

const now = new Date('2026-11-25T10:00:00Z');
const policy = { maxFailures: 3, lockSeconds: 60 };

describe('registerLoginFailure', () => {
  it('counts failures below the limit without locking', () => {
    expect(registerLoginFailure(0, now, policy)).toEqual({ failedCount: 1, lockedUntil: null });
    expect(registerLoginFailure(1, now, policy)).toEqual({ failedCount: 2, lockedUntil: null });
  });

  it('locks for the configured time at the limit and resets the count', () => {
    expect(registerLoginFailure(2, now, policy)).toEqual({
      failedCount: 0,
      lockedUntil: new Date('2026-11-25T10:01:00Z'),
    });
  });
});

describe('isLocked', () => {
  it('is locked only before the end of the lock', () => {
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date(now.getTime() + 1), now)).toBe(true);
    expect(isLocked(now, now)).toBe(false);
  });
});
