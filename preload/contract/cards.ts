/** The contract's IC-card meters methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { COUNTER_ROLES, accountSummary, cardWriteOut, centi, date, fen, id, noInput, pendingWrite, printOut, text, ticketLine, volume, yuanOrZero, yuanText, domainParse } from './schemas.js';
import { parseYuan } from '../kernel/money.js';
import { parseVolume } from '../kernel/volume.js';

export const cardsContract = {
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
  /** Card writes settled after their day's close, posted late onto that day (issue 10 #1, R-IC-07). */
  'cards.flagged': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(
      z.object({
        writeId: id,
        kind: z.string(),
        cardNo: z.string(),
        accountNo: z.string(),
        name: z.string(),
        slipNo: z.string(),
        businessDate: date,
        totalFen: fen,
        volume: centi,
        postedAt: z.string(),
        clerkName: z.string(),
      }),
    ),
  },
  'cards.recharge': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        by: z.enum(['volume', 'amount']),
        value: z.string().trim().min(1, '请输入购气量或金额').max(16, '数值过长'),
        tendered: yuanText('请输入实收金额'),
        tickets: z.array(ticketLine).max(8, '一次最多登记8组票').default([]),
        /** issue 10 #5: a tender far above the cash due, confirmed by the clerk. */
        confirmLargeTender: z.boolean().default(false),
      })
      .strict()
      // the value is m³ or yuan by `by`: parsed here, before the tender, as the counter types them
      .transform(({ value, by, tendered, ...rest }, ctx) => ({
        ...rest,
        purchase:
          by === 'volume'
            ? { volumeCenti: domainParse(ctx, value, () => parseVolume(value, 'value')) }
            : { amountFen: domainParse(ctx, value, () => parseYuan(value, 'value')) },
        tendered: domainParse(ctx, tendered, () => parseYuan(tendered, 'tendered')),
      })),
    output: cardWriteOut,
  },
  'cards.issue': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        issueType: z.enum(['制作新卡', '补卡']),
        reason: text(100, '备注过长').default(''),
        companyFault: z.boolean().default(false),
        tendered: yuanOrZero('tendered', z.string().trim().max(16, '金额过长')).prefault('0'),
        confirmLargeTender: z.boolean().default(false),
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
        remaining: volume('remaining', z.string().trim().min(1, '请输入剩余量').max(16)),
        used: volume('used', z.string().trim().min(1, '请输入用气量').max(16)),
      })
      .strict(),
    output: z.object({
      purchased: centi,
      normal: z.boolean(),
      differenceCenti: centi,
      note: z.string(),
      suggestedPriority: z.string().nullable(),
      /** R-CENS-04: the meter status, whether the household uses gas privately, and what to submit. */
      meterStatus: z.string().nullable(),
      privateUse: z.boolean(),
      suggestions: z.array(z.object({ type: z.string(), note: z.string(), priority: z.string() })),
    }),
  },
} as const;
