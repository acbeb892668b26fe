/**
 * Issue 12 #3: the first run. An empty store (no staff) is set up in one transaction: the company, the halls,
 * their counters, the first administrator (with the password they chose) and the staff (each with a first
 * password they must change at their first log-in). Once anybody exists it is refused (SETUP_DONE).
 */
import { count, eq } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { company, counters, halls, staff } from '../../db/schema.js';
import type { StaffRole } from '../../preload/kernel/enums.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { checkSetupPlan } from '../domain/setup.js';
import { uuidv7 } from '../ids.js';
import { hashPassword } from '../security/password.js';
import { appendAudit } from './audit.js';
import type { ServiceDeps } from './context.js';

export const COMPANY_ROW_ID = 'company';

export interface SetupInput {
  company: { name: string };
  halls: { code: string; name: string }[];
  counters: { hallCode: string; code: string; name: string }[];
  admin: { login: string; name: string; hallCode: string; password: string };
  staff: { login: string; name: string; role: StaffRole; hallCode: string; password: string; canDispatch: boolean }[];
}

function staffCount(tx: Pick<Tx, 'select'>): number {
  return tx.select({ n: count() }).from(staff).get()?.n ?? 0;
}

export function setupStatus({ db }: ServiceDeps): { needsSetup: boolean; companyName: string | null } {
  const name = db.select({ name: company.name }).from(company).where(eq(company.id, COMPANY_ROW_ID)).get()?.name ?? null;
  return { needsSetup: staffCount(db) === 0, companyName: name };
}

const SETUP_DONE_MESSAGE = '系统已完成初始设置，不能再次设置；请由系统管理员登录后在“员工管理”中维护员工';

export function completeSetup(deps: ServiceDeps, input: SetupInput): { halls: number; counters: number; staff: number; adminLogin: string } {
  const { db, clock } = deps;
  // cheap refusal before any hashing; checked again inside the transaction
  if (staffCount(db) > 0) throw new DomainError('SETUP_DONE', SETUP_DONE_MESSAGE);
  checkSetupPlan(input);
  const now = clock.now();
  const hashes = { admin: hashPassword(input.admin.password), staff: input.staff.map((s) => hashPassword(s.password)) };
  return db.transaction((tx) => {
    if (staffCount(tx) > 0) throw new DomainError('SETUP_DONE', SETUP_DONE_MESSAGE);
    const hallIds = new Map<string, string>();
    for (const [i, h] of input.halls.entries()) {
      if (tx.select({ id: halls.id }).from(halls).where(eq(halls.code, h.code)).get()) {
        throw new DomainError('VALIDATION', `营业厅编号 ${h.code} 已存在`, `halls.${i}.code`);
      }
      const hallId = uuidv7(now.getTime());
      hallIds.set(h.code, hallId);
      tx.insert(halls).values({ id: hallId, code: h.code, name: h.name }).run();
    }
    const hallOf = (hallCode: string) => hallIds.get(hallCode) ?? '';
    for (const [i, c] of input.counters.entries()) {
      if (tx.select({ id: counters.id }).from(counters).where(eq(counters.code, c.code)).get()) {
        throw new DomainError('VALIDATION', `柜台编号 ${c.code} 已存在`, `counters.${i}.code`);
      }
      tx.insert(counters).values({ id: uuidv7(now.getTime()), hallId: hallOf(c.hallCode), code: c.code, name: c.name }).run();
    }
    tx.insert(company)
      .values({ id: COMPANY_ROW_ID, name: input.company.name })
      .onConflictDoUpdate({ target: company.id, set: { name: input.company.name } })
      .run();
    const adminId = uuidv7(now.getTime());
    tx.insert(staff)
      .values({ id: adminId, login: input.admin.login, name: input.admin.name, role: 'admin', hallId: hallOf(input.admin.hallCode), passwordHash: hashes.admin, mustChangePassword: false })
      .run();
    for (const [i, s] of input.staff.entries()) {
      tx.insert(staff)
        .values({
          id: uuidv7(now.getTime()),
          login: s.login,
          name: s.name,
          role: s.role,
          hallId: hallOf(s.hallCode),
          passwordHash: hashes.staff[i] ?? '',
          canDispatch: s.canDispatch,
          mustChangePassword: true,
        })
        .run();
    }
    appendAudit(
      tx,
      {
        actorId: adminId,
        action: 'setup.complete',
        entity: 'company',
        entityId: COMPANY_ROW_ID,
        detail: {
          company: input.company.name,
          halls: input.halls.map((h) => h.code),
          counters: input.counters.map((c) => c.code),
          admin: input.admin.login,
          staff: input.staff.map((s) => ({ login: s.login, role: s.role })),
        },
      },
      now,
    );
    return { halls: input.halls.length, counters: input.counters.length, staff: input.staff.length + 1, adminLogin: input.admin.login };
  });
}
