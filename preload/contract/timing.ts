/**
 * Issue 15 #5: service timing (R-SEC-13) and 暂停营业 (R-SEC-16). The renderer only names the customer picked; the back
 * end stamps every time. The report per clerk or counter is one typed table for the window, the .xlsx and the CSV.
 */
import { z } from 'zod';
import { reportTable } from './management.js';
import { approverIn, COUNTER_ROLES, date, id, noInput } from './schemas.js';

const settings = z
  .object({
    enabled: z.boolean(),
    feeLimitSeconds: z.number().int().min(30, '收费限时至少30秒').max(3600, '收费限时最多60分钟'),
    otherLimitSeconds: z.number().int().min(30, '其它业务限时至少30秒').max(3600, '其它业务限时最多60分钟'),
  })
  .strict();

const pause = z.object({
  id: z.string(),
  counterName: z.string(),
  businessDate: date,
  reason: z.string(),
  requestedBy: z.string(),
  approvedBy: z.string(),
  startedAt: z.string(),
  resumedAt: z.string().nullable(),
  resumedBy: z.string().nullable(),
});

export const timingReportInput = z.discriminatedUnion('report', [
  z.object({ report: z.literal('timing'), from: date, to: date, by: z.enum(['clerk', 'counter']) }).strict(),
  z.object({ report: z.literal('pauses'), from: date, to: date }).strict(),
]);


export const timingContract = {
  /** R-SEC-13: the customer picked at this counter (null: let go); the time is the back end's. Refused while paused. */
  'timing.pick': {
    access: COUNTER_ROLES,
    input: z.object({ accountId: id.nullable() }).strict(),
    output: z.object({ timed: z.boolean(), pickedAt: z.string().nullable() }),
  },
  'timing.status': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({ settings, pause: pause.nullable(), pick: z.object({ accountNo: z.string(), pickedAt: z.string() }).nullable(), recent: z.array(pause) }),
  },
  'timing.settings': { access: COUNTER_ROLES, input: noInput, output: settings },
  'timing.saveSettings': { access: ['manager'], input: settings, output: settings },
  /** R-SEC-16: 暂停营业 with the hall director signing in on the spot. */
  'timing.pause': {
    access: COUNTER_ROLES,
    input: z.object({ reason: z.string().max(100, '原因过长'), approver: approverIn }).strict(),
    output: pause,
  },
  'timing.resume': { access: COUNTER_ROLES, input: noInput, output: pause },
  'timing.report': {
    access: ['manager', 'admin'],
    input: timingReportInput,
    output: z.object({
      table: reportTable,
      flagged: z.array(z.number().int()),
      histogram: z.object({ buckets: z.array(z.string()), series: z.array(z.object({ name: z.string(), counts: z.array(z.number().int()) })) }),
      settings,
    }),
  },
  'timing.export': {
    access: ['manager', 'admin'],
    input: z.object({ format: z.enum(['xlsx', 'csv'], { error: '导出格式只能是 xlsx 或 csv' }), query: timingReportInput }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
} as const;
