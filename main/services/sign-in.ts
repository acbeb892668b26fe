/**
 * Issue 10 #13 (R-SEC-27): the one credential check behind log-in, screen unlock and a second person's
 * sign-in (冲正, 滞纳金减免, cash-report review). Failures are counted in the store per user and per
 * counter (sign_in_failures), slow further attempts down and lock out (domain/sign-in-throttle.ts); each
 * failed or throttled attempt writes an audit row with the real reason, while the caller only ever learns
 * "wrong login or password": an unknown login costs one scrypt like a wrong password, and a right password
 * of a role that may not sign in for this purpose fails the same way.
 */
import { and, eq } from 'drizzle-orm';
import { signInFailures, staff, type StaffRole } from '../../db/schema.js';
import { localDateTime } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { afterFailure, refusal, type FailureRecord, type Refusal, type ThrottleRule } from '../domain/sign-in-throttle.js';
import { verifyPassword } from '../security/password.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

export type SignInKind = 'login' | 'unlock' | 'approver';

export interface SignInAttempt {
  kind: SignInKind;
  login: string;
  password: string;
  /** The counter the attempt is made at (the one chosen at log-in, else the signed-in actor's). */
  counterId: string;
  /**
   * The key the counter's failures are counted under, when it is not counterId: log-in counts every
   * counterId that names no counter under UNKNOWN_COUNTER_KEY (issue 10 #13), so rotating made-up ids
   * neither escapes the counter lockout nor adds a row per id.
   */
  counterKey?: string;
  /** Roles that may sign in for this purpose; any other role fails exactly like a wrong password. */
  roles?: readonly StaffRole[];
  /** Who is signed in at the counter (unlock, approver), for the audit row. */
  actorId?: string | null;
  /** What the caller is told on failure (the same for every reason). */
  failure: { message: string; field: string };
  /**
   * Leave the failure counters as they are on success: log-in and the password change clear them once the
   * whole call is accepted; an approver's sign-in never does (a refused 冲正 must write nothing, and the
   * approver's own log-in, the lockout's end or an administrator clears them).
   */
  keepFailures?: boolean;
}

export type StaffRow = typeof staff.$inferSelect;

/**
 * A well-formed scrypt hash (same cost parameters as hashPassword) whose password nobody knows: an unknown
 * login is checked against it, so it costs the same scrypt as a known one.
 */
const DUMMY_HASH = 'scrypt$16384$8$1$VwadxuDHlGyP3Gk7yVcb8g==$RcId0I6NdR4ZP/WTQSzSOsYDHXgb/2MP7iGOLVaPSrY=';

type Scope = 'user' | 'counter';

/** The one counter-scope key for every counterId that names no counter (no counter id has this form). */
export const UNKNOWN_COUNTER_KEY = '(unknown-counter)';

function loadRecord(deps: ServiceDeps, scope: Scope, key: string): FailureRecord | null {
  const row = deps.db
    .select()
    .from(signInFailures)
    .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key)))
    .get();
  if (!row) return null;
  return { failures: row.failures, lastFailureAt: new Date(row.lastFailureAt), lockedUntil: row.lockedUntil ? new Date(row.lockedUntil) : null };
}

function keysOf(attempt: Pick<SignInAttempt, 'login' | 'counterId' | 'counterKey'>): [Scope, string][] {
  return [
    ['user', attempt.login],
    ['counter', attempt.counterKey ?? attempt.counterId],
  ];
}

function ruleOf(deps: ServiceDeps, scope: Scope): ThrottleRule {
  return deps.settings.signInThrottle[scope];
}

/** The refusal message, with the time to try again in the hall's time zone. */
export function throttledMessage(r: Refusal): string {
  const at = localDateTime(r.retryAt);
  return r.kind === 'lockedOut'
    ? `登录失败次数过多，已暂时锁定，请于 ${at} 后再试，或请系统管理员解锁`
    : `登录失败次数过多，请于 ${at} 后再试`;
}

function assertNotThrottled(deps: ServiceDeps, attempt: SignInAttempt, now: Date): void {
  let worst: Refusal | null = null;
  for (const [scope, key] of keysOf(attempt)) {
    const r = refusal(ruleOf(deps, scope), loadRecord(deps, scope, key), now);
    if (r && (!worst || r.retryAt.getTime() > worst.retryAt.getTime())) worst = r;
  }
  if (!worst) return;
  const refused = worst;
  deps.db.transaction((tx) => {
    appendAudit(
      tx,
      { actorId: attempt.actorId ?? null, action: 'auth.sign_in_throttled', entity: 'staff', entityId: attempt.login, detail: { kind: attempt.kind, counterId: attempt.counterId, retryAt: refused.retryAt.toISOString() } },
      now,
    );
  });
  throw new DomainError('THROTTLED', throttledMessage(refused), attempt.failure.field);
}

function recordFailure(deps: ServiceDeps, attempt: SignInAttempt, reason: string, now: Date): void {
  deps.db.transaction((tx) => {
    for (const [scope, key] of keysOf(attempt)) {
      const next = afterFailure(ruleOf(deps, scope), loadRecord(deps, scope, key), now);
      const values = { failures: next.failures, lastFailureAt: next.lastFailureAt.toISOString(), lockedUntil: next.lockedUntil?.toISOString() ?? null };
      tx.insert(signInFailures)
        .values({ scope, key, ...values })
        .onConflictDoUpdate({ target: [signInFailures.scope, signInFailures.key], set: values })
        .run();
    }
    appendAudit(
      tx,
      { actorId: attempt.actorId ?? null, action: 'auth.sign_in_failed', entity: 'staff', entityId: attempt.login, detail: { kind: attempt.kind, counterId: attempt.counterId, reason } },
      now,
    );
  });
}

/** A successful sign-in clears the user's and the counter's failures (writes only when there are some). */
export function clearFailures(deps: ServiceDeps, attempt: Pick<SignInAttempt, 'login' | 'counterId' | 'counterKey'>): void {
  for (const [scope, key] of keysOf(attempt)) {
    if (loadRecord(deps, scope, key)) deps.db.delete(signInFailures).where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key))).run();
  }
}

/** The active staff member behind these credentials, allowed for this purpose; else BAD_CREDENTIALS or THROTTLED. */
export function signInCheck(deps: ServiceDeps, attempt: SignInAttempt): StaffRow {
  const now = deps.clock.now();
  assertNotThrottled(deps, attempt, now);
  const person = deps.db.select().from(staff).where(eq(staff.login, attempt.login)).get();
  // Always one scrypt, also for an unknown login, so the answer's timing says nothing about who exists.
  const passwordOk = verifyPassword(attempt.password, person?.passwordHash ?? DUMMY_HASH);
  const reason = !person
    ? 'unknown_user'
    : !passwordOk
      ? 'bad_password'
      : !person.active
        ? 'inactive'
        : attempt.roles && !attempt.roles.includes(person.role)
          ? 'wrong_role'
          : null;
  if (reason || !person) {
    recordFailure(deps, attempt, reason ?? 'unknown_user', now);
    throw new DomainError('BAD_CREDENTIALS', attempt.failure.message, attempt.failure.field);
  }
  if (!attempt.keepFailures) clearFailures(deps, attempt);
  return person;
}

/** An administrator lifts the back-off and lockout of a login and/or a counter before their time runs out. */
export function unlockSignIns(deps: ServiceDeps, admin: Actor, input: { login?: string | undefined; counterId?: string | undefined }): { cleared: number } {
  const targets: [Scope, string][] = [];
  if (input.login) targets.push(['user', input.login]);
  if (input.counterId) targets.push(['counter', input.counterId]);
  if (targets.length === 0) throw new DomainError('VALIDATION', '请填写要解锁的工号或柜台', 'login');
  const found = targets.filter(([scope, key]) => loadRecord(deps, scope, key));
  if (found.length === 0) throw new DomainError('NOT_FOUND', '该工号或柜台没有登录失败记录，无需解锁', input.login ? 'login' : 'counterId');
  const now = deps.clock.now();
  deps.db.transaction((tx) => {
    for (const [scope, key] of found) tx.delete(signInFailures).where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key))).run();
    appendAudit(tx, { actorId: admin.staffId, action: 'auth.sign_in_unlocked', entity: 'staff', entityId: input.login ?? input.counterId ?? '', detail: { login: input.login ?? null, counterId: input.counterId ?? null } }, now);
  });
  return { cleared: found.length };
}
