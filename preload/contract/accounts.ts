/** The contract's Customers and their unpaid bills methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { PRIORITIES, DIRECT_RELATIVES } from '../kernel/enums.js';
import { COUNTER_ROLES, PHONE_ROLES, READING_SOURCES_AT_COUNTER, accountHit, accountSummary, business, centi, date, fen, id, optionalYuan, phone, printOut, text, unpaidBill, volume, yuan, NO_CONTROL_CHARS } from './schemas.js';

export const accountsContract = {
  'accounts.search': {
    access: PHONE_ROLES,
    input: z.object({ query: z.string().trim().min(1, '请输入用户编号、姓名或地址').max(64, '检索内容过长').regex(NO_CONTROL_CHARS, '查询内容不能包含控制字符') }).strict(),
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
        reading: volume('reading', z.string().trim().min(1, '请输入本次立方数').max(16, '立方数过长')),
        source: z.enum(READING_SOURCES_AT_COUNTER),
        /** issue 10 #5: the clerk confirmed a reading far outside the history after NEEDS_CONFIRMATION. */
        confirmUnusual: z.boolean().default(false),
      })
      .strict(),
    output: unpaidBill,
  },
  'bills.split': {
    access: COUNTER_ROLES,
    input: z.object({ billId: id, split: volume('split', z.string().trim().min(1, '请输入拆分立方数').max(16, '立方数过长')) }).strict(),
    output: z.object({ billIds: z.tuple([id, id]) }),
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
        readingCycle: z.enum(['每月', '单月', '双月'], '请选择抄表周期').default('每月'),
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
        connectionFee: yuan('connectionFee', z.string().trim().max(12)),
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
        tendered: optionalYuan('tendered'),
        transferWithRegistration: z.boolean().default(false),
        /** issue 10 #5: a tender far above the connection fee, confirmed by the clerk. */
        confirmLargeTender: z.boolean().default(false),
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
        tendered: optionalYuan('tendered'),
        /** issue 10 #5: a tender far above the 过户费, confirmed by the clerk. */
        confirmLargeTender: z.boolean().default(false),
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
} as const;
