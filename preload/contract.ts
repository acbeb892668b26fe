/**
 * The one API between a counter window and the main process (ARCHITECTURE "One contract"). Every method
 * has a zod input and output schema and an access rule; main parses every input before a handler runs.
 * Channel names are `gas:<area>.<method>`.
 */
import { z } from 'zod';
import { BUSINESS_STATES, BUSINESS_TYPES, PRIORITIES, RECEIPT_RESULTS } from '../main/domain/work-order.js';
import { DIRECT_RELATIVES } from '../main/domain/transfer.js';
import { STAT_KINDS } from '../main/domain/statistics.js';
import { METHOD_NAMES, type MethodName } from './channels.js';
import { TICKET_KINDS } from '../main/domain/ticket-kinds.js';
import { ELECTRONIC_CHANNELS } from '../main/domain/payment-channels.js';
import { WITHHOLDING_BANKS } from '../main/domain/bank-file.js';

export { channelOf } from './channels.js';

const id = z.string().min(1, '缺少编号').max(64, '编号过长');
const fen = z.number().int().safe();
const centi = z.number().int().safe();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const approverIn = z.object({ login: z.string().trim().min(1).max(32), password: z.string().min(1).max(128) }).strict();
/** One group of tickets of a kind and quarter (§3.7); the name and address on the back (R-TKT-07). */
const ticketLine = z
  .object({
    kind: z.enum(TICKET_KINDS),
    year: z.number().int().min(2000, '年份有误').max(2100, '年份有误'),
    quarter: z.number().int().min(1, '季度须为1–4').max(4, '季度须为1–4').nullable(),
    count: z.number().int().min(1, '张数须为正整数').max(200, '张数过多'),
    faceValue: z.string().trim().max(12, '面值过长').default('0'),
    backName: z.string().trim().min(1, '请登记票背面的姓名').max(40, '姓名过长'),
    backAddress: z.string().trim().min(1, '请登记票背面的地址').max(120, '地址过长'),
  })
  .strict();

export const COUNTER_ROLES = ['clerk', 'reviewer', 'manager', 'admin'] as const;
/** The call centre (接听组) finds customers and accepts businesses by phone; it takes no money. */
export const PHONE_ROLES = [...COUNTER_ROLES, 'callcenter', 'callcenter_lead'] as const;
/** Technicians sync handheld meter readers; they take no money. */
export const HANDHELD_ROLES = [...COUNTER_ROLES, 'technician'] as const;
export type Role = (typeof PHONE_ROLES)[number] | 'technician';
export type Access = 'public' | 'signedIn' | readonly Role[];

const sessionOut = z.object({
  staffName: z.string(),
  role: z.string(),
  hallName: z.string(),
  counterName: z.string(),
  counterCode: z.string(),
  businessDate: date,
});

/** Who the customer is, as every counter list shows it. */
const accountIdentity = z.object({
  id,
  accountNo: z.string(),
  name: z.string(),
  address: z.string(),
  customerType: z.string(),
  paymentMethod: z.string(),
});

const accountHit = accountIdentity.extend({ unpaidCount: z.number().int(), unpaidFen: fen });

const unpaidBill = z.object({
  id,
  readingDate: date,
  previousReading: centi,
  thisReading: centi,
  consumption: centi,
  priceFenPerM3: fen,
  gasFen: fen,
  dueDate: date,
  overdueDays: z.number().int(),
  lateFeeFen: fen,
  totalFen: fen,
  source: z.string(),
  estimated: z.boolean(),
  pricing: z.string(),
});

const printOut = z.object({
  slipNo: z.string(),
  copy: z.boolean(),
  printed: z.boolean(),
  message: z.string().nullable(),
  lines: z.array(z.string()),
});

const noInput = z.object({}).strict();

const accountSummary = accountIdentity.extend({
  category: z.string(),
  meterStatus: z.string().nullable(),
  latestReading: centi.nullable(),
  settledReading: centi,
  prepaid: centi,
});

const pendingWrite = z.object({ id, kind: z.string(), cardNo: z.string(), accountId: id, volume: centi, amountFen: fen, createdAt: z.string() });

/** A posted card write: the payment (or reversal) and what the card now holds. */
const cardWriteOut = z.object({
  slipNo: z.string(),
  totalFen: fen,
  tenderedFen: fen,
  changeFen: fen,
  cardNo: z.string(),
  volume: centi,
  credit: centi,
  counter: z.number().int(),
  print: printOut,
});

const runFile = z.object({ runId: z.string(), fileName: z.string(), count: z.number().int(), totalFen: fen, base64: z.string() });
const returnFileIn = z.object({ runId: z.string().trim().min(1).max(16), file: z.string().min(1, '请选择回执文件').max(80_000_000, '文件过大') }).strict();
const returnCheckOut = z.object({
  runId: z.string(),
  bank: z.string(),
  sentCount: z.number().int(),
  sentFen: fen,
  okCount: z.number().int(),
  okFen: fen,
  failedCount: z.number().int(),
  failedFen: fen,
  problems: z.array(z.string()),
});
const backupInfo = z.object({ file: z.string(), bytes: z.number().int(), at: z.string() });
const reportLine = z.object({ group: z.string(), item: z.string(), count: z.number().int(), amountFen: fen, volumeCenti: centi.optional() });
const submittedReport = z.object({
  id,
  previousBalanceFen: fen,
  incomeFen: fen,
  depositedFen: fen,
  balanceFen: fen,
  countedFen: fen,
  differenceFen: fen,
  differenceReason: z.string(),
  reviewed: z.boolean(),
});
const closeTotals = z.object({ count: z.number().int(), totalFen: fen, cashFen: fen });
const closeSummary = z.object({
  closeNo: z.string(),
  hallName: z.string(),
  businessDate: date,
  closedAt: z.string(),
  closedBy: z.string(),
  all: closeTotals,
  byClerk: z.array(closeTotals.extend({ name: z.string() })),
  byCounter: z.array(closeTotals.extend({ code: z.string() })),
  byMethod: z.array(closeTotals.extend({ method: z.string() })),
  byCharge: z.array(closeTotals.extend({ chargeType: z.string() })),
});
const printOutLike = z.object({ printed: z.boolean(), message: z.string().nullable(), lines: z.array(z.string()) });
const slipFilter = z
  .object({ date, method: z.string().trim().max(20).optional(), area: z.string().trim().max(40).optional() })
  .strict();
const arrearsFilter = z.object({ area: z.string().trim().max(40).optional(), meterReader: z.string().trim().max(20).optional() }).strict();
const batchPrinted = z.object({ printed: z.number().int(), failed: z.number().int(), firstError: z.string().nullable() });
const bankTotals = z.object({ bank: z.string(), count: z.number().int(), amountFen: fen });

const yuanText = (message: string) => z.string().trim().min(1, message).max(16, '金额过长');

const text = (max: number, message: string) => z.string().trim().max(max, message);
const phone = z.string().trim().regex(/^[0-9-]{7,20}$/, '联系电话格式不正确');
const dateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm').nullable();

const business = z.object({
  id,
  businessNo: z.string(),
  type: z.enum(BUSINESS_TYPES),
  accountId: id,
  requirement: z.string(),
  contactPhone: z.string(),
  priority: z.enum(PRIORITIES),
  acceptedOn: date,
  promisedOn: date,
  deferredTo: date.nullable(),
  deferralRemark: z.string().nullable(),
  state: z.enum(BUSINESS_STATES),
  channel: z.string(),
  voidReason: z.string().nullable(),
});

const consumables = z
  .array(z.object({ name: text(32, '耗材名称过长').min(1, '请填写耗材名称'), unit: text(8, '单位过长'), quantity: z.number().positive().max(10000) }).strict())
  .max(50, '耗材最多50项');

const workOrder = z.object({
  id,
  workOrderNo: z.string(),
  businessId: id,
  kind: z.string(),
  technician: z.string(),
  remark: z.string(),
  dispatchedOn: date,
});

export const READING_SOURCES_AT_COUNTER = ['notice', 'reader_phone', 'self_reported'] as const;

export const contract = {
  'auth.counters': {
    access: 'public',
    input: noInput,
    output: z.array(z.object({ id, code: z.string(), name: z.string(), hallName: z.string() })),
  },
  'auth.login': {
    access: 'public',
    input: z
      .object({
        login: z.string().trim().min(1, '请输入工号').max(32, '工号过长'),
        password: z.string().min(1, '请输入密码').max(128, '密码过长'),
        counterId: id,
      })
      .strict(),
    output: sessionOut,
  },
  'auth.session': { access: 'public', input: noInput, output: sessionOut.nullable() },
  'auth.logout': { access: 'signedIn', input: noInput, output: z.object({ ok: z.literal(true) }) },
  'auth.lock': { access: 'signedIn', input: noInput, output: z.object({ ok: z.literal(true) }) },
  'auth.unlock': { access: 'public', input: z.object({ password: z.string().min(1, '请输入密码').max(128) }).strict(), output: sessionOut },
  'accounts.search': {
    access: PHONE_ROLES,
    input: z.object({ query: z.string().trim().min(1, '请输入用户编号、姓名或地址').max(64, '检索内容过长') }).strict(),
    output: z.object({ rows: z.array(accountHit), truncated: z.boolean() }),
  },
  'bills.unpaid': {
    access: PHONE_ROLES,
    input: z.object({ accountId: id }).strict(),
    output: z.object({
      account: accountSummary,
      businessDate: date,
      bills: z.array(unpaidBill),
      gasFen: fen,
      lateFeeFen: fen,
      totalFen: fen,
    }),
  },
  'bills.enterReading': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        reading: z.string().trim().min(1, '请输入本次立方数').max(16, '立方数过长'),
        source: z.enum(READING_SOURCES_AT_COUNTER),
      })
      .strict(),
    output: unpaidBill,
  },
  'payments.payCash': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        billIds: z
          .array(id)
          .min(1, '请选择要缴的费用')
          .max(36, '一次最多缴36笔')
          .refine((ids) => new Set(ids).size === ids.length, '费用重复选择'),
        tendered: z.string().trim().min(1, '请输入实收金额').max(16, '金额过长'),
        expectedTotalFen: fen.nonnegative(),
        waivers: z
          .array(z.object({ billId: id, amount: z.string().trim().min(1, '请输入减免金额').max(12), reason: text(100, '减免原因过长') }).strict())
          .max(36)
          .default([]),
        approver: approverIn.nullable().default(null),
        tickets: z.array(ticketLine).max(8, '一次最多登记8组票').default([]),
        overrides: z.array(z.object({ rule: z.enum(['R-TKT-05', 'R-TKT-06']), reason: text(100, '原因过长') }).strict()).max(2).default([]),
      })
      .strict(),
    output: z.object({
      slipNo: z.string(),
      businessDate: date,
      gasFen: fen,
      lateFeeFen: fen,
      totalFen: fen,
      tenderedFen: fen,
      changeFen: fen,
      ticketFen: fen,
      ticketCashFen: fen,
      method: z.string(),
      print: printOut,
    }),
  },
  'bills.split': {
    access: COUNTER_ROLES,
    input: z.object({ billId: id, split: z.string().trim().min(1, '请输入拆分立方数').max(16, '立方数过长') }).strict(),
    output: z.object({ billIds: z.tuple([id, id]) }),
  },
  'receipts.reprint': {
    access: COUNTER_ROLES,
    input: z.object({ slipNo: z.string().trim().regex(/^[A-Z0-9]{2,8}-\d{8}$/, '核对单号格式不正确') }).strict(),
    output: printOut,
  },
  'receipts.recent': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(
      z.object({ slipNo: z.string(), accountNo: z.string(), name: z.string(), totalFen: fen, createdAt: z.string() }),
    ),
  },
  'businesses.accept': {
    access: PHONE_ROLES,
    input: z
      .object({
        accountId: id,
        type: z.enum(BUSINESS_TYPES, '请选择业务类型'),
        requirement: text(500, '要求不能超过500字'),
        contactPhone: phone,
        priority: z.enum(PRIORITIES, '请选择业务级别'),
        icToOrdinary: z.boolean().default(false),
        icTermsAcknowledged: z.boolean().default(false),
        hoseLength: z.string().trim().max(8).default(''),
        ownershipChanged: z.boolean().default(false),
        depositTendered: z.string().trim().max(16).nullable().default(null),
      })
      .strict(),
    output: business.extend({ depositSlipNo: z.string().nullable(), depositChangeFen: fen.nullable(), print: printOut.nullable() }),
  },
  'businesses.forAccount': { access: PHONE_ROLES, input: z.object({ accountId: id }).strict(), output: z.array(business) },
  'businesses.queue': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(
      business.pick({ id: true, businessNo: true, type: true, state: true, priority: true, promisedOn: true, deferredTo: true, requirement: true, contactPhone: true }).extend({
        accountNo: z.string(),
        name: z.string(),
        address: z.string(),
        workOrderNo: z.string().nullable(),
      }),
    ),
  },
  'businesses.dispatch': {
    access: COUNTER_ROLES,
    input: z.object({ businessId: id, technician: text(32, '施工人员姓名过长').min(1, '请填写施工人员'), remark: text(200, '派工备注过长') }).strict(),
    output: workOrder,
  },
  'businesses.receipt': {
    access: COUNTER_ROLES,
    input: z
      .object({
        workOrderNo: z.string().trim().regex(/^[A-Z0-9]{2,8}-P\d{8}$/, '派工单号格式不正确'),
        arrivedAt: dateTime,
        implementedAt: dateTime,
        leftAt: dateTime,
        result: z.enum(RECEIPT_RESULTS, '请选择实施结果'),
        businessValid: z.boolean(),
        siteRemark: text(500, '现场备注过长'),
      })
      .strict(),
    output: business,
  },
  'businesses.defer': {
    access: COUNTER_ROLES,
    input: z.object({ businessId: id, agreedDate: date, remark: text(200, '顺延备注过长').min(1, '请填写顺延备注') }).strict(),
    output: business,
  },
  'businesses.void': {
    access: ['manager', 'callcenter_lead'],
    input: z.object({ businessId: id, reason: text(200, '作废原因过长').min(1, '请填写作废原因') }).strict(),
    output: business,
  },
  'followUps.ignition': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        latestReading: z.string().trim().min(1, '请输入最新方数').max(16),
        flameFailureDevice: z.boolean(),
        cookerBrand: text(32, '品牌过长'),
        cookerYear: text(8, '年度过长'),
        heaterBrand: text(32, '品牌过长'),
        heaterOutput: text(16, '额定出水量过长'),
        heaterYear: text(8, '年度过长'),
        heatingBrand: text(32, '品牌过长'),
        heatingPower: text(16, '额定功率过长'),
        heatingYear: text(8, '年度过长'),
        agreementModel: text(32, '表型号过长').default(''),
        agreementDirection: z.enum(['', '左进', '右进']).default(''),
        agreementPhone: z.string().trim().max(20).default(''),
        correctMeterData: z.boolean().default(false),
      })
      .strict(),
    output: business,
  },
  'followUps.seal': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        settledReading: z.string().trim().min(1, '请输入结算方数').max(16),
        reason: text(200, '原因过长').min(1, '请填写原因'),
      })
      .strict(),
    output: business,
  },
  'followUps.install': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        model: text(32, '表型号过长').min(1, '请填写燃气表型号'),
        meterNo: text(32, '表号过长').min(1, '请填写表号'),
        direction: z.enum(['左进', '右进'], '请选择表方向'),
        baseReading: z.string().trim().min(1, '请输入表底数').max(16),
        consumables,
      })
      .strict(),
    output: business,
  },
  'accounts.register': {
    access: COUNTER_ROLES,
    input: z
      .object({
        name: z.string().max(32, '姓名过长'),
        address: text(120, '地址过长'),
        community: text(40, '小区名称过长'),
        area: text(20, '区域过长'),
        meterReader: text(16, '抄表员姓名过长'),
        customerType: z.enum(['IC卡', '抄表'], '请选择用户类型'),
        paymentMethod: z.enum(['充值', '现金', '银行代缴', '银行托收'], '请选择缴费方式'),
        bankCardNo: text(32, '银行卡号过长'),
        bankName: text(20, '银行名称过长'),
        cardHolder: text(32, '持卡人过长'),
        smsNumber: text(20, '短信号码过长'),
        smsCompany: text(20, '短信公司过长'),
        applicationNature: z.enum(['集体', '散户'], '请选择报装性质'),
        applicationDate: z.string().max(10),
        invoiceDate: z.string().max(10),
        installRequirements: text(500, '安装要求过长'),
        seq: z.object({ book: z.string().max(8), building: z.string().max(4), unit: z.string().max(4), room: z.string().max(6) }).strict(),
        areaType: z.enum(['老', '新'], '请选择区域类型'),
        buildingType: z.enum(['多层', '高层', '别墅'], '请选择楼型'),
        connectionFee: z.string().trim().max(12),
        contactPhone: phone,
        priority: z.enum(PRIORITIES),
        feePath: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('invoice'), invoiceNo: text(32, '发票号码过长') }).strict(),
          z.object({ kind: z.literal('lost_before_2006'), ledgerRecordFound: z.boolean(), lossDeclaration: z.boolean() }).strict(),
          z
            .object({
              kind: z.literal('lost_after_2006'),
              feeClass: z.enum(['A', 'B']),
              developerCertificate: z.boolean(),
              propertyCertificate: z.boolean(),
              lossDeclaration: z.boolean(),
            })
            .strict(),
          z.object({ kind: z.literal('unpaid') }).strict(),
        ]),
        tendered: z.string().trim().max(16).nullable(),
        transferWithRegistration: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      accountId: id,
      accountNo: z.string(),
      seqNo: z.string(),
      business,
      slipNo: z.string().nullable(),
      changeFen: fen.nullable(),
      warnings: z.array(z.string()),
      print: printOut.nullable(),
    }),
  },
  'accounts.transfer': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        newName: z.string().max(32, '姓名过长'),
        contactPhone: phone,
        relative: z.enum(DIRECT_RELATIVES).nullable(),
        proofShown: z.boolean(),
        invoiceLost: z.boolean(),
        lossDeclaration: z.boolean(),
        tendered: z.string().trim().max(16).nullable(),
      })
      .strict(),
    output: z.object({
      previousName: z.string(),
      settledReading: centi,
      feeFen: fen,
      slipNo: z.string().nullable(),
      changeFen: fen.nullable(),
      print: printOut.nullable(),
    }),
  },
  'accounts.changePaymentMethod': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        toMethod: z.enum(['现金', '银行代缴', '银行托收'], '请选择新的缴费方式'),
        bankName: text(20, '银行名称过长'),
        bankCardNo: text(32, '银行卡号过长'),
        cardHolder: text(32, '持卡人过长'),
      })
      .strict(),
    output: z.object({ paymentMethod: z.string(), bankName: z.string().nullable(), bankCardNo: z.string().nullable(), cardHolder: z.string().nullable() }),
  },
  'stats.meterBusiness': {
    access: COUNTER_ROLES,
    input: z.object({ from: date, to: date, allHalls: z.boolean() }).strict(),
    output: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  },
  'stats.ignitionsByCommunity': {
    access: COUNTER_ROLES,
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM'), allHalls: z.boolean() }).strict(),
    output: z.object({
      from: date,
      to: date,
      rows: z.array(z.object({ community: z.string(), count: z.number().int() })),
      total: z.number().int(),
    }),
  },
  'businesses.dispatchSheets': {
    access: COUNTER_ROLES,
    input: z.object({ date }).strict(),
    output: z.array(
      z.object({
        workOrderNo: z.string(),
        kind: z.string(),
        technician: z.string(),
        remark: z.string(),
        dispatchedOn: date,
        businessNo: z.string(),
        type: z.string(),
        priority: z.string(),
        promisedOn: date,
        requirement: z.string(),
        contactPhone: z.string(),
        accountNo: z.string(),
        name: z.string(),
        address: z.string(),
        seqNo: z.string(),
      }),
    ),
  },
  'meters.unifiedInstall': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        model: text(32, '表型号过长').min(1, '请填写燃气表型号'),
        meterNo: text(32, '表号过长').min(1, '请填写表号'),
        direction: z.enum(['左进', '右进'], '请选择表方向'),
        baseReading: z.string().trim().min(1, '请输入表底数').max(16),
        installedOn: z.string().trim().max(10),
        switchUnusedToApplied: z.boolean(),
      })
      .strict(),
    output: z.object({ meterStatus: z.string(), installedOn: date }),
  },
  'premises.logPipeSeal': {
    access: COUNTER_ROLES,
    input: z
      .object({
        address: text(120, '地址过长'),
        householder: text(32, '姓名过长'),
        phone,
        request: text(200, '要求过长'),
      })
      .strict(),
    output: z.object({ id, recordedOn: date, contactBy: date }),
  },
  'followUps.meterChange': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        oldActualReading: z.string().trim().min(1, '请输入旧表实际读数').max(16),
        model: text(32, '表型号过长').min(1, '请填写新表型号'),
        meterNo: text(32, '表号过长').min(1, '请填写新表表号'),
        direction: z.enum(['左进', '右进'], '请选择表方向'),
        newReading: z.string().trim().min(1, '请输入新表读数').max(16),
        consumables,
      })
      .strict(),
    output: z.object({ business, differenceBillId: id.nullable() }),
  },
  'followUps.modification': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        fee: z.string().trim().max(12),
        tendered: z.string().trim().max(16).nullable(),
        invoiceNo: text(32, '发票号码过长'),
        consumables,
      })
      .strict(),
    output: z.object({ business, slipNo: z.string().nullable(), changeFen: fen.nullable(), print: printOut.nullable() }),
  },
  'businesses.privateIgnition': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        latestReading: z.string().trim().min(1, '请输入抄表员发现时的读数').max(16),
        contactPhone: phone,
        requirement: text(500, '要求不能超过500字'),
        contract: z
          .object({ flameFailureDevice: z.boolean(), cookerBrand: text(32, '品牌过长'), cookerYear: text(8, '年度过长') })
          .strict()
          .nullable()
          .default(null),
      })
      .strict(),
    output: business,
  },
  'followUps.hose': {
    access: COUNTER_ROLES,
    input: z.object({ businessId: id, hoseInfo: text(200, '波纹管情况过长') }).strict(),
    output: business,
  },
  'stats.meterBusinessList': {
    access: COUNTER_ROLES,
    input: z.object({ from: date, to: date, allHalls: z.boolean(), kind: z.enum(STAT_KINDS) }).strict(),
    output: z.array(z.object({ accountNo: z.string(), name: z.string(), address: z.string(), community: z.string(), occurredOn: date })),
  },
  'businesses.visit': {
    access: COUNTER_ROLES,
    input: z.object({ businessId: id, note: text(300, '回访记录过长') }).strict(),
    output: z.object({ visitedOn: date }),
  },
  'followUps.hazard': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        inspectionYear: z.string().trim().max(4),
        arrivalDate: z.string().trim().max(10),
        rectificationDate: z.string().trim().max(10),
        result: text(300, '整改结果过长'),
        rectifier: text(32, '整改人员过长'),
        consumables,
      })
      .strict(),
    output: z.object({ id, conclusion: z.string() }),
  },
  'followUps.meterTest': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        readingBeforeTest: z.string().trim().min(1, '请输入校表前度数').max(16),
        settledReading: z.string().trim().min(1, '请输入已结算至方数').max(16),
        signedOn: z.string().trim().max(10),
        sentOn: z.string().trim().max(10),
        installer: text(32, '安装人过长'),
        tempMeterModel: text(32, '临时表型号过长'),
        tempMeterNo: text(32, '临时表号过长'),
        result: z.enum(['合格', '偏快', '偏慢'], '请选择检测结果'),
        errorPercent: z.string().trim().max(6),
        handling: text(300, '处理记录过长'),
        tendered: z.string().trim().max(16).nullable(),
      })
      .strict(),
    output: z.object({
      business,
      slipNo: z.string().nullable(),
      changeFen: fen.nullable(),
      print: printOut.nullable(),
      refundSlipNo: z.string(),
      refundFen: fen,
      refundPrint: printOut,
      /** + credited to the customer (meter fast), − collected (meter slow). */
      correctionFen: fen,
    }),
  },
  'accounts.statement': {
    access: COUNTER_ROLES,
    input: z
      .object({ accountId: id, status: z.enum(['收讫', '未缴']), dateKind: z.enum(['reading', 'paid']), from: date, to: date })
      .strict(),
    output: z.object({
      lines: z.array(
        z.object({
          readingDate: date,
          previousReading: centi,
          thisReading: centi,
          consumption: centi,
          amountFen: fen,
          status: z.string(),
          paidOn: date.nullable(),
          slipNo: z.string().nullable(),
          method: z.string().nullable(),
        }),
      ),
      totalFen: fen,
      totalConsumption: centi,
    }),
  },
  'calendar.year': {
    access: COUNTER_ROLES,
    input: z.object({ year: z.string().regex(/^\d{4}$/, '年份应为4位数字') }).strict(),
    output: z.array(z.object({ date, kind: z.enum(['holiday', 'workday']), note: z.string() })),
  },
  'calendar.set': {
    access: ['manager', 'admin'],
    input: z.object({ date: z.string().trim().max(10), kind: z.enum(['holiday', 'workday', 'normal']), note: text(40, '备注过长') }).strict(),
    output: z.object({ date, kind: z.string() }),
  },
  'counter.status': { access: COUNTER_ROLES, input: noInput, output: z.object({ opened: z.boolean(), floatFen: fen.nullable() }) },
  'counter.open': {
    access: COUNTER_ROLES,
    input: z.object({ checked: z.array(z.string().max(80)).max(20), float: z.string().trim().min(1, '请输入清点的备用金').max(12) }).strict(),
    output: z.object({ opened: z.boolean(), floatFen: fen.nullable() }),
  },
  'followUps.rectificationConsumables': {
    access: COUNTER_ROLES,
    input: z.object({ ignitionBusinessId: id, consumables }).strict(),
    output: z.object({ formBusinessNo: z.string() }),
  },
  'display.state': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({
      dueFen: fen.nullable(),
      tenderedFen: fen.nullable(),
      changeFen: fen.nullable(),
      slipNo: z.string().nullable(),
      askRating: z.boolean(),
      updatedAt: z.string(),
    }),
  },
  'display.show': {
    access: COUNTER_ROLES,
    input: z
      .object({
        dueFen: fen.nonnegative().nullable(),
        tenderedFen: fen.nonnegative().nullable(),
        changeFen: fen.nonnegative().nullable(),
        slipNo: z.string().max(24).nullable(),
        askRating: z.boolean(),
      })
      .strict(),
    output: z.object({ updatedAt: z.string() }),
  },
  'display.rate': {
    access: COUNTER_ROLES,
    input: z.object({ score: z.number().int().min(1, '请按 1-4 评价').max(4, '请按 1-4 评价') }).strict(),
    output: z.object({ score: z.number().int(), text: z.string() }),
  },
  'invoices.registerBook': {
    access: COUNTER_ROLES,
    input: z
      .object({
        category: z.enum(['国税', '地税', '定额']),
        prefix: z.string().trim().max(12),
        firstNo: z.number().int().positive(),
        lastNo: z.number().int().positive(),
      })
      .strict(),
    output: z.object({ bookId: id, remaining: z.number().int() }),
  },
  'invoices.issue': {
    access: COUNTER_ROLES,
    input: z.object({ slipNo: z.string().trim().regex(/^[A-Z0-9]{2,8}-\d{8}$/, '核对单号格式不正确') }).strict(),
    output: z.object({ invoiceNo: z.string(), amountFen: fen, remaining: z.number().int() }),
  },
  'receipts.unprinted': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(z.object({ slipNo: z.string(), accountNo: z.string(), name: z.string(), totalFen: fen, createdAt: z.string() })),
  },
  'cards.read': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({
      card: z.object({ cardNo: z.string(), accountNo: z.string(), counter: z.number().int(), credit: centi, total: centi }),
      account: accountSummary.nullable(),
      registered: z.object({ active: z.boolean(), issueType: z.string() }).nullable(),
      systemCounter: z.number().int(),
      pending: z.array(pendingWrite),
      priceFenPerM3: fen.nullable(),
    }),
  },
  'cards.pending': { access: COUNTER_ROLES, input: noInput, output: z.array(pendingWrite) },
  'cards.recharge': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        by: z.enum(['volume', 'amount']),
        value: z.string().trim().min(1, '请输入购气量或金额').max(16, '数值过长'),
        tendered: yuanText('请输入实收金额'),
        tickets: z.array(ticketLine).max(8, '一次最多登记8组票').default([]),
      })
      .strict(),
    output: cardWriteOut,
  },
  'payments.recordElectronic': {
    access: ['manager', 'admin'],
    input: z
      .object({
        accountId: id,
        billIds: z.array(id).min(1, '请选择费用').max(36),
        channel: z.enum(ELECTRONIC_CHANNELS),
        channelRef: z.string().trim().min(1, '请输入渠道流水号').max(40, '流水号过长'),
        amount: yuanText('请输入渠道收款金额'),
      })
      .strict(),
    output: z.object({ slipNo: z.string(), duplicate: z.boolean() }),
  },
  'handheld.readers': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.array(z.object({ meterReader: z.string(), accounts: z.number().int() })),
  },
  'handheld.syncClock': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.object({ pc: z.string(), handheld: z.string(), driftSeconds: z.number().int() }),
  },
  'handheld.exportList': {
    access: HANDHELD_ROLES,
    input: z.object({ meterReader: z.string().trim().min(1, '请选择抄表员').max(20), months: z.union([z.literal(1), z.literal(2)]) }).strict(),
    output: z.object({
      meterReader: z.string(),
      months: z.number().int(),
      count: z.number().int(),
      preview: z.array(z.object({ accountNo: z.string(), seqNo: z.string(), name: z.string(), address: z.string(), lastReading: centi })),
    }),
  },
  'handheld.export': {
    access: HANDHELD_ROLES,
    input: z
      .object({
        meterReader: z.string().trim().min(1, '请选择抄表员').max(20),
        months: z.union([z.literal(1), z.literal(2)]),
        confirmedCount: z.number().int().min(0, '户数有误').max(100_000, '户数有误'),
      })
      .strict(),
    output: z.object({ batchId: z.string(), count: z.number().int() }),
  },
  'handheld.import': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.object({
      batchId: z.string(),
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      ignored: z.number().int(),
      alreadyCommitted: z.boolean(),
    }),
  },
  'handheld.batch': {
    access: HANDHELD_ROLES,
    input: z.object({ batchId: z.string().trim().min(1).max(16) }).strict(),
    output: z.object({
      batch: z.object({ id: z.string(), meterReader: z.string(), months: z.number().int(), accountCount: z.number().int(), status: z.string(), deviceCommitted: z.boolean() }),
      read: z.number().int(),
      notRead: z.number().int(),
      anomalies: z.number().int(),
      rows: z.array(
        z.object({
          id,
          accountNo: z.string(),
          name: z.string(),
          address: z.string(),
          seqNo: z.string(),
          reading: centi,
          consumption: centi,
          readAt: z.string(),
          status: z.number().int(),
          anomalies: z.array(z.object({ code: z.string(), text: z.string() })),
          state: z.string(),
          note: z.string(),
        }),
      ),
    }),
  },
  'handheld.sendBack': {
    access: HANDHELD_ROLES,
    input: z.object({ batchId: z.string().trim().min(1).max(16), readingIds: z.array(id).min(1, '请选择要退回的记录').max(10_000) }).strict(),
    output: z.object({ returned: z.number().int() }),
  },
  'handheld.commit': {
    access: HANDHELD_ROLES,
    input: z.object({ batchId: z.string().trim().min(1).max(16) }).strict(),
    output: z.object({ billed: z.number().int(), skipped: z.number().int(), returned: z.number().int(), deviceReleased: z.boolean(), message: z.string().nullable() }),
  },
  'handheld.progress': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.object({ job: z.enum(['upload', 'download']).nullable(), done: z.number().int(), total: z.number().int() }),
  },
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
  'cashReport.draft': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({ businessDate: date, previousBalanceFen: fen, incomeFen: fen, lines: z.array(reportLine), submitted: submittedReport.nullable() }),
  },
  'cashReport.submit': {
    access: COUNTER_ROLES,
    input: z
      .object({
        deposited: z.string().trim().max(16).default('0'),
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
    input: z.object({ date }).strict(),
    output: z.object({ businessDate: date, closed: z.boolean(), closeNo: z.string().nullable(), clerks: z.array(z.object({ name: z.string(), payments: z.number().int(), report: z.string() })) }),
  },
  'day.close': { access: ['manager', 'admin'], input: z.object({ date }).strict(), output: z.object({ report: closeSummary, print: printOutLike }) },
  'day.report': { access: COUNTER_ROLES, input: z.object({ date }).strict(), output: closeSummary },
  'day.month': {
    access: ['manager', 'admin'],
    input: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式为 YYYY-MM') }).strict(),
    output: z.object({
      month: z.string(),
      closedDays: z.array(date),
      openDays: z.array(date),
      byCharge: z.array(closeTotals.extend({ chargeType: z.string() })),
      byMethod: z.array(closeTotals.extend({ method: z.string() })),
    }),
  },
  'reports.cash': {
    access: COUNTER_ROLES,
    input: z.object({ from: date, to: date, clerkLogin: z.string().trim().max(32).optional() }).strict(),
    output: z.object({
      byCharge: z.array(z.object({ chargeType: z.string(), count: z.number().int(), totalFen: fen, lateFeeFen: fen, ticketFen: fen })),
      daily: z.array(z.object({ date, totalFen: fen })),
      csv: z.string(),
    }),
  },
  'reports.readings': {
    access: COUNTER_ROLES,
    input: z
      .object({
        from: date,
        to: date,
        status: z.enum(['收讫', '未缴']).optional(),
        method: z.string().trim().max(20).optional(),
        minConsumption: z.string().trim().max(12).optional(),
        area: z.string().trim().max(40).optional(),
      })
      .strict(),
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
    input: z.object({ area: z.string().trim().max(40).optional(), meterReader: z.string().trim().max(20).optional() }).strict(),
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
    input: z.object({ from: date, to: date }).strict(),
    output: z.object({ verified: z.boolean(), rows: z.number().int(), brokenAtSeq: z.number().int().nullable(), exported: z.number().int(), csv: z.string() }),
  },
  'backup.now': { access: ['manager', 'admin'], input: noInput, output: backupInfo },
  'backup.list': { access: ['manager', 'admin'], input: noInput, output: z.array(backupInfo) },
  'tariffs.list': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(z.object({ category: z.string(), effectiveFrom: date, priceFenPerM3: fen, tiers: z.array(z.object({ fromCenti: centi, priceFenPerM3: fen })) })),
  },
  'tariffs.set': {
    access: ['manager', 'admin'],
    input: z
      .object({
        category: z.enum(['普通用户', '公建用户']),
        effectiveFrom: date,
        price: z.string().trim().min(1, '请输入单价').max(12),
        tiers: z.array(z.object({ fromM3: z.string().trim().min(1).max(12), price: z.string().trim().min(1).max(12) }).strict()).max(8).default([]),
      })
      .strict(),
    output: z.object({ id }),
  },
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
  'payments.findChannel': {
    access: COUNTER_ROLES,
    input: z.object({ channelRef: z.string().trim().min(1, '请输入渠道流水号').max(40, '流水号过长') }).strict(),
    output: z.object({ slipNo: z.string(), method: z.string(), totalFen: fen, accountId: id, businessDate: date }),
  },
  'cards.issue': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        issueType: z.enum(['制作新卡', '补卡']),
        reason: text(100, '备注过长').default(''),
        companyFault: z.boolean().default(false),
        tendered: z.string().trim().max(16, '金额过长').default('0'),
      })
      .strict(),
    output: z.object({ cardNo: z.string(), counter: z.number().int(), feeSlipNo: z.string().nullable(), feeFen: fen, changeFen: fen, print: printOut.nullable() }),
  },
  'cards.recover': {
    access: COUNTER_ROLES,
    input: z.object({ writeId: id, action: z.enum(['retry', 'abandon']) }).strict(),
    output: z.union([z.object({ abandoned: z.literal(true) }), cardWriteOut.extend({ abandoned: z.literal(false) })]),
  },
  'cards.census': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        from: date,
        to: date,
        remaining: z.string().trim().min(1, '请输入剩余量').max(16),
        used: z.string().trim().min(1, '请输入用气量').max(16),
      })
      .strict(),
    output: z.object({ purchased: centi, normal: z.boolean(), differenceCenti: centi, note: z.string(), suggestedPriority: z.string().nullable() }),
  },
  'payments.reverse': {
    access: COUNTER_ROLES,
    input: z
      .object({
        slipNo: z.string().trim().min(1, '请输入核对单号').max(32, '核对单号过长'),
        reason: z.string().trim().min(2, '请填写冲正原因').max(100, '原因过长'),
        approver: approverIn,
      })
      .strict(),
    output: z.object({
      slipNo: z.string(),
      originalSlipNo: z.string(),
      totalFen: fen,
      ticketFen: fen,
      changeFen: fen,
      card: z.object({ cardNo: z.string(), volume: centi, credit: centi }).nullable(),
      print: printOut,
    }),
  },
} as const satisfies Record<MethodName, { access: Access; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS: readonly Method[] = METHOD_NAMES;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export interface ApiError {
  code: string;
  message: string;
  field?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };


/** What preload exposes as `window.gas` and what the harness client implements. */
export type GasApi = { [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>> };
