/**
 * Issue 14: company-wide finance reports from PostgreSQL (admin token: any hall; device: its own hall only,
 * and the hallId query is then required). All money integer fen; every total is the exact sum of its lines.
 */
import { z } from 'zod';
import { businessDate, fenAmount, syncId } from './common.js';

/** GET ROUTES.cashStats?from=&to=&hallId= : 收银统计报表 per hall and day, by method and charge type. */
export const cashStatsQuery = z
  .object({ from: businessDate, to: businessDate, hallId: syncId.optional() })
  .strict();
export type CashStatsQuery = z.infer<typeof cashStatsQuery>;

export const cashStatsLine = z.object({
  hallId: syncId,
  businessDate,
  method: z.string(),
  chargeType: z.string(),
  /** Payments counted (冲正 rows included). */
  count: z.number().int(),
  gasFen: fenAmount,
  lateFeeFen: fenAmount,
  feeFen: fenAmount,
  totalFen: fenAmount,
});
export const cashStatsDay = z.object({
  hallId: syncId,
  businessDate,
  count: z.number().int(),
  totalFen: fenAmount,
  /** Payments that are 冲正 rows (negative). */
  reversalCount: z.number().int(),
});
export const cashStatsReport = z.object({
  lines: z.array(cashStatsLine),
  days: z.array(cashStatsDay),
  count: z.number().int(),
  totalFen: fenAmount,
});
export type CashStatsReport = z.infer<typeof cashStatsReport>;

/** GET ROUTES.arrears?hallId=&asOf= : 欠费 — unpaid bills (status 未缴) per account, from the central bills. */
export const arrearsQuery = z
  .object({
    hallId: syncId.optional(),
    /** Only bills due before this date count (default: all unpaid). */
    asOf: businessDate.optional(),
    limit: z.coerce.number().int().min(1).max(10000).optional(),
  })
  .strict();
export const arrearsLine = z.object({
  accountId: syncId,
  accountNo: z.string().nullable(),
  name: z.string().nullable(),
  hallId: syncId.nullable(),
  billCount: z.number().int(),
  amountFen: fenAmount,
  oldestDueDate: z.string().nullable(),
});
export const arrearsReport = z.object({
  lines: z.array(arrearsLine),
  accountCount: z.number().int(),
  billCount: z.number().int(),
  amountFen: fenAmount,
  truncated: z.boolean(),
});
export type ArrearsReport = z.infer<typeof arrearsReport>;

/** GET ROUTES.bankRuns?from=&to= : 银行代扣 runs (company-wide master rows). */
export const bankRunsQuery = z.object({ from: businessDate, to: businessDate }).strict();
export const bankRunLine = z.object({
  id: syncId,
  bankName: z.string(),
  businessDate,
  status: z.string(),
  itemCount: z.number().int(),
  totalFen: fenAmount,
  okCount: z.number().int().nullable(),
  okFen: fenAmount.nullable(),
});
export const bankRunsReport = z.object({
  runs: z.array(bankRunLine),
  totalFen: fenAmount,
  okFen: fenAmount,
});
export type BankRunsReport = z.infer<typeof bankRunsReport>;
