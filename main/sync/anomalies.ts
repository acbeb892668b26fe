/**
 * Issue 14 #3: the 异常 list at the counter. The hall manager sees every conflict of the hall and decides a
 * credit (a bill paid twice while offline: both payments stand, the later is 预存 on the account) as 退款 or
 * 保留预存, and acknowledges the other kinds; the decision is taken once, audited (the audit row goes up with
 * the outbox) and sent to the server by the puller. A clerk sees the changes the server refused that were made
 * at their own counter, with the reason. The list also shows the rows this PC refused from the server (同步问题).
 */
import { sql } from 'drizzle-orm';
import { DomainError } from '../../preload/kernel/errors.js';
import { appendAudit } from '../services/audit.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import type { AnomalyKind, AnomalyResolution } from '../../db/schema.js';

export const KIND_LABELS: Record<AnomalyKind, string> = {
  double_payment: '重复缴费（转预存）',
  duplicate_business: '重复受理业务',
  refused_change: '修改被拒绝',
  audit_rollback: '审计链回退',
  audit_rehash: '审计链被改写',
  seq_reuse: '同步序号重复使用',
  day_marker_mismatch: '日终数据不符',
};

export const RESOLUTION_LABELS: Record<AnomalyResolution, string> = { refund: '退款', keep: '保留预存', acknowledged: '已知悉' };

export interface AnomalyView {
  id: string;
  kind: AnomalyKind;
  kindLabel: string;
  counterCode: string | null;
  accountNo: string | null;
  accountName: string | null;
  billId: string | null;
  paymentId: string | null;
  otherPaymentId: string | null;
  amountFen: number | null;
  businessDate: string | null;
  detail: string;
  createdAt: string;
  fromServer: boolean;
  resolution: AnomalyResolution | null;
  resolutionLabel: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  note: string | null;
  sent: boolean;
}

const isManager = (actor: Actor) => actor.role === 'manager' || actor.role === 'admin';

/** The hall's 异常 (manager, administrator) or the refused changes made at this counter (clerk, reviewer). */
export function listAnomalies(deps: ServiceDeps, actor: Actor, open: boolean): AnomalyView[] {
  const scope = isManager(actor)
    ? sql`(x.hall_id = ${actor.hallId} OR x.hall_id IS NULL)`
    : sql`x.kind = 'refused_change' AND x.counter_id = ${actor.counterId}`;
  const rows = deps.db.all<Omit<AnomalyView, 'kindLabel' | 'resolutionLabel' | 'fromServer' | 'sent'> & { fromServer: number; sent: number }>(sql`
    SELECT x.id, x.kind, c.code AS counterCode, a.account_no AS accountNo, a.name AS accountName, x.bill_id AS billId, x.payment_id AS paymentId,
           x.other_payment_id AS otherPaymentId, x.amount_fen AS amountFen, x.business_date AS businessDate, x.detail, x.created_at AS createdAt,
           (x.reported_by = 'server') AS fromServer, x.resolution, coalesce(s.name, x.resolved_by) AS resolvedBy, x.resolved_at AS resolvedAt, x.note,
           (x.sent_at IS NOT NULL) AS sent
    FROM sync_anomalies x
    LEFT JOIN counters c ON c.id = x.counter_id
    LEFT JOIN accounts a ON a.id = x.account_id
    LEFT JOIN staff s ON s.id = x.resolved_by
    WHERE ${scope} ${open ? sql`AND x.resolution IS NULL` : sql``}
    ORDER BY x.resolution IS NOT NULL, x.created_at DESC LIMIT 500`);
  return rows.map((r) => ({
    ...r,
    kindLabel: KIND_LABELS[r.kind] ?? r.kind,
    resolutionLabel: r.resolution ? RESOLUTION_LABELS[r.resolution] : null,
    fromServer: Boolean(r.fromServer),
    sent: Boolean(r.sent),
  }));
}

/**
 * The hall manager's decision (once): a double payment's credit is refunded (退款) or kept as 预存 (保留预存);
 * any other kind is acknowledged (已知悉). Audited in the same transaction.
 */
export function decideAnomaly(deps: ServiceDeps, actor: Actor, input: { id: string; resolution: AnomalyResolution; note?: string | undefined }): AnomalyView {
  if (!isManager(actor)) throw new DomainError('FORBIDDEN', '异常须由营业厅主任处理', 'id');
  const now = deps.clock.now().toISOString();
  deps.db.transaction(
    (tx) => {
      const row = tx.get<{ kind: AnomalyKind; hallId: string | null; resolution: string | null; amountFen: number | null; accountId: string | null; paymentId: string | null }>(sql`
        SELECT kind, hall_id AS hallId, resolution, amount_fen AS amountFen, account_id AS accountId, payment_id AS paymentId FROM sync_anomalies WHERE id = ${input.id}`);
      if (!row || (row.hallId !== null && row.hallId !== actor.hallId)) throw new DomainError('NOT_FOUND', '没有这条异常记录', 'id');
      if (row.resolution !== null) throw new DomainError('VALIDATION', `这条异常已处理（${RESOLUTION_LABELS[row.resolution as AnomalyResolution] ?? row.resolution}）`, 'resolution');
      const credit = row.kind === 'double_payment';
      if (credit && input.resolution === 'acknowledged') throw new DomainError('VALIDATION', '重复缴费须选择“退款”或“保留预存”', 'resolution');
      if (!credit && input.resolution !== 'acknowledged') throw new DomainError('VALIDATION', '该类异常只需确认“已知悉”', 'resolution');
      if (input.resolution === 'refund' && !(input.note ?? '').trim()) throw new DomainError('VALIDATION', '退款须填写说明（如退款方式、经手人）', 'note');
      tx.run(sql`UPDATE sync_anomalies SET resolution = ${input.resolution}, resolved_by = ${actor.staffId}, resolved_at = ${now}, note = ${input.note?.trim() || null} WHERE id = ${input.id}`);
      appendAudit(tx, {
        actorId: actor.staffId,
        action: 'sync.anomaly.decide',
        entity: 'sync_anomaly',
        entityId: input.id,
        detail: { kind: row.kind, resolution: input.resolution, amountFen: row.amountFen, accountId: row.accountId, paymentId: row.paymentId, note: input.note?.trim() ?? null },
      }, deps.clock.now());
    },
    { behavior: 'immediate' },
  );
  const view = listAnomalies(deps, actor, false).find((a) => a.id === input.id);
  if (!view) throw new DomainError('NOT_FOUND', '没有这条异常记录', 'id');
  return view;
}

export interface ProblemView {
  id: number;
  source: string;
  position: string;
  table: string;
  rowId: string;
  reason: string;
  createdAt: string;
}

/**
 * 同步问题: the central bill rows waiting here for the payment item they name (sync_bill_waits: none stays once the
 * feed has brought the payment; one that stays names a payment this PC will not get by the feed), then the rows
 * from the server this PC refused, newest first (manager, administrator).
 */
export function listProblems(deps: ServiceDeps, actor: Actor): ProblemView[] {
  if (!isManager(actor)) throw new DomainError('FORBIDDEN', '同步问题仅营业厅主任可查看', 'id');
  const waits = deps.db.all<ProblemView>(sql`
    SELECT -w.rowid AS id, w.source, w.position, 'bills' AS "table", w.bill_id AS rowId,
           '等待缴费明细：中心记录该账单由缴费 ' || w.payment_id || ' 收讫，本机尚无该缴费的明细（随后到达时自动补记；长时间仍在此请核查）' AS reason,
           w.created_at AS createdAt
    FROM sync_bill_waits w ORDER BY w.created_at DESC LIMIT 500`);
  const refused = deps.db.all<ProblemView>(sql`
    SELECT id, source, position, table_name AS "table", row_id AS rowId, reason, created_at AS createdAt FROM sync_problems ORDER BY id DESC LIMIT 500`);
  return [...waits, ...refused];
}
