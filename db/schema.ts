/**
 * The store (ARCHITECTURE "Nothing lost"). Money columns end in `_fen` (integer fen); volume columns end
 * in `_centi` (integer 0.01 m³). Ledger tables (payments, payment_items, check_slips, slip_prints,
 * audit_log) are append-only: triggers in the custom migration refuse UPDATE and DELETE.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { TICKET_KINDS, BUSINESS_STATES, BUSINESS_TYPES, PRIORITIES, RECEIPT_RESULTS } from '../preload/kernel/enums.js';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const halls = sqliteTable('halls', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

export const counters = sqliteTable('counters', {
  id: text('id').primaryKey(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

/** 接听组 (call centre) staff take businesses by phone; their lead voids them (R-CANC-08, A-42). */
export const STAFF_ROLES = ['clerk', 'reviewer', 'manager', 'technician', 'admin', 'callcenter', 'callcenter_lead'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  login: text('login').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  hallId: text('hall_id').notNull().references(() => halls.id),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** R-WO-05: only clerks with dispatch permission (有派工权限) may dispatch. */
  canDispatch: integer('can_dispatch', { mode: 'boolean' }).notNull().default(false),
  /** Issue 10 #13: still the initial password; outside demo mode it must be changed before anything else. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
});

/**
 * Issue 10 #13 (R-SEC-27): failed sign-ins per user (`scope` 'user', key = the login as typed) and per
 * counter (`scope` 'counter', key = the counter id), kept in the store so a restart does not reset them.
 * `failures` counts consecutive failures; `lockedUntil` is set at the lockout threshold and cleared by an
 * administrator or a successful sign-in after it has passed.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    scope: text('scope', { enum: ['user', 'counter'] }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: text('last_failure_at').notNull(),
    lockedUntil: text('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

export const CUSTOMER_TYPES = ['IC卡', '抄表'] as const;
export const PAYMENT_METHODS = ['充值', '现金', '银行代缴', '银行托收'] as const;
export const APPLICATION_NATURES = ['集体', '散户'] as const;
export const AREA_TYPES = ['老', '新'] as const;
export const BUILDING_TYPES = ['多层', '高层', '别墅'] as const;
export const CUSTOMER_CATEGORIES = ['普通用户', '公建用户'] as const;

/** 普通用户登记 / 普通用户详细信息, DOMAIN §3.1 (every field of the registration form). */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountNo: text('account_no').notNull().unique(), // 用户编号
    name: text('name').notNull(), // 用户姓名 (R-VAL-02)
    address: text('address').notNull(), // 用户地址 incl. 单元
    community: text('community').notNull(), // 小区
    customerType: text('customer_type', { enum: CUSTOMER_TYPES }).notNull(), // 用户类型
    paymentMethod: text('payment_method', { enum: PAYMENT_METHODS }).notNull(), // 缴费方式
    bankCardNo: text('bank_card_no'), // 银行卡号
    bankName: text('bank_name'), // 银行名称
    cardHolder: text('card_holder'), // 持卡人
    smsNumber: text('sms_number'), // 短信号码
    smsCompany: text('sms_company'), // 短信公司
    applicationNature: text('application_nature', { enum: APPLICATION_NATURES }).notNull(), // 报装性质
    applicationDate: text('application_date').notNull(), // 报装日期
    invoiceDate: text('invoice_date').notNull(), // 开票日期
    installRequirements: text('install_requirements').notNull().default(''), // 用户对安装要求
    seqBook: text('seq_book').notNull(), // 抄表册号 (4 digits)
    seqBuilding: text('seq_building').notNull(), // 幢
    seqUnit: text('seq_unit').notNull(), // 单元
    seqRoom: text('seq_room').notNull(), // 房号
    seqNo: text('seq_no').notNull(), // 抄表序号 (R-SEQ-01..05)
    areaType: text('area_type', { enum: AREA_TYPES }).notNull(), // R-SEQ-07: stored, never inferred
    buildingType: text('building_type', { enum: BUILDING_TYPES }).notNull(),
    connectionFeeFen: integer('connection_fee_fen').notNull(), // 报装费
    area: text('area').notNull(), // 区域
    meterReader: text('meter_reader').notNull(), // 抄表员
    /** 抄表周期: read every month, or every other month in odd (单月) or even (双月) months (R-HH-03). */
    readingCycle: text('reading_cycle', { enum: ['每月', '单月', '双月'] }).notNull().default('每月'),
    homeHallId: text('home_hall_id').notNull().references(() => halls.id), // 归属营业厅
    category: text('category', { enum: CUSTOMER_CATEGORIES }).notNull().default('普通用户'),
    hoseInfo: text('hose_info').notNull().default(''), // 波纹管情况
    connectionInvoiceNo: text('connection_invoice_no'), // R-REG-15 / A-08: warn when reused
    settledReadingCenti: integer('settled_reading_centi').notNull().default(0), // 已结算至方数
    /** 预存 (R-TKT-09): ticket volume left over after a ticket payment, used by the next ticket payment (0.01 m³). */
    prepaidVolumeCenti: integer('prepaid_volume_centi').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('accounts_seq_no').on(t.seqNo), index('accounts_reader').on(t.meterReader)],
);

/** R-ACC-02: new numbers are added, old ones kept. */
export const accountPhones = sqliteTable(
  'account_phones',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    phone: text('phone').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('account_phones_unique').on(t.accountId, t.phone)],
);

export const METER_KINDS = ['普通表', 'IC卡表'] as const;
export const METER_STATUSES = ['未用', '报装', '装表', '通气', '封表', '拆表'] as const;

/** DOMAIN §3.2. */
export const meters = sqliteTable(
  'meters',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    kind: text('kind', { enum: METER_KINDS }).notNull(),
    model: text('model').notNull(),
    meterNo: text('meter_no').notNull(),
    /** '' until the install form records it (a registered 报装 household has no physical meter yet). */
    direction: text('direction', { enum: ['左进', '右进', ''] }).notNull(),
    baseReadingCenti: integer('base_reading_centi').notNull(),
    latestReadingCenti: integer('latest_reading_centi').notNull(),
    installedOn: text('installed_on').notNull(),
    status: text('status', { enum: METER_STATUSES }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('meters_account').on(t.accountId)],
);

/** one unit price per customer category, versioned by effective date. */
export const tariffs = sqliteTable(
  'tariffs',
  {
    id: text('id').primaryKey(),
    category: text('category', { enum: CUSTOMER_CATEGORIES }).notNull(),
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
    effectiveFrom: text('effective_from').notNull(),
  },
  (t) => [uniqueIndex('tariffs_category_from').on(t.category, t.effectiveFrom)],
);

/** 已更正: an unpaid counter-read bill replaced by a corrected reading (issue 10 #5); its figures are kept. */
export const BILL_STATUSES = ['未缴', '收讫', '已拆分', '已更正'] as const;
export const READING_SOURCES = ['handheld', 'notice', 'reader_phone', 'self_reported', 'estimated', 'meter_change'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/** Reading / bill records (已抄表信息, shown in 未缴费用清单), DOMAIN §3.4. */
export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    meterId: text('meter_id').notNull().references(() => meters.id),
    readingDate: text('reading_date').notNull(),
    previousReadingCenti: integer('previous_reading_centi').notNull(),
    thisReadingCenti: integer('this_reading_centi').notNull(), // 本次立方数 (A-04: a meter reading)
    consumptionCenti: integer('consumption_centi').notNull(),
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
    amountFen: integer('amount_fen').notNull(),
    dueDate: text('due_date').notNull(),
    source: text('source', { enum: READING_SOURCES }).notNull(),
    estimated: integer('estimated', { mode: 'boolean' }).notNull().default(false), // 估抄
    reader: text('reader').notNull(),
    status: text('status', { enum: BILL_STATUSES }).notNull().default('未缴'),
    paidPaymentId: text('paid_payment_id'),
    /** R-TKT-10: a record split off an unpaid bill (拆分立方数); the parent becomes 已拆分. */
    splitFrom: text('split_from'),
    /** how the amount was computed (tiers, volumes, prices), shown with the bill. */
    pricing: text('pricing').notNull().default(''),
    /** what the clerk confirmed when the reading was far outside the history (issue 10 #5); null when nothing was unusual. */
    confirmation: text('confirmation'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('bills_account_status').on(t.accountId, t.status, t.readingDate)],
);

/** Gap-free per-counter number sequences (check slips now; work orders later). */
export const counterSequences = sqliteTable(
  'counter_sequences',
  {
    counterId: text('counter_id').notNull().references(() => counters.id),
    kind: text('kind').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.counterId, t.kind] })],
);

/** Check slips (核对单), R-INV-06. Append-only. */
export const checkSlips = sqliteTable(
  'check_slips',
  {
    slipNo: text('slip_no').primaryKey(),
    counterId: text('counter_id').notNull().references(() => counters.id),
    seq: integer('seq').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    handwritten: integer('handwritten', { mode: 'boolean' }).notNull().default(false),
    /** The card write a late-posted slip settles (see payments.lateCardWriteId). */
    lateCardWriteId: text('late_card_write_id').unique(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('check_slips_counter_seq').on(t.counterId, t.seq)],
);

export const PAYMENT_METHOD_CASH = '现金';

/** 收款项目 (§3.5) and invoice categories (§6.4). */
export const CHARGE_TYPES = ['燃气费', '报装费', '安改装费', 'IC卡安装费', '过户费', '补卡费', '充值费', '检测押金', '校表费', '气费退补'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];
export const INVOICE_CATEGORIES = ['核对单', '地税', '国税', '定额', '收据'] as const;
export type InvoiceCategory = (typeof INVOICE_CATEGORIES)[number];

/** Payments (append-only). R-PAY-09: method, 收讫人 (clerk), 收讫日期 (business date), hall. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    slipNo: text('slip_no').notNull().unique().references(() => checkSlips.slipNo),
    accountId: text('account_id').notNull().references(() => accounts.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    businessDate: text('business_date').notNull(),
    method: text('method').notNull(),
    chargeType: text('charge_type', { enum: CHARGE_TYPES }).notNull().default('燃气费'),
    invoiceCategory: text('invoice_category', { enum: INVOICE_CATEGORIES }).notNull().default('核对单'),
    /** The business or account change a fee belongs to (报装, 过户, …); null for gas payments. */
    businessRef: text('business_ref'),
    feeFen: integer('fee_fen').notNull().default(0),
    gasFen: integer('gas_fen').notNull(),
    lateFeeFen: integer('late_fee_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    tenderedFen: integer('tendered_fen').notNull(),
    changeFen: integer('change_fen').notNull(),
    /** Gas paid by tickets or coupons (R-TKT-08/12): a tender besides cash. */
    ticketFen: integer('ticket_fen').notNull().default(0),
    /** Cash due with face-value tickets (R-TKT-04, A-18): part of the total. */
    ticketCashFen: integer('ticket_cash_fen').notNull().default(0),
    /** 冲正: the payment this row reverses, with every amount negated (trigger-checked). */
    reversesPaymentId: text('reverses_payment_id').unique(),
    /** R-TKT-09: change of the account's prepaid ticket volume by this payment (0.01 m³). */
    prepaidDeltaCenti: integer('prepaid_delta_centi').notNull().default(0),
    /** R-INV-02: the payment's reference in an electronic channel (信息亭, ATM, 自助终端, 网站). */
    channelRef: text('channel_ref').unique(),
    /**
     * R-IC-07 (issue 10 #1): a card write begun before its business day was closed and settled after
     * the close is posted onto that day, flagged for the manager; the closed-day triggers let only
     * such a row in (the write must predate the close and be unsettled).
     */
    lateCardWriteId: text('late_card_write_id').unique(),
    /** What the clerk confirmed when the tender was far above the amount due (issue 10 #5); null otherwise. */
    confirmation: text('confirmation'),
    createdAt: createdAt(),
  },
  (t) => [
    index('payments_day').on(t.hallId, t.businessDate),
    index('payments_account').on(t.accountId),
  ],
);

export const paymentItems = sqliteTable(
  'payment_items',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    billId: text('bill_id').notNull().references(() => bills.id),
    gasFen: integer('gas_fen').notNull(),
    lateFeeFen: integer('late_fee_fen').notNull(),
    overdueDays: integer('overdue_days').notNull(),
  },
  (t) => [index('payment_items_payment').on(t.paymentId), index('payment_items_bill').on(t.billId)],
);

/** Every print of a slip: the original and each 副本. Append-only. */
export const slipPrints = sqliteTable(
  'slip_prints',
  {
    id: text('id').primaryKey(),
    slipNo: text('slip_no').notNull().references(() => checkSlips.slipNo),
    copy: integer('copy', { mode: 'boolean' }).notNull(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    outcome: text('outcome', { enum: ['printed', 'failed'] }).notNull(),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('slip_prints_slip').on(t.slipNo)],
);

/** A closed business day refuses new payments (trigger in the custom migration). */
export const businessDays = sqliteTable(
  'business_days',
  {
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    /** The numbered close report (日结报告) and its totals as closed. */
    closeNo: text('close_no'),
    summary: text('summary'),
  },
  (t) => [primaryKey({ columns: [t.hallId, t.businessDate] })],
);

/** Hash-chained audit log (ARCHITECTURE "An audit log is hash-chained"). Append-only. */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  detail: text('detail').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * Issue 10 #20: the audit chain's head as it stood when a cash report was signed or a day closed (the head is
 * that operation's own audit row). Printed on the report too; a later cut tail, re-hash or restore is checked
 * against these rows and against the paper. Append-only; each row must be a row of the chain (triggers).
 */
export const auditHeads = sqliteTable(
  'audit_heads',
  {
    seq: integer('seq').primaryKey(),
    hash: text('hash').notNull(),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    /** 'cash_report' | 'day.close' */
    kind: text('kind').notNull(),
    /** The cash report's id or the close number. */
    ref: text('ref').notNull(),
    recordedAt: createdAt(),
  },
  (t) => [index('audit_heads_day').on(t.hallId, t.businessDate)],
);

/** the working-day calendar: holidays and make-up working days (调休). */
export const calendarDays = sqliteTable('calendar_days', {
  date: text('date').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note').notNull().default(''),
});


/** Businesses (业务) accepted at the counter, DOMAIN §3.8, §8.2. State changes are audited. */
export const businesses = sqliteTable(
  'businesses',
  {
    id: text('id').primaryKey(),
    businessNo: text('business_no').notNull().unique(),
    type: text('type', { enum: BUSINESS_TYPES }).notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    requirement: text('requirement').notNull().default(''), // 用户对…要求
    contactPhone: text('contact_phone').notNull(),
    priority: text('priority', { enum: PRIORITIES }).notNull(),
    acceptedOn: text('accepted_on').notNull(),
    promisedOn: text('promised_on').notNull(), // R-WO-03
    deferredTo: text('deferred_to'), // R-CANC-06 业务顺延
    deferralRemark: text('deferral_remark'),
    state: text('state', { enum: BUSINESS_STATES }).notNull(),
    channel: text('channel', { enum: ['营业员', '接听组'] }).notNull(),
    acceptedBy: text('accepted_by').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    voidReason: text('void_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('businesses_account').on(t.accountId), index('businesses_hall_state').on(t.hallId, t.state)],
);

/** Work orders (派工单): one per dispatch; a re-dispatch makes a new one. Append-only. */
export const workOrders = sqliteTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    workOrderNo: text('work_order_no').notNull().unique(),
    businessId: text('business_id').notNull().references(() => businesses.id),
    kind: text('kind').notNull(), // 派工单类型
    technician: text('technician').notNull(), // 施工人员
    remark: text('remark').notNull().default(''), // 派工备注
    dispatchedBy: text('dispatched_by').notNull().references(() => staff.id),
    dispatchedOn: text('dispatched_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('work_orders_business').on(t.businessId)],
);

/** Receipts (回执 / 业务实施情况), one per work order. Append-only. */
export const workOrderReceipts = sqliteTable('work_order_receipts', {
  id: text('id').primaryKey(),
  workOrderId: text('work_order_id').notNull().unique().references(() => workOrders.id),
  arrivedAt: text('arrived_at'), // 到场时间
  implementedAt: text('implemented_at'), // 实施(结束)时间
  leftAt: text('left_at'), // 离开时间
  result: text('result', { enum: RECEIPT_RESULTS }).notNull(),
  businessValid: integer('business_valid', { mode: 'boolean' }).notNull(),
  siteRemark: text('site_remark').notNull(),
  enteredBy: text('entered_by').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

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

/** 业务回访 (R-CANC-05): a follow-up with the customer after a job. Append-only. */
export const businessVisits = sqliteTable('business_visits', {
  id: text('id').primaryKey(),
  businessId: text('business_id').notNull().references(() => businesses.id),
  note: text('note').notNull(),
  visitedOn: text('visited_on').notNull(),
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

/**
 * A counter reading corrected before payment (issue 10 #5): the old bill stays as it was, marked 已更正, and
 * the new bill replaces it. Append-only.
 */
export const billCorrections = sqliteTable('bill_corrections', {
  oldBillId: text('old_bill_id').primaryKey().references(() => bills.id),
  newBillId: text('new_bill_id').notNull().unique().references(() => bills.id),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** Late-fee waivers (R-LATE-05, A-28) with who waived, who approved and why. Append-only. */
export const lateFeeWaivers = sqliteTable('late_fee_waivers', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').notNull().references(() => payments.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  lateFeeFen: integer('late_fee_fen').notNull(),
  waivedFen: integer('waived_fen').notNull(),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  approverId: text('approver_id').references(() => staff.id),
  createdAt: createdAt(),
});

/** 满意度评价 (R-GEN-02, A-07): the key the customer pressed after a transaction, per clerk and counter. Append-only. */
export const satisfactionRatings = sqliteTable('satisfaction_ratings', {
  id: text('id').primaryKey(),
  slipNo: text('slip_no').references(() => checkSlips.slipNo),
  counterId: text('counter_id').notNull().references(() => counters.id),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  score: integer('score').notNull(), // 1 非常满意 … 4 不满意
  createdAt: createdAt(),
});

/** 发票手册 (R-FIN-01): the invoice numbers a clerk has drawn, by category; numbers are used in order, once. */
export const invoiceBooks = sqliteTable('invoice_books', {
  id: text('id').primaryKey(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  category: text('category', { enum: ['国税', '地税', '定额'] }).notNull(),
  prefix: text('prefix').notNull(), // 发票代码
  firstNo: integer('first_no').notNull(),
  lastNo: integer('last_no').notNull(),
  nextNo: integer('next_no').notNull(),
  createdAt: createdAt(),
});

/** Invoices issued in exchange for a check slip (R-INV-01..03): one per slip, each number once. Append-only. */
export const invoices = sqliteTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    invoiceNo: text('invoice_no').notNull().unique(),
    slipNo: text('slip_no').notNull().unique().references(() => checkSlips.slipNo),
    bookId: text('book_id').notNull().references(() => invoiceBooks.id),
    category: text('category').notNull(),
    amountFen: integer('amount_fen').notNull(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    businessDate: text('business_date').notNull(),
    createdAt: createdAt(),
  },
);


/** Tickets taken in a payment (§3.7, R-TKT-01..12), with the name and address written on the back. Append-only. */
export const ticketTenders = sqliteTable(
  'ticket_tenders',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull().references(() => payments.id),
    kind: text('kind', { enum: TICKET_KINDS }).notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter'), // null: a year-only ticket
    count: integer('count').notNull(),
    faceValueFen: integer('face_value_fen').notNull(), // 面值 per ticket; 0 for a plain 燃气票
    volumeCenti: integer('volume_centi').notNull(), // 5 m³ per 燃气票 (R-TKT-03); 0 for coupons
    valueFen: integer('value_fen').notNull(), // coupon money (R-TKT-12); 0 for volume tickets
    backName: text('back_name').notNull(),
    backAddress: text('back_address').notNull(),
  },
  (t) => [index('ticket_tenders_payment').on(t.paymentId)],
);

/** Per bill of a ticket payment: 实收气票 as the seed enters it (R-TKT-08, R-TKT-11: 0 on all but the last). Append-only. */
export const ticketBillItems = sqliteTable('ticket_bill_items', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').notNull().references(() => payments.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  ticketCount: integer('ticket_count').notNull(),
  volumeCenti: integer('volume_centi').notNull(),
  ticketFen: integer('ticket_fen').notNull(),
});

/** Soft-rule overrides: which rule the clerk overrode and why. Append-only. */
export const ruleOverrides = sqliteTable('rule_overrides', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').references(() => payments.id),
  rule: text('rule').notNull(),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** IC cards issued (§3.3): 制作新卡 or 补卡; a replacement deactivates the old card. */
export const icCards = sqliteTable(
  'ic_cards',
  {
    cardNo: text('card_no').primaryKey(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    issueType: text('issue_type', { enum: ['制作新卡', '补卡'] }).notNull(),
    feePaymentId: text('fee_payment_id').references(() => payments.id),
    remark: text('remark').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('ic_cards_account').on(t.accountId)],
);

/**
 * Two-phase card writes (ARCHITECTURE "Card writes"): the intent commits before the card is touched;
 * the outcome (confirmed with its payment, or abandoned) commits after the card was read back.
 */
export const cardWrites = sqliteTable(
  'card_writes',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['recharge', 'reversal'] }).notNull(),
    cardNo: text('card_no').notNull().references(() => icCards.cardNo),
    accountId: text('account_id').notNull().references(() => accounts.id),
    counterBefore: integer('counter_before').notNull(),
    counterAfter: integer('counter_after').notNull(),
    volumeCenti: integer('volume_centi').notNull(), // negative for a reversal
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
    amountFen: integer('amount_fen').notNull(),
    tenderedFen: integer('tendered_fen').notNull(),
    /** R-TKT-13: tickets paying the recharge — the method, what they pay, face-value cash, the lines. */
    method: text('method').notNull().default('现金'),
    ticketFen: integer('ticket_fen').notNull().default(0),
    ticketCashFen: integer('ticket_cash_fen').notNull().default(0),
    ticketsJson: text('tickets_json').notNull().default('[]'),
    /** For a reversal: the recharge payment it reverses. */
    reversesPaymentId: text('reverses_payment_id').references(() => payments.id),
    reason: text('reason').notNull().default(''),
    approverId: text('approver_id').references(() => staff.id),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    counterId: text('counter_id').notNull().references(() => counters.id),
    /** issue 10 #5: the clerk's confirmation of a tender far above the cash due, carried to the payment row. */
    confirmation: text('confirmation'),
    createdAt: createdAt(),
  },
  (t) => [index('card_writes_card').on(t.cardNo)],
);

export const cardWriteOutcomes = sqliteTable('card_write_outcomes', {
  writeId: text('write_id').primaryKey().references(() => cardWrites.id),
  outcome: text('outcome', { enum: ['confirmed', 'abandoned'] }).notNull(),
  paymentId: text('payment_id').references(() => payments.id),
  note: text('note').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
});

/** 冲正 (reversal) of a same-day payment: who asked, who approved (a second person), why. Append-only. */
export const reversals = sqliteTable('reversals', {
  paymentId: text('payment_id').primaryKey().references(() => payments.id),
  originalPaymentId: text('original_payment_id').notNull().unique().references(() => payments.id),
  reason: text('reason').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  approverId: text('approver_id').notNull().references(() => staff.id),
  cardWriteId: text('card_write_id').references(() => cardWrites.id),
  createdAt: createdAt(),
});

/** optional tier bands of a tariff by annual volume: from `fromCenti` of the year on, this price. */
export const tariffTiers = sqliteTable(
  'tariff_tiers',
  {
    tariffId: text('tariff_id').notNull().references(() => tariffs.id),
    fromCenti: integer('from_centi').notNull(),
    priceFenPerM3: integer('price_fen_per_m3').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tariffId, t.fromCenti] })],
);

/** 抄表机 batches (R-HH-03/04): a route exported to one reader's handheld and the readings that came back. */
export const handheldBatches = sqliteTable('handheld_batches', {
  id: text('id').primaryKey(), // also the batch id on the device (16 ASCII)
  meterReader: text('meter_reader').notNull(),
  months: integer('months').notNull(), // 1 单月 | 2 双月
  accountCount: integer('account_count').notNull(),
  status: text('status', { enum: ['exporting', 'exported', 'imported', 'committed'] }).notNull(),
  readingsCrc: integer('readings_crc'),
  deviceCommitted: integer('device_committed', { mode: 'boolean' }).notNull().default(false),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
  committedAt: text('committed_at'),
});

/** What the route carried per account: the baseline for the anomaly checks. */
export const handheldRouteItems = sqliteTable(
  'handheld_route_items',
  {
    batchId: text('batch_id').notNull().references(() => handheldBatches.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    meterId: text('meter_id').notNull().references(() => meters.id),
    lastReadingCenti: integer('last_reading_centi').notNull(),
    monthlyAverageCenti: integer('monthly_average_centi').notNull(),
    /** Months this reading covers: 1 for a monthly account, 2 for one read every other month. */
    months: integer('months').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.accountId] })],
);

export const HANDHELD_READING_STATES = ['pending', 'returned', 'committed', 'skipped'] as const;

/** 已抄表记录 from a handheld, held until 入库 (R-HH-04/05): never in 未缴费用清单 before that. */
export const handheldReadings = sqliteTable(
  'handheld_readings',
  {
    id: text('id').primaryKey(),
    batchId: text('batch_id').notNull().references(() => handheldBatches.id),
    accountId: text('account_id').notNull().references(() => accounts.id),
    readingCenti: integer('reading_centi').notNull(),
    readAt: text('read_at').notNull(),
    status: integer('status').notNull(), // 0 正常, 1 估抄, 2 未抄, 3 换表
    meterNo: text('meter_no').notNull(),
    consumptionCenti: integer('consumption_centi').notNull(),
    /** Anomaly codes, comma separated: large, below_last, meter_changed, estimated, not_read. */
    anomalies: text('anomalies').notNull(),
    state: text('state', { enum: HANDHELD_READING_STATES }).notNull(),
    billId: text('bill_id').references(() => bills.id),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('handheld_readings_batch_account').on(t.batchId, t.accountId)],
);

/** 银行代扣 runs (R-BANK-01..11): the file sent to one bank and, later, its return. */
export const bankRuns = sqliteTable('bank_runs', {
  id: text('id').primaryKey(),
  bankName: text('bank_name').notNull(),
  businessDate: text('business_date').notNull(),
  status: text('status', { enum: ['sent', 'returned'] }).notNull(),
  itemCount: integer('item_count').notNull(),
  totalFen: integer('total_fen').notNull(),
  fileName: text('file_name').notNull(),
  returnSha256: text('return_sha256'),
  okCount: integer('ok_count'),
  okFen: integer('ok_fen'),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  createdAt: createdAt(),
  returnedAt: text('returned_at'),
});

/** One line of a bank file: the account's earliest unpaid bill, and the bank's answer. */
export const bankRunItems = sqliteTable(
  'bank_run_items',
  {
    id: text('id').primaryKey(),
    runId: text('run_id').notNull().references(() => bankRuns.id),
    lineNo: integer('line_no').notNull(),
    accountId: text('account_id').notNull().references(() => accounts.id),
    billId: text('bill_id').notNull().references(() => bills.id),
    cardNo: text('card_no').notNull(),
    amountFen: integer('amount_fen').notNull(),
    result: text('result', { enum: ['ok', 'failed'] }),
    reason: text('reason'),
    paymentId: text('payment_id').references(() => payments.id),
  },
  (t) => [index('bank_run_items_run').on(t.runId), index('bank_run_items_bill').on(t.billId)],
);

/** R-PAY-06: cash taken on a handwritten slip while the bill was locked in a bank run; written off later. */
export const manualSlips = sqliteTable('manual_slips', {
  id: text('id').primaryKey(),
  manualSlipNo: text('manual_slip_no').notNull().unique(),
  accountId: text('account_id').notNull().references(() => accounts.id),
  billId: text('bill_id').notNull().references(() => bills.id),
  amountFen: integer('amount_fen').notNull(),
  clerkId: text('clerk_id').notNull().references(() => staff.id),
  paymentId: text('payment_id').references(() => payments.id),
  createdAt: createdAt(),
});

/** 日收银报表 (R-CASH-01..05): one per clerk and business day, prepared and signed by the clerk, reviewed by another. */
export const cashReports = sqliteTable(
  'cash_reports',
  {
    id: text('id').primaryKey(),
    clerkId: text('clerk_id').notNull().references(() => staff.id),
    hallId: text('hall_id').notNull().references(() => halls.id),
    businessDate: text('business_date').notNull(),
    previousBalanceFen: integer('previous_balance_fen').notNull(), // 前日现金结余 (A-33 carried forward)
    incomeFen: integer('income_fen').notNull(), // 本日营业收入 (cash)
    depositedFen: integer('deposited_fen').notNull(), // 存入银行或财务金额
    balanceFen: integer('balance_fen').notNull(), // 当日现金结余 = previous + income − deposited
    countedFen: integer('counted_fen').notNull(), // cash counted by denomination
    denominations: text('denominations').notNull(), // JSON {fen: count}
    differenceFen: integer('difference_fen').notNull(), // counted − balance, never forced to 0
    differenceReason: text('difference_reason').notNull().default(''),
    lines: text('lines').notNull(), // JSON snapshot of the categories as signed
    reviewerId: text('reviewer_id').references(() => staff.id),
    reviewedAt: text('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cash_reports_clerk_day').on(t.clerkId, t.businessDate)],
);
