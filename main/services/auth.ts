/**
 * Staff log-in at a counter (R-SEC-27). Every attempt is audited; a failure says nothing about which part was
 * wrong; failures are throttled per user and per counter (services/sign-in.ts, issue 10 #13).
 */
import { eq } from 'drizzle-orm';
import { counters, halls, staff, type StaffRole } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { hashPassword, INITIAL_PASSWORD } from '../security/password.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { clearFailures, signInCheck, UNKNOWN_COUNTER_KEY } from './sign-in.js';

export interface CounterChoice {
  id: string;
  code: string;
  name: string;
  hallName: string;
}

export function listCounters({ db }: ServiceDeps): CounterChoice[] {
  return db
    .select({ id: counters.id, code: counters.code, name: counters.name, hallName: halls.name })
    .from(counters)
    .innerJoin(halls, eq(halls.id, counters.hallId))
    .orderBy(counters.code)
    .all();
}

export interface SignedIn {
  actor: Actor;
  /** Issue 10 #13: outside demo mode, the initial password must be changed before anything else. */
  mustChangePassword: boolean;
}

export function login(deps: ServiceDeps, input: { login: string; password: string; counterId: string }): SignedIn {
  const { db, clock } = deps;
  // The counter is resolved first so its failures count under a key the client cannot choose: every
  // counterId that names no counter shares one (issue 10 #13). The credentials are still checked (one
  // scrypt, same answer) before "no such counter" is said, as before.
  const counter = db
    .select({ id: counters.id, code: counters.code, name: counters.name, hallId: counters.hallId, hallName: halls.name })
    .from(counters)
    .innerJoin(halls, eq(halls.id, counters.hallId))
    .where(eq(counters.id, input.counterId))
    .get();
  const person = signInCheck(deps, {
    kind: 'login',
    login: input.login,
    password: input.password,
    counterId: input.counterId,
    counterKey: counter ? counter.id : UNKNOWN_COUNTER_KEY,
    failure: { message: '工号或密码错误', field: 'password' },
    keepFailures: true,
  });
  if (!counter) throw new DomainError('NOT_FOUND', '所选柜台不存在', 'counterId');
  if (counter.hallId !== person.hallId) {
    throw new DomainError('FORBIDDEN', `您不属于${counter.hallName}，不能在该柜台登录`, 'counterId');
  }
  const actor: Actor = {
    staffId: person.id,
    staffName: person.name,
    role: person.role,
    hallId: counter.hallId,
    hallName: counter.hallName,
    counterId: counter.id,
    counterCode: counter.code,
    counterName: counter.name,
  };
  clearFailures(deps, input);
  db.transaction((tx) => {
    appendAudit(tx, { actorId: person.id, action: 'auth.login', entity: 'counter', entityId: counter.id, detail: {} }, clock.now());
  });
  const mustChangePassword = !deps.settings.demoMode && (person.mustChangePassword || input.password === INITIAL_PASSWORD);
  return { actor, mustChangePassword };
}

/**
 * A second person signs in to approve (A-28, two-person rule) at the actor's counter: returns who, or
 * refuses. A person whose role may not approve this gets the same refusal as a wrong password (issue 10 #13).
 */
export function verifyApprover(
  deps: ServiceDeps,
  actor: Actor,
  credentials: { login: string; password: string },
  roles: readonly StaffRole[],
  field = 'approver',
): { staffId: string; role: string } {
  const person = signInCheck(deps, {
    kind: 'approver',
    login: credentials.login,
    password: credentials.password,
    counterId: actor.counterId,
    roles,
    actorId: actor.staffId,
    failure: { message: '审批人工号或密码错误', field },
    keepFailures: true,
  });
  return { staffId: person.id, role: person.role };
}

function ownLogin(deps: ServiceDeps, actor: Actor): string {
  return deps.db.select({ login: staff.login }).from(staff).where(eq(staff.id, actor.staffId)).get()?.login ?? actor.staffId;
}

/** Unlocks a locked screen: only the password of the clerk who is signed in there. */
export function checkOwnPassword(deps: ServiceDeps, actor: Actor, password: string): void {
  signInCheck(deps, {
    kind: 'unlock',
    login: ownLogin(deps, actor),
    password,
    counterId: actor.counterId,
    actorId: actor.staffId,
    failure: { message: '密码错误', field: 'password' },
  });
}

/** Issue 10 #13: the signed-in staff member replaces their password (required for the initial one outside demo mode). */
export function changePassword(deps: ServiceDeps, actor: Actor, input: { currentPassword: string; newPassword: string }): void {
  const login = ownLogin(deps, actor);
  signInCheck(deps, {
    kind: 'unlock',
    login,
    password: input.currentPassword,
    counterId: actor.counterId,
    actorId: actor.staffId,
    failure: { message: '原密码错误', field: 'currentPassword' },
    keepFailures: true,
  });
  if (input.newPassword === input.currentPassword) throw new DomainError('VALIDATION', '新密码不能与原密码相同', 'newPassword');
  if (input.newPassword === INITIAL_PASSWORD) throw new DomainError('VALIDATION', '新密码不能是初始密码', 'newPassword');
  const now = deps.clock.now();
  const passwordHash = hashPassword(input.newPassword);
  clearFailures(deps, { login, counterId: actor.counterId });
  deps.db.transaction((tx) => {
    tx.update(staff).set({ passwordHash, mustChangePassword: false }).where(eq(staff.id, actor.staffId)).run();
    appendAudit(tx, { actorId: actor.staffId, action: 'auth.password_changed', entity: 'staff', entityId: actor.staffId, detail: {} }, now);
  });
}
