/** The contract's Cash reports, day close, reports, audit and backups methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { COUNTER_ROLES, approverIn, backupInfo, centi, chainHead, closeSummary, closeTotals, counterDay, date, fen, id, noInput, printOutLike, reportLine, submittedReport, text, optionalVolume, yuanOrZero } from './schemas.js';

const cashFilter = z.object({ from: date, to: date, clerkLogin: z.string().trim().max(32).optional() });
const readingsFilter = z.object({
  from: date,
  to: date,
  status: z.enum(['收讫', '未缴']).optional(),
  method: z.string().trim().max(20).optional(),
  minConsumption: optionalVolume('minConsumption', z.string().trim().max(12)),
  area: z.string().trim().max(40).optional(),
});
const arrearsFilter = z.object({ area: z.string().trim().max(40).optional(), meterReader: z.string().trim().max(20).optional() });
const exportFormat = z.enum(['xlsx', 'csv'], { error: '导出格式只能是 xlsx 或 csv' });
/** A file for the window to save: its name and its bytes as base64. */
const exportFile = z.object({ fileName: z.string(), base64: z.string() });

/** A row posted onto a closed day after its close by a card write left in doubt (日结后补记, issue 10 #1, R-IC-07). */
const lateRow = z.object({
  businessDate: date,
  slipNo: z.string(),
  chargeType: z.string(),
  method: z.string(),
  kind: z.string(),
  totalFen: fen,
  cashFen: fen,
  cardNo: z.string(),
  accountNo: z.string(),
  name: z.string(),
  clerkName: z.string(),
  postedAt: z.string(),
});

export const dayCloseContract = {
  'cashReport.draft': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({ businessDate: date, previousBalanceFen: fen, incomeFen: fen, lines: z.array(reportLine), submitted: submittedReport.nullable() }),
  },
  'cashReport.submit': {
    access: COUNTER_ROLES,
    input: z
      .object({
        deposited: yuanOrZero('deposited').prefault('0'),
        denominations: z.record(z.string().regex(/^\d+$/), z.number().int().min(0, '张数不能为负').max(100_000, '张数过多')),
        differenceReason: text(200, '原因过长').default(''),
      })
      .strict(),
    output: submittedReport,
  },
  'cashReport.review': {
    access: COUNTER_ROLES,
    input: z.object({ clerkLogin: z.string().trim().min(1, '请输入制表人工号').max(32), reviewer: approverIn }).strict(),
    output: z.object({ id, reviewed: z.boolean() }),
  },
  'day.status': {
    access: COUNTER_ROLES,
    input: z.object({ date, hallId: id.optional() }).strict(),
    output: z.object({
      businessDate: date,
      closed: z.boolean(),
      closeNo: z.string().nullable(),
      clerks: z.array(z.object({ name: z.string(), payments: z.number().int(), report: z.string() })),
      /** Issue 14 #4: the hall's other counters and their end-of-day markers; empty on a PC that does not sync. */
      counters: z.array(counterDay),
      /** Codes of the counters whose end-of-day marker has not come: the 日结 waits for them. */
      missingCounters: z.array(z.string()),
    }),
  },
  'day.close': { access: ['manager', 'admin'], input: z.object({ date, hallId: id.optional() }).strict(), output: z.object({ report: closeSummary, print: printOutLike }) },
  /** Issue 10 #3: the hall's days the manager may close (today and earlier, not closed) and the latest closed ones. */
  'day.openDays': {
    access: ['manager', 'admin'],
    input: noInput,
    output: z.object({
      today: date,
      open: z.array(z.object({ date, payments: z.number().int() })),
      closed: z.array(z.object({ date, closeNo: z.string() })),
    }),
  },
  /** The stored close report; apart from it the rows posted after the close and the day's ledger: closed + late = ledger. */
  'day.report': {
    access: COUNTER_ROLES,
    input: z.object({ date }).strict(),
    output: closeSummary.extend({ late: closeTotals.extend({ rows: z.array(lateRow) }), ledger: closeTotals }),
  },
  'day.month': {
    access: ['manager', 'admin'],
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式为 YYYY-MM') }).strict(),
    output: z.object({
      month: z.string(),
      closedDays: z.array(date),
      openDays: z.array(date),
      /** The closed days' stored figures. */
      closedAll: closeTotals,
      byCharge: z.array(closeTotals.extend({ chargeType: z.string() })),
      byMethod: z.array(closeTotals.extend({ method: z.string() })),
      /** issue 10 #1: rows posted onto those days after their close (日结后补记), not in the stored figures. */
      late: closeTotals.extend({ byCharge: z.array(closeTotals.extend({ chargeType: z.string() })), rows: z.array(lateRow) }),
      /** The closed days' ledger: closed figures + late rows. */
      ledger: z.object({ all: closeTotals, byCharge: z.array(closeTotals.extend({ chargeType: z.string() })) }),
    }),
  },
  /** Issue 13 #2: the kept per-day totals recomputed from the ledger (one day, or all) and compared to the fen. */
  'day.verifyTotals': {
    access: ['manager', 'admin'],
    input: z.object({ date: date.optional() }).strict(),
    output: z.object({
      ok: z.boolean(),
      cells: z.number().int(),
      mismatches: z.array(
        z.object({
          table: z.enum(['day_totals', 'day_ticket_totals', 'day_invoice_totals']),
          key: z.string(),
          ledger: z.record(z.string(), z.number()).nullable(),
          totals: z.record(z.string(), z.number()).nullable(),
        }),
      ),
    }),
  },
  'reports.cash': {
    access: COUNTER_ROLES,
    input: cashFilter.strict(),
    output: z.object({
      byCharge: z.array(z.object({ chargeType: z.string(), count: z.number().int(), totalFen: fen, cashFen: fen, lateFeeFen: fen, ticketFen: fen })),
      daily: z.array(z.object({ date, totalFen: fen })),
      csv: z.string(),
    }),
  },
  'reports.readings': {
    access: COUNTER_ROLES,
    input: readingsFilter.strict(),
    output: z.object({
      rows: z.array(
        z.object({ accountNo: z.string(), name: z.string(), area: z.string(), readingDate: date, consumption: centi, amountFen: fen, status: z.string(), method: z.string().nullable(), paidOn: z.string().nullable() }),
      ),
      totals: z.object({ count: z.number().int(), consumption: centi, amountFen: fen }),
      truncated: z.boolean(),
      csv: z.string(),
    }),
  },
  'reports.arrears': {
    access: COUNTER_ROLES,
    input: arrearsFilter.strict(),
    output: z.object({
      rows: z.array(z.object({ accountNo: z.string(), name: z.string(), address: z.string(), meterReader: z.string(), bills: z.number().int(), amountFen: fen, earliest: date })),
      totalFen: fen,
      accounts: z.number().int(),
      trend: z.array(z.object({ month: z.string(), amountFen: fen, accounts: z.number().int() })),
      csv: z.string(),
    }),
  },
  'audit.export': {
    access: ['manager', 'admin'],
    // issue 10 #20: heads read off printed 日结 / cash reports ("#1234 1a2b3c4d5e6f"), checked against the chain
    input: z.object({ from: date, to: date, heads: z.array(z.string().max(80, '链头过长')).max(400, '链头过多').optional() }).strict(),
    output: z.object({
      verified: z.boolean(),
      rows: z.number().int(),
      brokenAtSeq: z.number().int().nullable(),
      head: chainHead.nullable(),
      mismatches: z.array(z.object({ seq: z.number().int(), source: z.enum(['recorded', 'printed', 'replaced']), kind: z.enum(['CHAIN_SHORTER', 'HASH_DIFFERS']), message: z.string() })),
      exported: z.number().int(),
      csv: z.string(),
    }),
  },
  /** Issue 15 #8: a report as a file: .xlsx (typed cells, widths, header block, frozen header) or the CSV as before. */
  'reports.export': {
    access: COUNTER_ROLES,
    input: z.discriminatedUnion('report', [
      cashFilter.extend({ report: z.literal('cash'), format: exportFormat }).strict(),
      readingsFilter.extend({ report: z.literal('readings'), format: exportFormat }).strict(),
      arrearsFilter.extend({ report: z.literal('arrears'), format: exportFormat }).strict(),
    ]),
    output: exportFile,
  },
  /** Issue 15 #8: the audit log's rows as .xlsx or CSV for auditors (the chain itself is checked by audit.export). */
  'audit.exportFile': {
    access: ['manager', 'admin'],
    input: z.object({ from: date, to: date, format: exportFormat }).strict(),
    output: exportFile,
  },
  'backup.now': {
    access: ['manager', 'admin'],
    input: noInput,
    // R-INV-09: where the copy on the second path went, or why it could not be written
    output: backupInfo.extend({ mirror: z.string().nullable(), mirrorError: z.string().nullable() }),
  },
  /** Issue 12 #6: proves a listed backup sound (integrity, audit chain). */
  'backup.check': {
    access: ['manager', 'admin'],
    input: z.object({ file: z.string().min(1, '请选择备份').max(1024) }).strict(),
    output: z.object({ ok: z.boolean(), detail: z.string(), payments: z.number().int() }),
  },
  /** Issue 12 #6: checks a listed backup against the store's and the printed heads and restores it at the next start. */
  'backup.restore': {
    access: ['manager', 'admin'],
    input: z
      .object({
        file: z.string().min(1, '请选择备份').max(1024),
        heads: z.array(z.string().max(64)).max(8, '最多核对8个链头').default([]),
        acceptLoss: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ payments: z.number().int(), lost: z.array(z.string()), restartRequired: z.literal(true) }),
  },
  'backup.list': { access: ['manager', 'admin'], input: noInput, output: z.array(backupInfo) },
} as const;
