/**
 * Issue 15 #6: management reports (R-SEC-26 气量销售汇总表, R-TKT-14 票证核对, R-SEC-29 / R-SEC-11 服务指标,
 * R-FIN-03 银行代扣报表, R-INV-10 公建回笼清单, R-FIN-05 公建月报): each as one typed table for the window, the
 * .xlsx and the CSV, read on the read worker.
 */
import { z } from 'zod';
import { approverIn, COUNTER_ROLES, date, fen, noInput, text, yuan } from './schemas.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const clerkLogin = z.string().trim().max(32).optional();

export const managementReportInput = z.discriminatedUnion('report', [
  z.object({ report: z.literal('gasSales'), from: date, to: date }).strict(),
  z.object({ report: z.literal('tickets'), from: date, to: date, clerkLogin }).strict(),
  z.object({ report: z.literal('kpi'), month }).strict(),
  z.object({ report: z.literal('bankWithholding'), month }).strict(),
  z.object({ report: z.literal('publicBuilding'), from: date, to: date }).strict(),
  z.object({ report: z.literal('publicBuildingMonth'), month }).strict(),
]);

const cell = z.union([z.string(), z.number(), z.null()]);
/** One report as a typed table: for the window, the .xlsx and the CSV (also the 服务计时统计's, preload/contract/timing.ts). */
export const reportTable = z.object({
  title: z.string(),
  sheet: z.string(),
  period: z.string(),
  columns: z.array(z.object({ header: z.string(), kind: z.enum(['text', 'code', 'int', 'yuan', 'volume', 'date', 'datetime']), width: z.number() })),
  rows: z.array(z.array(cell)),
  totals: z.array(cell).nullable(),
  signatures: z.array(z.string()).optional(),
});
const kpiFigure = z.object({
  key: z.string(),
  label: z.string(),
  targetBp: z.number().int(),
  rule: z.string(),
  status: z.enum(['met', 'missed', 'nodata']),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
  basis: z.string(),
});

export const managementContract = {
  'reports.management': {
    access: COUNTER_ROLES,
    input: managementReportInput,
    output: z.object({ table: reportTable, flagged: z.array(z.number().int()), kpi: z.array(kpiFigure) }),
  },
  'reports.managementExport': {
    access: COUNTER_ROLES,
    input: z.object({ format: z.enum(['xlsx', 'csv'], { error: '导出格式只能是 xlsx 或 csv' }), query: managementReportInput }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /** R-SEC-21: the outgoing clerk's system cash since their last handover today (the form's first line). */
  'shift.handoverDraft': { access: COUNTER_ROLES, input: noInput, output: z.object({ businessDate: date, systemFen: fen }) },
  /** R-SEC-21: the cash actually held; a difference needs its reason; the incoming clerk signs in to accept. */
  'shift.handover': {
    access: COUNTER_ROLES,
    input: z.object({ held: yuan('held', z.string().trim().min(1, '请输入实存现金').max(14)), reason: text(200, '原因过长').default(''), incoming: approverIn }).strict(),
    output: z.object({ id: z.string(), businessDate: date, systemFen: fen, heldFen: fen, differenceFen: fen, reason: z.string() }),
  },
  'shift.handovers': {
    access: COUNTER_ROLES,
    input: z.object({ date }).strict(),
    output: z.array(z.object({ id: z.string(), at: z.string(), outgoing: z.string(), incoming: z.string(), systemFen: fen, heldFen: fen, differenceFen: fen, reason: z.string() })),
  },
} as const;
