/** The contract's Payments, receipts, invoices, the customer display and the counter day methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { ELECTRONIC_CHANNELS, TICKET_KINDS } from '../kernel/enums.js';
import { COUNTER_ROLES, approverIn, centi, date, fen, id, noInput, printOut, text, ticketLine, yuan, yuanText } from './schemas.js';

export const paymentsContract = {
  /** issue 11 #4: the figures 前台收费 calls out while the clerk types (due, tickets, cash due, change), computed by main. */
  'payments.quote': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        billIds: z.array(id).max(36, '一次最多缴36笔'),
        waiver: z.object({ billId: id, amount: z.string().max(64, '金额过长') }).strict().nullable(),
        tickets: z.object({ kind: z.enum(TICKET_KINDS), count: z.string().max(64, '张数过多'), faceValue: z.string().max(64, '面值过长') }).strict().nullable(),
        tendered: z.string().max(64, '金额过长'),
      })
      .strict(),
    output: z.object({
      waivedFen: fen,
      dueFen: fen,
      ticketFen: fen,
      ticketCashFen: fen,
      cashDueFen: fen,
      changeFen: fen.nullable(),
      tenderedFen: fen.nullable(),
      ticketError: z.string().nullable(),
    }),
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
        tendered: yuan('tendered', z.string().trim().min(1, '请输入实收金额').max(16, '金额过长')),
        expectedTotalFen: fen.nonnegative(),
        waivers: z
          .array(z.object({ billId: id, amount: yuan('waiver', z.string().trim().min(1, '请输入减免金额').max(12)), reason: text(100, '减免原因过长') }).strict())
          .max(36)
          .default([]),
        approver: approverIn.nullable().default(null),
        tickets: z.array(ticketLine).max(8, '一次最多登记8组票').default([]),
        overrides: z.array(z.object({ rule: z.enum(['R-TKT-05', 'R-TKT-06']), reason: text(100, '原因过长') }).strict()).max(2).default([]),
        /** issue 10 #5: the clerk confirmed a tender far above the amount due after NEEDS_CONFIRMATION. */
        confirmLargeTender: z.boolean().default(false),
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
      /** R-SEC-02: the 启封 the payment issued (the stop's arrears paid off), for the clerk to tell the customer. */
      restore: z.object({ businessNo: z.string(), dueAt: z.string() }).nullable().optional(),
      print: printOut,
    }),
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
  'counter.status': { access: COUNTER_ROLES, input: noInput, output: z.object({ opened: z.boolean(), floatFen: fen.nullable() }) },
  'counter.open': {
    access: COUNTER_ROLES,
    input: z.object({ checked: z.array(z.string().max(80)).max(20), float: yuan('float', z.string().trim().min(1, '请输入清点的备用金').max(12)) }).strict(),
    output: z.object({ opened: z.boolean(), floatFen: fen.nullable() }),
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
  'payments.recordElectronic': {
    access: ['manager', 'admin'],
    input: z
      .object({
        accountId: id,
        billIds: z.array(id).min(1, '请选择费用').max(36),
        channel: z.enum(ELECTRONIC_CHANNELS),
        channelRef: z.string().trim().min(1, '请输入渠道流水号').max(40, '流水号过长'),
        amount: yuan('amount', yuanText('请输入渠道收款金额')),
      })
      .strict(),
    output: z.object({ slipNo: z.string(), duplicate: z.boolean() }),
  },
  'payments.findChannel': {
    access: COUNTER_ROLES,
    input: z.object({ channelRef: z.string().trim().min(1, '请输入渠道流水号').max(40, '流水号过长') }).strict(),
    output: z.object({ slipNo: z.string(), method: z.string(), totalFen: fen, accountId: id, businessDate: date }),
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
      /** R-SEC-02: the 启封 work order this 冲正 withdrew (the arrears are back, the stop stands), or null. */
      restoreWithdrawn: z.string().nullable(),
      print: printOut,
    }),
  },
} as const;
