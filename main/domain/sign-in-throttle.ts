/**
 * Issue 10 #13 (R-SEC-27): throttling of sign-ins (log-in, screen unlock, an approver's sign-in).
 * Consecutive failures of one user, or at one counter, first slow the next attempt down (the wait doubles
 * after the `backoffAfter`-th failure) and at `lockoutAfter` failures lock it for `lockoutMs`, unless an
 * administrator unlocks it sooner. Pure: the caller stores the record and supplies the time.
 */

export interface ThrottleRule {
  /** From this many consecutive failures on, the next attempt must wait. */
  backoffAfter: number;
  /** The wait after the `backoffAfter`-th failure; it doubles with each further failure. */
  baseDelayMs: number;
  /** At this many consecutive failures the user (or counter) is locked out. */
  lockoutAfter: number;
  /** How long a lockout lasts when no administrator lifts it. */
  lockoutMs: number;
}

export interface SignInThrottleSettings {
  user: ThrottleRule;
  counter: ThrottleRule;
}

/**
 * A-ASSUMPTION (DOMAIN.md gives no figures): a user may fail 5 times (waits of 5 s and 10 s after the
 * 3rd and 4th failure), then is locked for 30 minutes; a counter, where several logins may be tried,
 * locks after 10 failures.
 */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottleSettings = {
  user: { backoffAfter: 3, baseDelayMs: 5_000, lockoutAfter: 5, lockoutMs: 30 * 60_000 },
  counter: { backoffAfter: 3, baseDelayMs: 5_000, lockoutAfter: 10, lockoutMs: 30 * 60_000 },
};

export interface FailureRecord {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** The wait before the next attempt after `failures` consecutive failures (0 before the threshold). */
export function backoffDelayMs(rule: ThrottleRule, failures: number): number {
  if (failures < rule.backoffAfter) return 0;
  return rule.baseDelayMs * 2 ** (failures - rule.backoffAfter);
}

/** A record whose lockout has run out counts as a fresh start. */
function expired(record: FailureRecord, now: Date): boolean {
  return record.lockedUntil !== null && record.lockedUntil.getTime() <= now.getTime();
}

export type Refusal = { kind: 'backoff' | 'lockedOut'; retryAt: Date };

/** Whether an attempt now must be refused, and until when; null when it may go ahead. */
export function refusal(rule: ThrottleRule, record: FailureRecord | null, now: Date): Refusal | null {
  if (!record || expired(record, now)) return null;
  if (record.lockedUntil) return { kind: 'lockedOut', retryAt: record.lockedUntil };
  const wait = backoffDelayMs(rule, record.failures);
  if (wait === 0) return null;
  const retryAt = new Date(record.lastFailureAt.getTime() + wait);
  return retryAt.getTime() > now.getTime() ? { kind: 'backoff', retryAt } : null;
}

/** The record after one more failure at `now`. */
export function afterFailure(rule: ThrottleRule, record: FailureRecord | null, now: Date): FailureRecord {
  const failures = (record && !expired(record, now) ? record.failures : 0) + 1;
  return { failures, lastFailureAt: now, lockedUntil: failures >= rule.lockoutAfter ? new Date(now.getTime() + rule.lockoutMs) : null };
}
