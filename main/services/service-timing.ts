/**
 * Issue 15 #5: service timing (R-SEC-13) and 暂停营业 (R-SEC-16).
 *
 * - The renderer says which customer the clerk picked (`timing.pick`); this process stamps the time from its own clock
 *   into the counter's pick (counter_picks, local to the PC). The first slip for that customer at that counter (a
 *   payment's check slip or a business accepted) ends the transaction: the triggers of the custom migration write the
 *   service_timings row from the pick's time to the slip's own time, so no renderer can set either time. Picking the
 *   same customer again, even after letting them go for a while, keeps the start (see pickCustomer).
 * - A 暂停营业 is approved by the hall director who signs in on the spot (never the requester; the database's two-person
 *   trigger refuses otherwise), logged with its start and end; while it is open the counter's new transactions are
 *   refused (service first, triggers for every other path) and resuming is logged.
 * - The manager's report: per clerk or counter and kind, the distribution and the share over the limit, as one typed
 *   table for the window, the .xlsx and the CSV (read on the read worker).
 */
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import type { ReadTx } from '../../db/open.js';
import { accounts, counterPauses, counterPicks, staff, timingSettings } from '../../db/schema.js';
import { statementOf } from '../../db/statements.js';
import { businessDateOf, isValidDate, localDateTime } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { totalsRow, type ReportTable } from '../domain/report-table.js';
import {
  checkPauseReason,
  checkTimingSettings,
  DEFAULT_TIMING_SETTINGS,
  formatDuration,
  formatShare,
  summarise,
  TIMING_BUCKETS,
  type TimingSettings,
  type TimingSummary,
} from '../domain/service-timing.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

/** R-SEC-16: the 暂停营业 sign needs the director's (所长/主任) approval: the hall director, the manager role. */
export const PAUSE_APPROVER_ROLES = ['manager'] as const;

export const PAUSED_MESSAGE = '本柜台暂停营业中，不能办理新业务；主任批准的暂停结束后请先“恢复营业” (R-SEC-16)';

export function loadTimingSettings(tx: ReadTx): TimingSettings {
  const row = tx.select().from(timingSettings).where(eq(timingSettings.key, 'timing')).get();
  if (!row) return DEFAULT_TIMING_SETTINGS;
  return { enabled: row.enabled, feeLimitSeconds: row.feeLimitSeconds, otherLimitSeconds: row.otherLimitSeconds };
}

/** §10: the hall director switches timing on or off and sets the two limits; audited with before and after. */
export function saveTimingSettings(deps: ServiceDeps, actor: Actor, input: TimingSettings): TimingSettings {
  const s = checkTimingSettings(input);
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const before = loadTimingSettings(tx);
      const row = { ...s, updatedBy: actor.staffId, updatedAt: now.toISOString() };
      tx.insert(timingSettings).values({ key: 'timing', ...row }).onConflictDoUpdate({ target: timingSettings.key, set: row }).run();
      if (!s.enabled) tx.delete(counterPicks).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'timing.settings', entity: 'timing_settings', entityId: 'timing', detail: { before, after: s } }, now);
      return loadTimingSettings(tx);
    },
    { behavior: 'immediate' },
  );
}

function openPause(tx: ReadTx, counterId: string) {
  return tx.select().from(counterPauses).where(and(eq(counterPauses.counterId, counterId), isNull(counterPauses.resumedAt))).get() ?? null;
}

export function assertCounterOpen(tx: ReadTx, counterId: string): void {
  if (openPause(tx, counterId)) throw new DomainError('COUNTER_PAUSED', PAUSED_MESSAGE);
}

/**
 * R-SEC-13: the clerk picked a customer (or let them go: null). The time is this process's. The customer being served
 * keeps the start of their transaction: picked again, or let go (Esc, another customer picked) and picked again within
 * the longer limit (otherLimitSeconds) of the same day, the clock runs on from the first pick, so no sequence of picks
 * from a renderer restarts it. Refused while the counter is paused (R-SEC-16).
 */
export function pickCustomer(deps: ServiceDeps, actor: Actor, input: { accountId: string | null }): { timed: boolean; pickedAt: string | null } {
  const now = deps.clock.now();
  const at = now.toISOString();
  const mine = eq(counterPicks.counterId, actor.counterId);
  return deps.db.transaction(
    (tx) => {
      if (input.accountId === null) {
        tx.update(counterPicks).set({ releasedAt: at }).where(and(mine, isNull(counterPicks.releasedAt))).run();
        return { timed: false, pickedAt: null };
      }
      const accountId = input.accountId;
      assertCounterOpen(tx, actor.counterId);
      if (!tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).get()) throw new DomainError('NOT_FOUND', '未找到该用户', 'accountId');
      const settings = loadTimingSettings(tx);
      if (!settings.enabled) {
        tx.delete(counterPicks).where(mine).run();
        return { timed: false, pickedAt: null };
      }
      // let-go picks older than the window, or of another day, are forgotten: that customer starts afresh
      const cutoff = new Date(now.getTime() - settings.otherLimitSeconds * 1000).toISOString();
      const today = businessDateOf(now);
      for (const p of tx.select().from(counterPicks).where(mine).all()) {
        if ((p.releasedAt !== null && p.releasedAt < cutoff) || businessDateOf(new Date(p.pickedAt)) !== today) {
          tx.delete(counterPicks).where(and(mine, eq(counterPicks.accountId, p.accountId))).run();
        }
      }
      tx.update(counterPicks).set({ releasedAt: at }).where(and(mine, isNull(counterPicks.releasedAt), ne(counterPicks.accountId, accountId))).run();
      const kept = tx.select().from(counterPicks).where(and(mine, eq(counterPicks.accountId, accountId))).get();
      if (kept) {
        tx.update(counterPicks).set({ releasedAt: null }).where(and(mine, eq(counterPicks.accountId, accountId))).run();
        return { timed: true, pickedAt: kept.pickedAt };
      }
      tx.insert(counterPicks).values({ counterId: actor.counterId, accountId, pickId: uuidv7(now.getTime()), hallId: actor.hallId, staffId: actor.staffId, pickedAt: at }).run();
      return { timed: true, pickedAt: at };
    },
    { behavior: 'immediate' },
  );
}

export interface PauseView {
  id: string;
  counterName: string;
  businessDate: string;
  reason: string;
  requestedBy: string;
  approvedBy: string;
  startedAt: string;
  resumedAt: string | null;
  resumedBy: string | null;
}

const nameOf = (tx: ReadTx, id: string | null) => (id ? (tx.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get()?.name ?? id) : null);

/** The counter's state for its window: paused (since when, why, approved by whom) or open, and the customer being timed. */
export function counterStatus(deps: ServiceDeps, actor: Actor): { settings: TimingSettings; pause: PauseView | null; pick: { accountNo: string; pickedAt: string } | null } {
  return deps.db.transaction((tx) => {
    const p = openPause(tx, actor.counterId);
    const pick = tx
      .select({ accountNo: accounts.accountNo, pickedAt: counterPicks.pickedAt })
      .from(counterPicks)
      .innerJoin(accounts, eq(accounts.id, counterPicks.accountId))
      .where(and(eq(counterPicks.counterId, actor.counterId), isNull(counterPicks.releasedAt)))
      .get();
    return {
      settings: loadTimingSettings(tx),
      pause: p
        ? { id: p.id, counterName: actor.counterName, businessDate: p.businessDate, reason: p.reason, requestedBy: nameOf(tx, p.requestedBy) ?? '', approvedBy: nameOf(tx, p.approvedBy) ?? '', startedAt: p.startedAt, resumedAt: null, resumedBy: null }
        : null,
      pick: pick ?? null,
    };
  });
}

/**
 * R-SEC-16: 暂停营业 at the clerk's counter with the director's approval (signed in on the spot, never the clerk);
 * the transaction in progress is let go (its pick dropped, so no timing spans the pause). Audited.
 */
export function pauseCounter(deps: ServiceDeps, actor: Actor, input: { reason: string; approver: { staffId: string; role: string } }): PauseView {
  const reason = checkPauseReason(input.reason);
  if (!(PAUSE_APPROVER_ROLES as readonly string[]).includes(input.approver.role)) throw new DomainError('FORBIDDEN', '暂停营业须经营业厅主任批准（主任登录确认）(R-SEC-16)', 'approver');
  if (input.approver.staffId === actor.staffId) throw new DomainError('FORBIDDEN', '暂停营业须由另一人（主任）批准，不能自己批准自己 (R-SEC-16)', 'approver');
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      if (openPause(tx, actor.counterId)) throw new DomainError('VALIDATION', '本柜台已在暂停营业中', 'reason');
      const id = uuidv7(now.getTime());
      const row = {
        id, hallId: actor.hallId, counterId: actor.counterId, businessDate: businessDateOf(now), reason,
        requestedBy: actor.staffId, approvedBy: input.approver.staffId, startedAt: now.toISOString(), createdAt: now.toISOString(),
      };
      tx.insert(counterPauses).values(row).run();
      tx.delete(counterPicks).where(eq(counterPicks.counterId, actor.counterId)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'counter.pause', entity: 'counter_pause', entityId: id, detail: { counterId: actor.counterId, reason, approverId: input.approver.staffId } }, now);
      return { id, counterName: actor.counterName, businessDate: row.businessDate, reason, requestedBy: actor.staffName, approvedBy: nameOf(tx, input.approver.staffId) ?? '', startedAt: row.startedAt, resumedAt: null, resumedBy: null };
    },
    { behavior: 'immediate' },
  );
}

/** R-SEC-16: 恢复营业: the open pause's end, written once with who resumed; audited. */
export function resumeCounter(deps: ServiceDeps, actor: Actor): PauseView {
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const p = openPause(tx, actor.counterId);
      if (!p) throw new DomainError('VALIDATION', '本柜台没有暂停营业，无需恢复', 'pause');
      const resumedAt = now.toISOString() < p.startedAt ? p.startedAt : now.toISOString();
      tx.update(counterPauses).set({ resumedAt, resumedBy: actor.staffId }).where(eq(counterPauses.id, p.id)).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'counter.resume', entity: 'counter_pause', entityId: p.id, detail: { counterId: actor.counterId, startedAt: p.startedAt, resumedAt } }, now);
      return { id: p.id, counterName: actor.counterName, businessDate: p.businessDate, reason: p.reason, requestedBy: nameOf(tx, p.requestedBy) ?? '', approvedBy: nameOf(tx, p.approvedBy) ?? '', startedAt: p.startedAt, resumedAt, resumedBy: actor.staffName };
    },
    { behavior: 'immediate' },
  );
}

// ——— the manager's reports (read worker) ———

export type TimingReportInput = { report: 'timing'; from: string; to: string; by: 'clerk' | 'counter' } | { report: 'pauses'; from: string; to: string };

function checkRange(r: { from: string; to: string }): void {
  if (!isValidDate(r.from)) throw new DomainError('VALIDATION', '起始日期不正确', 'from');
  if (!isValidDate(r.to)) throw new DomainError('VALIDATION', '截止日期不正确', 'to');
  if (r.from > r.to) throw new DomainError('VALIDATION', '起始日期晚于截止日期', 'from');
}

export interface TimingHistogram {
  buckets: string[];
  series: { name: string; counts: number[] }[];
}

export interface TimingReport {
  table: ReportTable;
  /** Rows (indexes into table.rows) whose share over the limit is above zero, for the window to highlight. */
  flagged: number[];
  histogram: TimingHistogram;
  settings: TimingSettings;
}

/** R-SEC-13: the hall's timings in the range per clerk (营业员) or counter (柜台) and kind. */
export function timingSummaries(deps: ServiceDeps, actor: Actor, input: { from: string; to: string; by: 'clerk' | 'counter' }): TimingSummary[] {
  checkRange(input);
  const group = input.by === 'clerk' ? "s.name || '（' || s.login || '）'" : "c.name || '（' || c.code || '）'";
  const rows = statementOf(
      deps.db,
      `SELECT ${group} AS "group", t.kind AS kind, t.duration_ms AS durationMs, t.limit_seconds AS limitSeconds
       FROM service_timings t JOIN staff s ON s.id = t.clerk_id JOIN counters c ON c.id = t.counter_id
       WHERE t.hall_id = ? AND t.business_date BETWEEN ? AND ?`,
    )
    .all(actor.hallId, input.from, input.to) as { group: string; kind: string; durationMs: number; limitSeconds: number }[];
  return summarise(rows);
}

export function timingTable(input: { from: string; to: string; by: 'clerk' | 'counter' }, rows: readonly TimingSummary[], settings: TimingSettings): ReportTable {
  const columns = [
    { header: input.by === 'clerk' ? '营业员' : '柜台', kind: 'text', width: 18 },
    { header: '业务类别', kind: 'text', width: 10 },
    { header: '笔数', kind: 'int', width: 8 },
    ...TIMING_BUCKETS.map((b) => ({ header: b.label, kind: 'int' as const, width: 8 })),
    { header: '平均用时', kind: 'text', width: 10 },
    { header: '最长用时', kind: 'text', width: 10 },
    { header: '超时笔数', kind: 'int', width: 10 },
    { header: '超时比例', kind: 'text', width: 10 },
  ] as const;
  const data = rows.map((r) => [r.group, r.kind, r.count, ...r.buckets, formatDuration(r.averageMs), formatDuration(r.maxMs), r.over, formatShare(r.overBp)]);
  return {
    title: input.by === 'clerk' ? '服务计时统计（按营业员）' : '服务计时统计（按柜台）',
    sheet: '服务计时',
    period: `${input.from} 至 ${input.to}（限时：收费 ${formatDuration(settings.feeLimitSeconds * 1000)}，其它业务 ${formatDuration(settings.otherLimitSeconds * 1000)}）`,
    columns: [...columns],
    rows: data,
    totals: totalsRow(columns, data),
  };
}

/** R-SEC-16: the 暂停营业 log of the hall in the range, with start, end and who asked, approved and resumed. */
export function pauseRows(deps: ServiceDeps, actor: Actor, input: { from: string; to: string }): (PauseView & { minutes: number | null })[] {
  checkRange(input);
  const rows = statementOf(
      deps.db,
      `SELECT p.id, c.name || '（' || c.code || '）' AS counterName, p.business_date AS businessDate, p.reason, r.name AS requestedBy, a.name AS approvedBy,
         p.started_at AS startedAt, p.resumed_at AS resumedAt, x.name AS resumedBy
       FROM counter_pauses p JOIN counters c ON c.id = p.counter_id JOIN staff r ON r.id = p.requested_by JOIN staff a ON a.id = p.approved_by
         LEFT JOIN staff x ON x.id = p.resumed_by
       WHERE p.hall_id = ? AND p.business_date BETWEEN ? AND ? ORDER BY p.started_at`,
    )
    .all(actor.hallId, input.from, input.to) as PauseView[];
  return rows.map((p) => ({ ...p, minutes: p.resumedAt ? Math.floor((Date.parse(p.resumedAt) - Date.parse(p.startedAt)) / 60_000) : null }));
}

export function pauseTable(input: { from: string; to: string }, rows: ReturnType<typeof pauseRows>): ReportTable {
  const columns = [
    { header: '柜台', kind: 'text', width: 16 },
    { header: '日期', kind: 'date', width: 12 },
    { header: '暂停时间', kind: 'datetime', width: 20 },
    { header: '恢复时间', kind: 'datetime', width: 20 },
    { header: '时长(分)', kind: 'int', width: 10 },
    { header: '原因', kind: 'text', width: 24 },
    { header: '申请人', kind: 'text', width: 10 },
    { header: '批准（主任）', kind: 'text', width: 12 },
    { header: '恢复人', kind: 'text', width: 10 },
  ] as const;
  const at = (iso: string | null) => (iso ? localDateTime(new Date(iso)) : '暂停中');
  const data = rows.map((p) => [p.counterName, p.businessDate, at(p.startedAt), at(p.resumedAt), p.minutes, p.reason, p.requestedBy, p.approvedBy, p.resumedBy ?? '']);
  return { title: '暂停营业记录', sheet: '暂停营业记录', period: `${input.from} 至 ${input.to}`, columns: [...columns], rows: data, totals: null };
}

/** One entry for the worker, the window and the files. */
export function timingReport(deps: ServiceDeps, actor: Actor, input: TimingReportInput): TimingReport {
  const settings = loadTimingSettings(deps.db);
  if (input.report === 'pauses') {
    const rows = pauseRows(deps, actor, input);
    return { table: pauseTable(input, rows), flagged: rows.flatMap((p, i) => (p.resumedAt ? [] : [i])), histogram: { buckets: [], series: [] }, settings };
  }
  const rows = timingSummaries(deps, actor, input);
  return {
    table: timingTable(input, rows, settings),
    flagged: rows.flatMap((r, i) => (r.over > 0 ? [i] : [])),
    histogram: { buckets: TIMING_BUCKETS.map((b) => b.label), series: rows.map((r) => ({ name: `${r.group} ${r.kind}`, counts: r.buckets })) },
    settings,
  };
}

/** The latest pauses of the own counter (the window's log), newest first. */
export function recentPauses(deps: ServiceDeps, actor: Actor): PauseView[] {
  return deps.db.transaction((tx) =>
    tx
      .select()
      .from(counterPauses)
      .where(eq(counterPauses.counterId, actor.counterId))
      .orderBy(desc(counterPauses.startedAt))
      .limit(10)
      .all()
      .map((p) => ({
        id: p.id, counterName: actor.counterName, businessDate: p.businessDate, reason: p.reason, requestedBy: nameOf(tx, p.requestedBy) ?? '',
        approvedBy: nameOf(tx, p.approvedBy) ?? '', startedAt: p.startedAt, resumedAt: p.resumedAt, resumedBy: nameOf(tx, p.resumedBy),
      })),
  );
}
