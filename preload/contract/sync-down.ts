/**
 * Issue 14 (downstream): the 异常 list (conflicts the central server or this PC found, decided by the hall
 * manager), the rows this PC refused from the server (同步问题), and a counter's USB day file imported on the
 * manager's PC.
 */
import { z } from 'zod';
import { COUNTER_ROLES, fen, id, text } from './schemas.js';

const resolution = z.enum(['refund', 'keep', 'acknowledged']);

const anomaly = z.object({
  id: z.string(),
  kind: z.enum(['double_payment', 'duplicate_business', 'refused_change', 'audit_rollback', 'audit_rehash', 'seq_reuse', 'day_marker_mismatch']),
  kindLabel: z.string(),
  counterCode: z.string().nullable(),
  accountNo: z.string().nullable(),
  accountName: z.string().nullable(),
  billId: z.string().nullable(),
  paymentId: z.string().nullable(),
  otherPaymentId: z.string().nullable(),
  amountFen: fen.nullable(),
  businessDate: z.string().nullable(),
  detail: z.string(),
  createdAt: z.string(),
  fromServer: z.boolean(),
  resolution: resolution.nullable(),
  resolutionLabel: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  note: z.string().nullable(),
  sent: z.boolean(),
});

const problem = z.object({ id: z.number().int(), source: z.string(), position: z.string(), table: z.string(), rowId: z.string(), reason: z.string(), createdAt: z.string() });

const pullStatus = z.object({
  state: z.enum(['not_enrolled', 'snapshot', 'pulling', 'idle', 'offline', 'error', 'revoked', 'stopped']),
  cursor: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  lastError: z.string().nullable(),
  applied: z.number().int(),
  problems: z.number().int(),
  snapshotRows: z.number().int(),
  snapshotTotal: z.number().int(),
  failures: z.number().int(),
});

export const syncDownContract = {
  /** The change feed's puller: its state, position and last error (the 异常 window's status line). */
  'sync.pullStatus': { access: 'signedIn', input: z.object({}).strict(), output: pullStatus },
  /** 立即同步: one round now (snapshot if needed, the feed to its end, decisions sent); a failure answers with its reason. */
  'sync.pullNow': { access: ['manager', 'admin'], input: z.object({}).strict(), output: pullStatus },
  /** The hall's 异常 (manager, administrator); a clerk sees the refused changes made at their own counter. */
  'anomalies.list': { access: COUNTER_ROLES, input: z.object({ open: z.boolean().default(true) }).strict(), output: z.array(anomaly) },
  /** 退款 / 保留预存 for a double payment's credit, 已知悉 for the other kinds; once, audited. */
  'anomalies.decide': {
    access: ['manager', 'admin'],
    input: z.object({ id, resolution, note: text(200, '说明过长').optional() }).strict(),
    output: anomaly,
  },
  /** 同步问题: rows from the server, a snapshot or a day file that this store refused, with the reason. */
  'sync.problems': { access: ['manager', 'admin'], input: z.object({}).strict(), output: z.array(problem) },
  /** A counter's signed day file (U盘), as a finished upload or inline base64: checked, then applied once. */
  'dayFile.import': {
    access: ['manager', 'admin'],
    input: z
      .object({
        upload: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '上传编号不正确').optional(),
        file: z.string().min(1, '请选择日终文件').max(90_000_000, '文件过大').optional(),
      })
      .strict(),
    output: z.object({
      deviceId: z.string(),
      counterCode: z.string(),
      businessDate: z.string(),
      events: z.number().int(),
      applied: z.number().int(),
      skipped: z.number().int(),
      problems: z.number().int(),
      marker: z.boolean(),
    }),
  },
} as const;
