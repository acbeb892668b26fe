/**
 * Issue 14 (中心服务器 / 同步设置): enrolling this counter PC with the central server (administrator only), the sync
 * state for the settings page and the status bar (anyone signed in), 立即上传, 本机日终 (the counter's end-of-day
 * marker) and the signed USB day file for the hall manager's PC.
 */
import { z } from 'zod';
import { COUNTER_ROLES, date, noInput } from './schemas.js';

const pushState = z.enum(['not_enrolled', 'idle', 'pushing', 'offline', 'error', 'revoked', 'stopped']);

export const syncStatus = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  deviceId: z.string().nullable(),
  hallId: z.string().nullable(),
  counterId: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  credentialsProblem: z.string().nullable(),
  push: z.object({
    state: pushState,
    /** Events written at this PC the server has not acknowledged yet. */
    pending: z.number().int().nonnegative(),
    /** Of them, payments (收费 and 冲正). */
    pendingPayments: z.number().int().nonnegative(),
    ackedSeq: z.number().int().nonnegative(),
    lastSeq: z.number().int().nonnegative(),
    lastPushAt: z.string().nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    conflicts: z.number().int().nonnegative(),
    failures: z.number().int().nonnegative(),
    retryAt: z.string().nullable(),
  }),
});

export const syncContract = {
  /** The state shown in 同步设置 and, short, in the status bar (已同步 / 待上传 N 笔 / 离线). */
  'sync.status': { access: 'signedIn', input: noInput, output: syncStatus },
  /** Trades the one-time code for this PC's credential (a re-enrolment replaces the old one); audited. */
  'sync.enrol': {
    access: ['admin'],
    input: z
      .object({
        serverUrl: z.string().trim().min(1, '请输入中心服务器地址').max(300, '地址过长'),
        code: z.string().trim().min(4, '请输入登记码').max(64, '登记码过长'),
      })
      .strict(),
    output: syncStatus,
  },
  /** 立即上传: try now, also during a back-off or after a stop. */
  'sync.pushNow': { access: ['manager', 'admin'], input: noInput, output: syncStatus },
  /** 本机日终: records the counter's end-of-day marker for today (count, total, audit head); it goes up with the rest. */
  'sync.endCounterDay': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({ businessDate: z.string(), paymentCount: z.number().int(), totalFen: z.number().int(), headSeq: z.number().int(), throughSeq: z.number().int() }),
  },
  /** The signed day file of a business date (default today) for a USB hand-off to the hall manager's PC. */
  'sync.exportDayFile': {
    access: ['clerk', 'manager', 'admin'],
    input: z.object({ date: date.nullable() }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string(), events: z.number().int(), marker: z.boolean() }),
  },
} as const;
