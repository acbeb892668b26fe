/**
 * The forms and records a business leaves behind: ignition, seal, install, meter change, modification,
 * provisional ignition, hazard rectification, meter test, consumables, ownership transfer, unregistered
 * premises.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls, staff } from './reference.js';
import { accounts, METER_STATUSES, meters } from './accounts.js';
import { bills } from './bills.js';
import { payments } from './payments.js';
import { businesses } from './businesses.js';

/** Ignition registration (点火登记), DOMAIN §3.12. */
export const ignitionRecords = sqliteTable('ignition_records', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  latestReadingCenti: integer('latest_reading_centi').notNull(),
  cookerBrand: text('cooker_brand').notNull().default(''),
  flameFailureDevice: integer('flame_failure_device', { mode: 'boolean' }).notNull(),
  cookerYear: text('cooker_year').notNull().default(''),
  heaterBrand: text('heater_brand').notNull().default(''),
  heaterOutput: text('heater_output').notNull().default(''),
  heaterYear: text('heater_year').notNull().default(''),
  heatingBrand: text('heating_brand').notNull().default(''),
  heatingPower: text('heating_power').notNull().default(''),
  heatingYear: text('heating_year').notNull().default(''),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** Remove / seal / unseal form (气表拆、封、启), DOMAIN §3.10. */
export const sealRecords = sqliteTable('seal_records', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  settledReadingCenti: integer('settled_reading_centi').notNull(), // 结算方数
  resultingStatus: text('resulting_status', { enum: METER_STATUSES }).notNull(),
  reason: text('reason').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** Install / modify / replace form (气表装、改、换), DOMAIN §3.9, with its consumables list. */
export const installRecords = sqliteTable('install_records', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  model: text('model').notNull(),
  meterNo: text('meter_no').notNull(),
  direction: text('direction', { enum: ['左进', '右进'] }).notNull(),
  baseReadingCenti: integer('base_reading_centi').notNull(),
  consumables: text('consumables').notNull(), // JSON [{name, unit, quantity}]
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** Ownership history: every 过户 with the settled reading and the fee or its waiver (R-TRF-04/07). Append-only. */
export const ownershipTransfers = sqliteTable('ownership_transfers', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull().references(() => accounts.id),
  previousName: text('previous_name').notNull(),
  newName: text('new_name').notNull(),
  transferDate: text('transfer_date').notNull(),
  settledReadingCenti: integer('settled_reading_centi').notNull(),
  feeFen: integer('fee_fen').notNull(),
  waiverProof: text('waiver_proof'), // kind of direct-relative proof when the fee is waived
  invoiceLost: integer('invoice_lost', { mode: 'boolean' }).notNull(),
  paymentId: text('payment_id').references(() => payments.id),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/**
 * households without a paid connection fee are not customers (R-ACC-01); a request to seal their
 * service pipe or riser is kept in this log (address, phone, request) for the survey (R-PIPE-03).
 */
export const unregisteredPremises = sqliteTable('unregistered_premises', {
  id: text('id').primaryKey(),
  address: text('address').notNull(),
  householder: text('householder').notNull(),
  phone: text('phone').notNull(),
  request: text('request').notNull(),
  recordedOn: text('recorded_on').notNull(),
  contactBy: text('contact_by').notNull(), // 5 working days from the next day (R-PIPE-03)
  hallId: text('hall_id').notNull().references(() => halls.id),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** 换表单 (附件6), DOMAIN §3.9 / R-VOL-01: old meter's actual reading, the new meter, the difference billed. */
export const METER_REPLACEMENT_KINDS = ['换表', '临时表', '复装原表'] as const;
export type MeterReplacementKind = (typeof METER_REPLACEMENT_KINDS)[number];

export const meterChangeRecords = sqliteTable('meter_change_records', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  oldMeterId: text('old_meter_id').notNull().references(() => meters.id),
  newMeterId: text('new_meter_id').notNull().references(() => meters.id),
  oldActualReadingCenti: integer('old_actual_reading_centi').notNull(), // 表实际读数
  systemReadingCenti: integer('system_reading_centi').notNull(), // 最新方数 before the change
  differenceBillId: text('difference_bill_id').references(() => bills.id),
  consumables: text('consumables').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
  /** R-VOL-04: 换表 (ordinary), 临时表 (a temporary meter while the original is tested), 复装原表 (the original refitted after passing). */
  replacementKind: text('replacement_kind', { enum: METER_REPLACEMENT_KINDS }).notNull().default('换表'),
  /** R-VOL-03: an IC meter's 备注: the meter's actual m³, the recharged m³ and the m³ to compensate (需补气方数). */
  icActualCenti: integer('ic_actual_centi'),
  icRechargedCenti: integer('ic_recharged_centi'),
  icCompensateCenti: integer('ic_compensate_centi'),
  remark: text('remark').notNull().default(''),
  /** R-VOL-04: m³ credited on a temporary meter, only with the approved 用户气费数据修改、退(收)费审批表 (its number, the approver). */
  creditedCenti: integer('credited_centi').notNull().default(0),
  creditApprovalNo: text('credit_approval_no'),
  creditApprovedBy: text('credit_approved_by').references(() => staff.id),
});

/** 改装单 (附件7) with its fee (R-RCPT-06, R-INV-08) and consumables. */
export const modificationRecords = sqliteTable('modification_records', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  feeFen: integer('fee_fen').notNull(),
  paymentId: text('payment_id').references(() => payments.id),
  invoiceNo: text('invoice_no'),
  consumables: text('consumables').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/**
 * 虚增点火记录 (R-PRIV-03, A-16): gas found in use without a supply contract; the meter is put to 通气 at
 * once so the gas fee can be collected. A record is flagged provisional until the 点火登记 of its business
 * (from the re-signed contract) exists. Append-only.
 */
export const provisionalIgnitions = sqliteTable('provisional_ignitions', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull().references(() => accounts.id),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  latestReadingCenti: integer('latest_reading_centi').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/**
 * 安检异常录入 → 整改情况回执记录 and the 整改单 (R-RCPT-13, §3.13): a hazard found by a safety inspection,
 * rectified and passed. Append-only.
 */
export const hazardRectifications = sqliteTable('hazard_rectifications', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull().references(() => accounts.id),
  inspectionYear: text('inspection_year').notNull(), // 安检年度
  arrivalDate: text('arrival_date').notNull(), // 到场日期
  rectificationType: text('rectification_type').notNull(), // 整改类型 = 整改完成
  rectificationDate: text('rectification_date').notNull(),
  result: text('result').notNull(), // 整改结果
  conclusion: text('conclusion').notNull(), // 安检结论 = 通过
  rectifier: text('rectifier').notNull(), // 整改人员
  consumables: text('consumables').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** 校表信息登记 (R-RCPT-12, §3.11) with the test outcome and how the deposit was settled (R-TEST-03/04). */
export const meterTestRecords = sqliteTable('meter_test_records', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().unique().references(() => businesses.id),
  readingBeforeTestCenti: integer('reading_before_test_centi').notNull(), // 校表前度数
  settledReadingCenti: integer('settled_reading_centi').notNull(), // 已结算至方数
  signedOn: text('signed_on').notNull(), // 签约日期
  sentOn: text('sent_on').notNull(), // 送检日期
  installer: text('installer').notNull(), // 安装人
  tempMeterModel: text('temp_meter_model').notNull(), // 临时表型号
  tempMeterNo: text('temp_meter_no').notNull(), // 临时表号
  result: text('result', { enum: ['合格', '偏快', '偏慢'] }).notNull(),
  errorPercent: text('error_percent').notNull(),
  handling: text('handling').notNull(), // 检测结果处理记录
  chargePaymentId: text('charge_payment_id').references(() => payments.id),
  refundPaymentId: text('refund_payment_id').notNull().references(() => payments.id),
  confirmedBy: text('confirmed_by').references(() => staff.id), // R-VOL-05: the hall director for a failed meter
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** R-RCPT-10: consumables of a rectification after a failed ignition, entered on the install/modify form. Append-only. */
export const consumableAdditions = sqliteTable('consumable_additions', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().references(() => businesses.id), // the 安装 / 改装 whose form gets them
  relatedBusinessId: text('related_business_id').notNull().references(() => businesses.id), // the failed 点火
  consumables: text('consumables').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** the per-reading gas-fee correction after a failed meter test (signed: + credited, − charged). Append-only. */
export const meterTestCorrections = sqliteTable('meter_test_corrections', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().references(() => businesses.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  consumptionCenti: integer('consumption_centi').notNull(),
  priceFenPerM3: integer('price_fen_per_m3').notNull(),
  errorBasisPoints: integer('error_basis_points').notNull(),
  amountFen: integer('amount_fen').notNull(),
  paymentId: text('payment_id').references(() => payments.id),
  createdAt: createdAt(),
});
