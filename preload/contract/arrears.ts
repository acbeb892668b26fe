/**
 * The contract's arrears collection (issue 15 #1: R-SEC-01..05, A-46) and account closure (issue 15 #2: R-SEC-06)
 * methods (one part of preload/contract.ts).
 */
import { z } from 'zod';
import { COUNTER_ROLES, approverIn, batchPrinted, centi, date, fen, id, noInput, optionalYuan, printOut, text, yuan } from './schemas.js';

const settings = z
  .object({
    enabled: z.boolean(),
    individualMonths: z.number().int().min(1, '个人用户欠费月数至少为1').max(24, '个人用户欠费月数最多24'),
    organisationMonths: z.number().int().min(1, '单位用户欠费月数至少为1').max(24, '单位用户欠费月数最多24'),
    noticeDays: z.number().int().min(1, '催缴通知后天数至少为1').max(30, '催缴通知后天数最多30'),
    restoreHours: z.number().int().min(1, '复气承诺小时数至少为1').max(72, '复气承诺小时数最多72'),
  })
  .strict();

const notice = z.object({
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
  noticeDate: date,
  months: z.number().int(),
});

const stopRow = z.object({
  stopId: z.string(),
  accountId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  address: z.string(),
  meterReader: z.string(),
  stoppedOn: date,
  sealBusinessNo: z.string(),
  stage: z.string(),
  restoreBusinessNo: z.string().nullable(),
  restoreReason: z.string().nullable(),
  restoreDueAt: z.string().nullable(),
  restoreOverdue: z.boolean(),
  paidOff: z.boolean(),
  lastRecheck: z.object({ checkedOn: date, result: z.string() }).nullable(),
});

const closureBusiness = z.object({ state: z.string(), businessNo: z.string(), promisedOn: date }).nullable();

export const arrearsContract = {
  'arrears.settings': { access: COUNTER_ROLES, input: noInput, output: settings },
  'arrears.saveSettings': { access: ['manager'], input: settings, output: settings },
  'arrears.list': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({
      settings,
      today: date,
      rows: z.array(
        z.object({
          accountId: z.string(), accountNo: z.string(), name: z.string(), address: z.string(), category: z.string(), area: z.string(), meterReader: z.string(),
          overdueBills: z.number().int(), months: z.number().int(), threshold: z.number().int(), owedFen: fen, earliestReading: date,
          lastNoticeDate: date.nullable(), stopFrom: date.nullable(), stopStage: z.string().nullable(),
        }),
      ),
    }),
  },
  'arrears.notices': {
    access: COUNTER_ROLES,
    input: z.object({ accountIds: z.array(id).min(1, '请选择要催缴的用户').max(2000, '一次最多催缴2000户'), output: z.enum(['receipt', 'A4']) }).strict(),
    output: z.object({ notices: z.array(notice), printed: batchPrinted.nullable() }),
  },
  'arrears.requestStop': {
    access: COUNTER_ROLES,
    input: z.object({ accountId: id, remark: text(200, '备注过长'), approver: approverIn }).strict(),
    output: z.object({ stopId: z.string(), businessNo: z.string(), promisedOn: date }),
  },
  'arrears.stops': { access: COUNTER_ROLES, input: noInput, output: z.array(stopRow) },
  'arrears.rechecks': { access: COUNTER_ROLES, input: noInput, output: z.array(stopRow) },
  /** R-SEC-02: the 启封 of a stop whose arrears were paid at another hall (the stop list's 欠费已结清). */
  'arrears.settleStop': {
    access: COUNTER_ROLES,
    input: z.object({ stopId: id }).strict(),
    output: z.object({ businessNo: z.string().nullable(), dueAt: z.string().nullable(), sealWithdrawn: z.boolean() }),
  },
  'arrears.recordRecheck': {
    access: COUNTER_ROLES,
    input: z.object({ stopId: id, result: z.enum(['仍封表', '私自接气'], '请选择复查结果'), note: text(200, '情况过长') }).strict(),
    output: z.object({ checkedOn: date }),
  },
  'arrears.agreement': {
    access: COUNTER_ROLES,
    input: z.object({ accountId: id, terms: text(500, '协议内容过长'), payBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '还清日期格式应为 YYYY-MM-DD'), approver: approverIn }).strict(),
    output: z.object({ businessNo: z.string().nullable(), dueAt: z.string().nullable() }),
  },
  'closure.apply': {
    access: COUNTER_ROLES,
    input: z.object({ accountId: id, kind: z.enum(['销户', '临时拆表'], '请选择销户或临时拆表'), reason: text(200, '原因过长') }).strict(),
    output: z.object({ closureId: z.string(), siteBusinessNo: z.string(), promisedOn: date }),
  },
  'closure.removal': {
    access: COUNTER_ROLES,
    input: z.object({ closureId: id, deposit: yuan('deposit'), tendered: optionalYuan('tendered'), confirmLargeTender: z.boolean().default(false) }).strict(),
    output: z.object({
      removalBusinessNo: z.string(),
      promisedOn: date,
      depositFen: fen,
      removalFeeFen: fen,
      changeFen: fen,
      slips: z.array(z.object({ chargeType: z.string(), slipNo: z.string(), amountFen: fen, tenderedFen: fen, changeFen: fen })),
      prints: z.array(printOut),
    }),
  },
  'closure.settleDeposit': {
    access: COUNTER_ROLES,
    input: z.object({ closureId: id, tendered: optionalYuan('tendered'), confirmLargeTender: z.boolean().default(false) }).strict(),
    output: z.object({
      depositFen: fen,
      offsetFen: fen,
      refundFen: fen,
      billsFen: fen,
      cashFen: fen,
      changeFen: fen,
      refundSlipNo: z.string().nullable(),
      paymentSlipNo: z.string().nullable(),
      prints: z.array(printOut),
    }),
  },
  'closure.finalBill': { access: COUNTER_ROLES, input: z.object({ closureId: id }).strict(), output: z.object({ finalBillId: z.string().nullable() }) },
  'closure.approve': {
    access: COUNTER_ROLES,
    input: z.object({ closureId: id, approver: approverIn }).strict(),
    output: z.object({ state: z.string(), date }),
  },
  'closure.refit': { access: COUNTER_ROLES, input: z.object({ accountId: id }).strict(), output: z.object({ businessNo: z.string() }) },
  'closure.list': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(
      z.object({
        closureId: z.string(), accountId: z.string(), accountNo: z.string(), name: z.string(), address: z.string(), kind: z.string(), reason: z.string(), state: z.string(),
        depositFen: fen, site: closureBusiness, removal: closureBusiness, finalBillId: z.string().nullable(), closedOn: date.nullable(), removedOn: date.nullable(),
        depositHeldFen: fen, unpaidFen: fen, removalFeeFen: fen,
      }),
    ),
  },
} as const;
