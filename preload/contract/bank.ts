/** The contract's Bank withholding and batch printing methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { WITHHOLDING_BANKS } from '../kernel/enums.js';
import { COUNTER_ROLES, arrearsFilter, bankTotals, batchPrinted, centi, date, fen, id, noInput, printOut, returnCheckOut, returnFileIn, runFile, slipFilter } from './schemas.js';

export const bankContract = {
  'printing.filters': { access: COUNTER_ROLES, input: noInput, output: z.object({ areas: z.array(z.string()), meterReaders: z.array(z.string()) }) },
  'printing.slips': {
    access: COUNTER_ROLES,
    input: slipFilter,
    output: z.array(
      z.object({ slipNo: z.string(), accountNo: z.string(), name: z.string(), area: z.string(), seqNo: z.string(), method: z.string(), totalFen: fen, copy: z.boolean(), lines: z.array(z.string()) }),
    ),
  },
  'printing.printSlips': { access: COUNTER_ROLES, input: slipFilter, output: batchPrinted },
  'printing.arrears': {
    access: COUNTER_ROLES,
    input: arrearsFilter,
    output: z.array(
      z.object({
        accountNo: z.string(),
        name: z.string(),
        address: z.string(),
        area: z.string(),
        meterReader: z.string(),
        seqNo: z.string(),
        bills: z.array(z.object({ readingDate: date, consumption: centi, gasFen: fen, lateFeeFen: fen })),
        gasFen: fen,
        lateFeeFen: fen,
        totalFen: fen,
      }),
    ),
  },
  'printing.printArrears': { access: COUNTER_ROLES, input: arrearsFilter, output: batchPrinted },
  'bank.banks': { access: COUNTER_ROLES, input: noInput, output: z.array(z.string()) },
  'bank.preview': {
    access: COUNTER_ROLES,
    input: z.object({ bank: z.enum(WITHHOLDING_BANKS) }).strict(),
    output: z.object({
      bank: z.string(),
      count: z.number().int(),
      totalFen: fen,
      lines: z.array(z.object({ accountNo: z.string(), cardNo: z.string(), holder: z.string(), amountFen: fen, readingDate: date })),
    }),
  },
  'bank.generate': { access: COUNTER_ROLES, input: z.object({ bank: z.enum(WITHHOLDING_BANKS) }).strict(), output: runFile },
  'bank.file': { access: COUNTER_ROLES, input: z.object({ runId: z.string().trim().min(1).max(16) }).strict(), output: runFile },
  'bank.runs': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(
      z.object({ id: z.string(), bankName: z.string(), businessDate: date, status: z.string(), itemCount: z.number().int(), totalFen: fen, okCount: z.number().int().nullable(), okFen: fen.nullable() }),
    ),
  },
  'bank.check': { access: COUNTER_ROLES, input: returnFileIn, output: returnCheckOut },
  'bank.writeOff': {
    access: COUNTER_ROLES,
    input: returnFileIn,
    output: z.object({ runId: z.string(), okCount: z.number().int(), okFen: fen, failedCount: z.number().int(), failedFen: fen, already: z.boolean() }),
  },
  'bank.failed': {
    access: COUNTER_ROLES,
    input: z.object({ runId: z.string().trim().min(1).max(16) }).strict(),
    output: z.array(z.object({ accountNo: z.string(), name: z.string(), address: z.string(), meterReader: z.string(), cardNo: z.string(), amountFen: fen, reason: z.string().nullable() })),
  },
  'bank.manualSlip': {
    access: COUNTER_ROLES,
    input: z.object({ billId: id, manualSlipNo: z.string().trim().min(1, '请输入手工核对单编号').max(20) }).strict(),
    output: z.object({ id, amountFen: fen, lateFeeFen: fen }),
  },
  'bank.writeOffManual': {
    access: COUNTER_ROLES,
    input: z.object({ manualSlipNo: z.string().trim().min(1, '请输入手工核对单编号').max(20) }).strict(),
    output: z.object({ slipNo: z.string(), amountFen: fen, print: printOut }),
  },
  'bank.postCheck': { access: COUNTER_ROLES, input: z.object({ date }).strict(), output: z.array(bankTotals) },
  'bank.monthly': {
    access: COUNTER_ROLES,
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式为 YYYY-MM') }).strict(),
    output: z.array(
      z.object({ bank: z.string(), runs: z.number().int(), sentCount: z.number().int(), sentFen: fen, okCount: z.number().int(), okFen: fen, failedCount: z.number().int(), failedFen: fen }),
    ),
  },
  'bank.quarterly': {
    access: COUNTER_ROLES,
    input: z.object({ year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }).strict(),
    output: z.array(bankTotals.extend({ feeFen: fen })),
  },
} as const;
