/**
 * Correction requests with approval (issue 15 #3: R-SEC-09, R-SEC-10, R-PAY-10, A-32): the clerk asks with a
 * reason, the office manager (a hall manager or administrator, never the requester) approves or refuses once.
 */
import { z } from 'zod';
import { COUNTER_ROLES, id, volume } from './schemas.js';

const reason = z.string().trim().min(2, '请填写更正原因').max(100, '原因过长');

export const correctionView = z.object({
  id: z.string(),
  kind: z.enum(['reading', 'method']),
  accountId: z.string(),
  accountName: z.string(),
  summary: z.string(),
  reason: z.string(),
  estimated: z.boolean(),
  requesterName: z.string(),
  counterId: z.string(),
  createdAt: z.string(),
  status: z.enum(['待审批', '已批准', '已驳回']),
  deciderName: z.string().nullable(),
  note: z.string(),
  decidedAt: z.string().nullable(),
  newBillId: z.string().nullable(),
  slips: z.object({ reversal: z.string(), payment: z.string() }).nullable(),
});

export const correctionsContract = {
  /** R-SEC-09/R-SEC-10: 更改指数 of an unpaid counter-read bill; nothing changes until approved. */
  'corrections.requestReading': {
    access: COUNTER_ROLES,
    input: z
      .object({
        billId: id,
        reading: volume('reading', z.string().trim().min(1, '请输入更正后的本次立方数').max(16, '立方数过长')),
        reason,
        /** R-SEC-10: the meter is faulty and the reading is estimated (the reason says why). */
        estimated: z.boolean().default(false),
        confirmUnusual: z.boolean().default(false),
      })
      .strict(),
    output: correctionView,
  },
  /** R-PAY-10: the method of a committed gas payment of today, corrected by a reversal and a new payment once approved. */
  'corrections.requestMethod': {
    access: COUNTER_ROLES,
    input: z.object({ slipNo: z.string().trim().min(1, '请输入核对单号').max(32, '核对单号过长'), toMethod: z.enum(['现金']), reason }).strict(),
    output: correctionView,
  },
  'corrections.list': {
    access: COUNTER_ROLES,
    input: z.object({ pendingOnly: z.boolean().default(false) }).strict(),
    output: z.array(correctionView),
  },
  'corrections.decide': {
    access: ['manager', 'admin'],
    input: z.object({ requestId: id, approve: z.boolean(), note: z.string().trim().max(100, '意见过长').default('') }).strict(),
    output: correctionView,
  },
} as const;
