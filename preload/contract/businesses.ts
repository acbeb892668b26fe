/** The contract's Counter businesses, work orders, follow-up forms, calendar and statistics methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { BUSINESS_TYPES, PRIORITIES, RECEIPT_RESULTS, STAT_KINDS } from '../kernel/enums.js';
import { COUNTER_ROLES, PHONE_ROLES, approverIn, business, consumables, date, dateTime, fen, id, noInput, phone, optionalVolume, optionalYuan, printOut, text, meterText, volume, workOrder } from './schemas.js';

export const businessesContract = {
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
        depositTendered: optionalYuan('depositTendered').default(null),
        /** issue 10 #5: a deposit tendered far above 300 yuan, confirmed by the clerk. */
        confirmLargeTender: z.boolean().default(false),
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
        /** R-RCPT-03: the receipt results this business type allows. */
        allowedResults: z.array(z.enum(RECEIPT_RESULTS)),
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
        latestReading: volume('latestReading', z.string().trim().min(1, '请输入最新方数').max(16)),
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
        settledReading: volume('settledReading', z.string().trim().min(1, '请输入结算方数').max(16)),
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
        model: meterText('表型号', 32, '请填写燃气表型号'),
        meterNo: meterText('表号', 32, '请填写表号'),
        direction: z.enum(['左进', '右进'], '请选择表方向'),
        baseReading: volume('baseReading', z.string().trim().min(1, '请输入表底数').max(16)),
        consumables,
      })
      .strict(),
    output: business,
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
        /** R-TEST-07: the customer's payment information for the 校表 agreement that goes with the sheet. */
        paymentMethod: z.string(),
        bankName: z.string().nullable(),
        depositSlipNo: z.string().nullable(),
      }),
    ),
  },
  'meters.unifiedInstall': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        model: meterText('表型号', 32, '请填写燃气表型号'),
        meterNo: meterText('表号', 32, '请填写表号'),
        direction: z.enum(['左进', '右进'], '请选择表方向'),
        baseReading: volume('baseReading', z.string().trim().min(1, '请输入表底数').max(16)),
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
        oldActualReading: volume('oldActualReading', z.string().trim().min(1, '请输入旧表实际读数').max(16)),
        model: meterText('表型号', 32, '请填写新表型号'),
        meterNo: meterText('表号', 32, '请填写新表表号'),
        direction: z.enum(['左进', '右进'], '请选择表方向'),
        newReading: volume('newReading', z.string().trim().min(1, '请输入新表读数').max(16)),
        consumables,
        // R-VOL-04: 换表, a temporary meter (临时表) while the original is tested, or the original refitted after passing
        replacementKind: z.enum(['换表', '临时表', '复装原表'], '请选择换表类型').default('换表'),
        // R-VOL-03: an IC meter's recharged m³ (its remark: actual, recharged, to compensate)
        icRecharged: optionalVolume('icRecharged', z.string().trim().max(16)),
        // R-VOL-04: m³ credited on the temporary meter, with the approved 用户气费数据修改、退(收)费审批表 and the manager signing in
        creditVolume: optionalVolume('credit', z.string().trim().max(16)),
        creditApprovalNo: text(32, '审批表编号过长').default(''),
        approver: approverIn.optional(),
      })
      .strict(),
    output: z.object({ business, differenceBillId: id.nullable(), remark: z.string(), icCompensate: z.number().int().nullable() }),
  },
  'followUps.modification': {
    access: COUNTER_ROLES,
    input: z
      .object({
        businessId: id,
        fee: optionalYuan('fee', z.string().trim().max(12)),
        tendered: optionalYuan('tendered'),
        invoiceNo: text(32, '发票号码过长'),
        consumables,
        confirmLargeTender: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ business, slipNo: z.string().nullable(), changeFen: fen.nullable(), print: printOut.nullable() }),
  },
  'businesses.privateIgnition': {
    access: COUNTER_ROLES,
    input: z
      .object({
        accountId: id,
        latestReading: volume('latestReading', z.string().trim().min(1, '请输入抄表员发现时的读数').max(16)),
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
        readingBeforeTest: volume('readingBeforeTest', z.string().trim().min(1, '请输入校表前度数').max(16)),
        settledReading: volume('settledReading', z.string().trim().min(1, '请输入已结算至方数').max(16)),
        signedOn: z.string().trim().max(10),
        sentOn: z.string().trim().max(10),
        installer: text(32, '安装人过长'),
        tempMeterModel: text(32, '临时表型号过长'),
        tempMeterNo: text(32, '临时表号过长'),
        result: z.enum(['合格', '偏快', '偏慢'], '请选择检测结果'),
        errorPercent: z.string().trim().max(6),
        handling: text(300, '处理记录过长'),
        tendered: optionalYuan('tendered'),
        confirmLargeTender: z.boolean().default(false),
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
  'followUps.rectificationConsumables': {
    access: COUNTER_ROLES,
    input: z.object({ ignitionBusinessId: id, consumables }).strict(),
    output: z.object({ formBusinessNo: z.string() }),
  },
} as const;
