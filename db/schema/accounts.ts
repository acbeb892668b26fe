/** Customers (用户) with their phones and meters, DOMAIN §3.1/§3.2. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { halls } from './reference.js';

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
