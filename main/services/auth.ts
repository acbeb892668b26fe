/** Staff log-in at a counter (R-SEC-27). Every attempt is audited; a failure says nothing about which part was wrong. */
import { eq } from 'drizzle-orm';
import { counters, halls, staff } from '../../db/schema.js';
import { DomainError } from '../domain/errors.js';
import { verifyPassword } from '../security/password.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

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

/** The active staff member with this login and password, or undefined. */
function staffByCredentials({ db }: ServiceDeps, login: string, password: string) {
  const person = db.select().from(staff).where(eq(staff.login, login)).get();
  return person && person.active && verifyPassword(password, person.passwordHash) ? person : undefined;
}

export function login(deps: ServiceDeps, input: { login: string; password: string; counterId: string }): Actor {
  const { db, clock } = deps;
  const person = staffByCredentials(deps, input.login, input.password);
  if (!person) {
    db.transaction((tx) => {
      appendAudit(tx, { actorId: null, action: 'auth.login_failed', entity: 'staff', entityId: input.login, detail: {} }, clock.now());
    });
    throw new DomainError('BAD_CREDENTIALS', '工号或密码错误', 'password');
  }
  const counter = db
    .select({ id: counters.id, code: counters.code, name: counters.name, hallId: counters.hallId, hallName: halls.name })
    .from(counters)
    .innerJoin(halls, eq(halls.id, counters.hallId))
    .where(eq(counters.id, input.counterId))
    .get();
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
  db.transaction((tx) => {
    appendAudit(tx, { actorId: person.id, action: 'auth.login', entity: 'counter', entityId: counter.id, detail: {} }, clock.now());
  });
  return actor;
}

/** A second person signs in to approve (A-28, two-person rule): returns who, or refuses. */
export function verifyApprover(deps: ServiceDeps, login: string, password: string): { staffId: string; role: string } {
  const person = staffByCredentials(deps, login, password);
  if (!person) {
    throw new DomainError('BAD_CREDENTIALS', '审批人工号或密码错误', 'approver');
  }
  return { staffId: person.id, role: person.role };
}

/** Unlocks a locked screen: only the password of the clerk who is signed in there. */
export function checkOwnPassword(deps: ServiceDeps, staffId: string, password: string): void {
  const person = deps.db.select().from(staff).where(eq(staff.id, staffId)).get();
  if (!person?.active || !verifyPassword(password, person.passwordHash)) throw new DomainError('BAD_CREDENTIALS', '密码错误', 'password');
}
