/**
 * Issue 12 #3: 员工管理 (administrators): list, add, disable, reset a password (a temporary one the person must
 * change at the next log-in, issue 10 #13, which also lifts their sign-in lockout) and set the role. Every change is audited in its transaction.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { halls, signInFailures, staff } from '../../db/schema.js';
import type { StaffRole } from '../../preload/kernel/enums.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { checkPasswordForLogin, checkStaffChange } from '../domain/setup.js';
import { uuidv7 } from '../ids.js';
import { hashPassword } from '../security/password.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

export interface StaffView {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
  hallId: string;
  hallName: string;
  active: boolean;
  canDispatch: boolean;
  mustChangePassword: boolean;
}

const columns = {
  id: staff.id,
  login: staff.login,
  name: staff.name,
  role: staff.role,
  hallId: staff.hallId,
  hallName: halls.name,
  active: staff.active,
  canDispatch: staff.canDispatch,
  mustChangePassword: staff.mustChangePassword,
};

function view(tx: Pick<Tx, 'select'>, staffId: string): StaffView {
  const row = tx.select(columns).from(staff).innerJoin(halls, eq(halls.id, staff.hallId)).where(eq(staff.id, staffId)).get();
  if (!row) throw new DomainError('NOT_FOUND', '没有这名员工', 'staffId');
  return row;
}

export function listStaff({ db }: ServiceDeps): { staff: StaffView[]; halls: { id: string; code: string; name: string }[] } {
  return {
    staff: db.select(columns).from(staff).innerJoin(halls, eq(halls.id, staff.hallId)).orderBy(staff.login).all(),
    halls: db.select({ id: halls.id, code: halls.code, name: halls.name }).from(halls).orderBy(halls.code).all(),
  };
}

export function addStaff(
  deps: ServiceDeps,
  actor: Actor,
  input: { login: string; name: string; role: StaffRole; hallCode: string; password: string; canDispatch: boolean },
): StaffView {
  checkPasswordForLogin(input.login, input.password, 'password');
  const passwordHash = hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction((tx) => {
    const hall = tx.select({ id: halls.id }).from(halls).where(eq(halls.code, input.hallCode)).get();
    if (!hall) throw new DomainError('VALIDATION', `营业厅 ${input.hallCode} 不存在`, 'hallCode');
    const taken = tx.select({ id: staff.id }).from(staff).where(sql`lower(${staff.login}) = lower(${input.login})`).get();
    if (taken) throw new DomainError('VALIDATION', `工号 ${input.login} 已存在`, 'login');
    const id = uuidv7(now.getTime());
    tx.insert(staff)
      .values({ id, login: input.login, name: input.name, role: input.role, hallId: hall.id, passwordHash, canDispatch: input.canDispatch, mustChangePassword: true })
      .run();
    appendAudit(tx, { actorId: actor.staffId, action: 'staff.add', entity: 'staff', entityId: id, detail: { login: input.login, role: input.role, hall: input.hallCode } }, now);
    return view(tx, id);
  });
}

function activeAdmins(tx: Pick<Tx, 'select'>): number {
  return tx.select({ n: count() }).from(staff).where(and(eq(staff.role, 'admin'), eq(staff.active, true))).get()?.n ?? 0;
}

export function disableStaff(deps: ServiceDeps, actor: Actor, staffId: string): StaffView {
  const now = deps.clock.now();
  return deps.db.transaction((tx) => {
    const target = view(tx, staffId);
    checkStaffChange(actor.staffId, target, { kind: 'disable' }, activeAdmins(tx));
    tx.update(staff).set({ active: false }).where(eq(staff.id, staffId)).run();
    appendAudit(tx, { actorId: actor.staffId, action: 'staff.disable', entity: 'staff', entityId: staffId, detail: { login: target.login } }, now);
    return view(tx, staffId);
  });
}

export function resetStaffPassword(deps: ServiceDeps, actor: Actor, input: { staffId: string; password: string }): StaffView {
  const target = view(deps.db, input.staffId);
  checkPasswordForLogin(target.login, input.password, 'password');
  const passwordHash = hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction((tx) => {
    tx.update(staff).set({ passwordHash, mustChangePassword: true }).where(eq(staff.id, input.staffId)).run();
    // the new password works at once: the member's own sign-in lockout goes with the old one (a counter's stays)
    tx.delete(signInFailures).where(and(eq(signInFailures.scope, 'user'), eq(signInFailures.key, target.login))).run();
    appendAudit(tx, { actorId: actor.staffId, action: 'staff.password_reset', entity: 'staff', entityId: input.staffId, detail: { login: target.login } }, now);
    return view(tx, input.staffId);
  });
}

export function setStaffRole(deps: ServiceDeps, actor: Actor, input: { staffId: string; role: StaffRole; canDispatch?: boolean | undefined }): StaffView {
  const now = deps.clock.now();
  return deps.db.transaction((tx) => {
    const target = view(tx, input.staffId);
    checkStaffChange(actor.staffId, target, { kind: 'role', role: input.role }, activeAdmins(tx));
    tx.update(staff)
      .set({ role: input.role, ...(input.canDispatch !== undefined ? { canDispatch: input.canDispatch } : {}) })
      .where(eq(staff.id, input.staffId))
      .run();
    appendAudit(
      tx,
      { actorId: actor.staffId, action: 'staff.role_set', entity: 'staff', entityId: input.staffId, detail: { login: target.login, from: target.role, to: input.role, ...(input.canDispatch !== undefined ? { canDispatch: input.canDispatch } : {}) } },
      now,
    );
    return view(tx, input.staffId);
  });
}
