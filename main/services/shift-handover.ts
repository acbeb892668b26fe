/**
 * Issue 15 #6 (R-SEC-21): 交接班记录. At a shift change the outgoing clerk (signed in at the counter) states the cash
 * actually held; the system's figure is their cash taken that day (the kept per-day totals, as 日收银报表 reads them)
 * less what earlier handovers of theirs that day already passed on; the difference (held − system) needs a reason;
 * the incoming clerk signs in with their own password to accept. Append-only (triggers of migration
 * shift_handover_guards) and audited in the same transaction.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { shiftHandovers, staff, type StaffRole } from '../../db/schema.js';
import type { ReadTx } from '../../db/open.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Fen } from '../../preload/kernel/money.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { verifyApprover } from './auth.js';
import { reportLines } from './cash-report.js';
import type { Actor, ServiceDeps } from './context.js';

/** Who may take over a counter: anyone who works at one. */
export const HANDOVER_ROLES: readonly StaffRole[] = ['clerk', 'reviewer', 'manager', 'admin'];

function systemCashFen(tx: ReadTx, clerkId: string, date: string): number {
  const { incomeFen } = reportLines(tx, clerkId, date);
  const passed = tx.get<{ fen: number }>(sql`SELECT coalesce(sum(system_fen), 0) AS fen FROM shift_handovers WHERE outgoing_id = ${clerkId} AND business_date = ${date}`);
  return incomeFen - (passed?.fen ?? 0);
}

/** What the outgoing clerk's handover form shows before it is signed: the system's cash since their last handover. */
export function handoverDraft(deps: ServiceDeps, actor: Actor) {
  const date = businessDateOf(deps.clock.now());
  return { businessDate: date, systemFen: systemCashFen(deps.db, actor.staffId, date) };
}

export function recordHandover(deps: ServiceDeps, actor: Actor, input: { heldFen: Fen; reason: string; incoming: { login: string; password: string } }) {
  const now = deps.clock.now();
  const date = businessDateOf(now);
  const incoming = verifyApprover(deps, actor, input.incoming, HANDOVER_ROLES, 'incoming');
  if (incoming.staffId === actor.staffId) throw new DomainError('VALIDATION', '接班人不能是交班人本人', 'incoming');
  return deps.db.transaction((tx) => {
    const systemFen = systemCashFen(tx, actor.staffId, date);
    const differenceFen = input.heldFen - systemFen;
    const reason = input.reason.trim();
    if (differenceFen !== 0 && reason === '') throw new DomainError('VALIDATION', `实存现金与系统相差 ${(differenceFen / 100).toFixed(2)} 元，请填写原因`, 'reason');
    const id = uuidv7(now.getTime());
    tx.insert(shiftHandovers)
      .values({ id, hallId: actor.hallId, counterId: actor.counterId, businessDate: date, outgoingId: actor.staffId, incomingId: incoming.staffId, systemFen, heldFen: input.heldFen, differenceFen, reason })
      .run();
    appendAudit(tx, { actorId: actor.staffId, action: 'shift.handover', entity: 'shift_handover', entityId: id, detail: { date, counterId: actor.counterId, incomingId: incoming.staffId, systemFen, heldFen: input.heldFen, differenceFen } }, now);
    return { id, businessDate: date, systemFen, heldFen: input.heldFen, differenceFen, reason };
  }, { behavior: 'immediate' });
}

/** The counter's handovers of a day, newest first, for the record and its print-out. */
export function handoverList(deps: ServiceDeps, actor: Actor, input: { date: string }) {
  const outgoing = sql<string>`(SELECT name FROM staff s WHERE s.id = ${shiftHandovers.outgoingId})`;
  return deps.db
    .select({
      id: shiftHandovers.id,
      at: shiftHandovers.createdAt,
      outgoing,
      incoming: staff.name,
      systemFen: shiftHandovers.systemFen,
      heldFen: shiftHandovers.heldFen,
      differenceFen: shiftHandovers.differenceFen,
      reason: shiftHandovers.reason,
    })
    .from(shiftHandovers)
    .innerJoin(staff, eq(staff.id, shiftHandovers.incomingId))
    .where(sql`${shiftHandovers.hallId} = ${actor.hallId} AND ${shiftHandovers.businessDate} = ${input.date}`)
    .orderBy(desc(shiftHandovers.createdAt))
    .all();
}
