/** Schemas shared by the areas of the contract: ids, money, dates, people, slips (preload/contract.ts). */
import { z } from 'zod';
import { BUSINESS_STATES, BUSINESS_TYPES, PRIORITIES, TICKET_KINDS } from '../kernel/enums.js';
import { DomainError } from '../kernel/errors.js';
import { parseYuan } from '../kernel/money.js';
import { parseVolume } from '../kernel/volume.js';

/**
 * Amounts and volumes are typed at the counter as text and reach the handler as integer fen / centi-m³
 * (issue 11 #2): the contract parses them with the domain's own rules. `Input<M>` (what a window sends) keeps
 * the text, `ParsedInput<M>` (what a handler gets) has the number. A refusal keeps the domain's error as it
 * was when handlers parsed (code INVALID_AMOUNT / INVALID_VOLUME, the Chinese message, the `field` given
 * here): the issue carries it in `params.domainError` and the router reports it as is, after any plain schema
 * refusal of the same input (as when a handler parsed only once the schema had passed).
 */
export interface DomainIssue {
  code: string;
  message: string;
  field?: string;
}
/** Runs a domain parse inside a zod transform; a DomainError becomes an issue carrying it. */
export function domainParse<T>(ctx: z.core.$RefinementCtx<unknown>, input: unknown, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const domainError: DomainIssue = { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
    ctx.issues.push({ code: 'custom', message: error.message, input, params: { domainError } });
    return z.NEVER;
  }
}
const plainText = z.string().trim().max(16);
/** Yuan as typed ("100", "12.50") → fen, refused as parseYuan(text, field) refuses it. */
export const yuan = (field: string, text: z.ZodString = plainText) => text.transform((t, ctx) => domainParse(ctx, t, () => parseYuan(t, field)));
/** m³ as typed ("12.5") → centi-m³, refused as parseVolume(text, field) refuses it. */
export const volume = (field: string, text: z.ZodString = plainText) => text.transform((t, ctx) => domainParse(ctx, t, () => parseVolume(t, field)));
/** A cash amount the clerk may leave empty or null (no fee collected) → fen or null. */
export const optionalYuan = (field: string, text: z.ZodString = plainText) =>
  text.nullable().transform((t, ctx) => (t === null || t === '' ? null : domainParse(ctx, t, () => parseYuan(t, field))));
/** A volume the clerk may leave out or empty → centi-m³ or undefined. */
export const optionalVolume = (field: string, text: z.ZodString = plainText) =>
  text.optional().transform((t, ctx) => (t === undefined || t === '' ? undefined : domainParse(ctx, t, () => parseVolume(t, field))));
/** An amount whose empty text means 0 yuan. */
export const yuanOrZero = (field: string, text: z.ZodString = plainText) => text.transform((t, ctx) => domainParse(ctx, t, () => parseYuan(t || '0', field)));

export const id = z.string().min(1, '缺少编号').max(64, '编号过长');
export const fen = z.number().int().safe();
export const centi = z.number().int().safe();
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const approverIn = z.object({ login: z.string().trim().min(1, '请输入审批人工号').max(32), password: z.string().min(1, '请输入审批人密码').max(128) }).strict();
/** One group of tickets of a kind and quarter (§3.7); the name and address on the back (R-TKT-07). */
export const ticketLine = z
  .object({
    kind: z.enum(TICKET_KINDS),
    year: z.number().int().min(2000, '年份有误').max(2100, '年份有误'),
    quarter: z.number().int().min(1, '季度须为1–4').max(4, '季度须为1–4').nullable(),
    count: z.number().int().min(1, '张数须为正整数').max(200, '张数过多'),
    faceValue: yuan('faceValue', z.string().trim().max(12, '面值过长')).prefault('0'),
    backName: z.string().trim().min(1, '请登记票背面的姓名').max(40, '姓名过长'),
    backAddress: z.string().trim().min(1, '请登记票背面的地址').max(120, '地址过长'),
  })
  .strict();

/** Issue 10 #13: a password a person chooses (changed at first log-in, set in setup, given by an administrator). */
export const strongPassword = z
  .string()
  .min(8, '新密码至少8位')
  .max(128, '密码过长')
  .regex(/[A-Za-z]/, '新密码须同时包含字母和数字')
  .regex(/[0-9]/, '新密码须同时包含字母和数字');

export const COUNTER_ROLES = ['clerk', 'reviewer', 'manager', 'admin'] as const;
/** The call centre (接听组) finds customers and accepts businesses by phone; it takes no money. */
export const PHONE_ROLES = [...COUNTER_ROLES, 'callcenter', 'callcenter_lead'] as const;
/** Technicians sync handheld meter readers; they take no money. */
export const HANDHELD_ROLES = [...COUNTER_ROLES, 'technician'] as const;
export type Role = (typeof PHONE_ROLES)[number] | 'technician';
export type Access = 'public' | 'signedIn' | readonly Role[];

export const sessionOut = z.object({
  staffName: z.string(),
  role: z.string(),
  hallName: z.string(),
  counterName: z.string(),
  counterCode: z.string(),
  businessDate: date,
  /** Issue 10 #13: the initial password must be changed before anything else (outside demo mode). */
  mustChangePassword: z.boolean().optional(),
});

/** Who the customer is, as every counter list shows it. */
export const accountIdentity = z.object({
  id,
  accountNo: z.string(),
  name: z.string(),
  address: z.string(),
  customerType: z.string(),
  paymentMethod: z.string(),
});

export const accountHit = accountIdentity.extend({ unpaidCount: z.number().int(), unpaidFen: fen });

export const unpaidBill = z.object({
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
  lateFeeTrace: z.string(),
});

export const printOut = z.object({
  slipNo: z.string(),
  copy: z.boolean(),
  printed: z.boolean(),
  message: z.string().nullable(),
  lines: z.array(z.string()),
  /** false on a reversal voucher or a reversed payment's slip (issue 10 #6); absent on other printouts. */
  invoiceable: z.boolean().optional(),
  /** Issue 12 #1: printed, but the printer asks for attention (纸将用完); absent otherwise. */
  warning: z.string().optional(),
});

export const noInput = z.object({}).strict();

export const accountSummary = accountIdentity.extend({
  category: z.string(),
  meterStatus: z.string().nullable(),
  latestReading: centi.nullable(),
  settledReading: centi,
  prepaid: centi,
});

export const pendingWrite = z.object({ id, kind: z.string(), cardNo: z.string(), accountId: id, volume: centi, amountFen: fen, createdAt: z.string() });

/** A posted card write: the payment (or reversal) and what the card now holds. */
export const cardWriteOut = z.object({
  slipNo: z.string(),
  totalFen: fen,
  tenderedFen: fen,
  changeFen: fen,
  cardNo: z.string(),
  volume: centi,
  credit: centi,
  counter: z.number().int(),
  /** Settled after its business day was closed: posted onto that day, flagged for the manager (issue 10 #1). */
  latePosted: z.boolean(),
  /** The business day the payment was posted on. */
  businessDate: date,
  print: printOut,
});

export const runFile = z.object({ runId: z.string(), fileName: z.string(), count: z.number().int(), totalFen: fen, base64: z.string() });
/** A bank return: inline as base64 (small files, tests) or as a finished upload (upload.*, issue 10 #10). */
export const returnFileIn = z
  .object({
    runId: z.string().trim().min(1).max(16),
    file: z.string().min(1, '请选择回执文件').max(80_000_000, '文件过大').optional(),
    upload: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '上传编号不正确').optional(),
  })
  .strict()
  .refine((v) => (v.file === undefined) !== (v.upload === undefined), { message: '请选择回执文件', path: ['file'] });
export const returnCheckOut = z.object({
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
export const backupInfo = z.object({ file: z.string(), bytes: z.number().int(), at: z.string() });
export const reportLine = z.object({ group: z.string(), item: z.string(), count: z.number().int(), amountFen: fen, volumeCenti: centi.optional() });
/** Issue 10 #20: the audit chain's head (seq and hash) printed on the 日结 and cash reports. */
export const chainHead = z.object({ seq: z.number().int(), hash: z.string() });
export const submittedReport = z.object({
  head: chainHead.nullable(),
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
export const closeTotals = z.object({ count: z.number().int(), totalFen: fen, cashFen: fen });
/** Issue 14 #4: a counter of the hall and its end-of-day marker (its own count and total), or none yet. */
export const counterDay = z.object({
  counterId: z.string(),
  code: z.string(),
  name: z.string(),
  reported: z.boolean(),
  paymentCount: z.number().int().nullable(),
  totalFen: fen.nullable(),
});
export const closeSummary = z.object({
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
  head: chainHead.optional(),
  counters: z.array(counterDay).optional(),
});
export const printOutLike = z.object({ printed: z.boolean(), message: z.string().nullable(), lines: z.array(z.string()) });
export const slipFilter = z
  .object({ date, method: z.string().trim().max(20).optional(), area: z.string().trim().max(40).optional() })
  .strict();
export const arrearsFilter = z.object({ area: z.string().trim().max(40).optional(), meterReader: z.string().trim().max(20).optional() }).strict();
export const batchPrinted = z.object({ printed: z.number().int(), failed: z.number().int(), firstError: z.string().nullable() });
export const bankTotals = z.object({ bank: z.string(), count: z.number().int(), amountFen: fen });

/** Text without control characters (NUL and the like; tab and line breaks are whitespace and allowed): issue 10 #12. */
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000e-\u001f\u007f]*$/;

export const yuanText = (message: string) => z.string().trim().min(1, message).max(16, '金额过长');

/** Free text of a form field: trimmed, at most `max` characters, no control characters (tab and line breaks allowed). */
export const text = (max: number, message: string) => z.string().trim().max(max, message).regex(NO_CONTROL_CHARS, '不能包含控制字符');
/**
 * A meter's number or model as printed on the meter and on the forms: no control characters (NUL, BEL …) and no
 * direction marks or overrides (U+200E/F, U+202A–E, U+2066–9) that would make a number read differently than stored.
 */
export const NO_CONTROL_OR_BIDI = /^[^\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
export const meterText = (what: '表号' | '表型号', max: number, empty: string) =>
  z.string().trim().max(max, `${what}过长`).min(1, empty).regex(NO_CONTROL_OR_BIDI, `${what}不能包含控制字符或方向控制符`);
export const phone = z.string().trim().regex(/^[0-9-]{7,20}$/, '联系电话格式不正确');
export const dateTime = z.string().trim().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm').nullable();

export const business = z.object({
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

export const consumables = z
  .array(z.object({ name: text(32, '耗材名称过长').min(1, '请填写耗材名称'), unit: text(8, '单位过长'), quantity: z.number().positive().max(10000) }).strict())
  .max(50, '耗材最多50项');

export const workOrder = z.object({
  id,
  workOrderNo: z.string(),
  businessId: id,
  kind: z.string(),
  technician: z.string(),
  remark: z.string(),
  dispatchedOn: date,
});

export const READING_SOURCES_AT_COUNTER = ['notice', 'reader_phone', 'self_reported'] as const;
