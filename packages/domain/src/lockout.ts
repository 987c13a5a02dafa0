// Account lockout after repeated failed logins (PRD-003 §1.5).

export interface LockoutPolicy {
  maxFailures: number;
  lockSeconds: number;
}

export const defaultLockoutPolicy: LockoutPolicy = { maxFailures: 5, lockSeconds: 15 * 60 };

export interface LoginFailureOutcome {
  failedCount: number;
  lockedUntil: Date | null;
}

/** What a failed attempt does to an account: count it, and lock once the limit is reached. */
export function registerLoginFailure(
  previousFailures: number,
  now: Date,
  policy: LockoutPolicy = defaultLockoutPolicy,
): LoginFailureOutcome {
  const failedCount = previousFailures + 1;
  if (failedCount >= policy.maxFailures) {
    return { failedCount: 0, lockedUntil: new Date(now.getTime() + policy.lockSeconds * 1000) };
  }
  return { failedCount, lockedUntil: null };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
