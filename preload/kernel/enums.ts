/**
 * Closed lists shared by the schema (db/), the contract (preload/contract*) and the windows: the values a
 * column, an input and a drop-down agree on. Data only; the rules that use them stay in main/domain.
 */

/** Kinds of ticket taken as a tender (§3.7): volume tickets and money coupons (R-TKT-03, R-TKT-12). */
export const TICKET_KINDS = ['燃气票', '免费供应券', '优惠券', '提货券'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Businesses, DOMAIN §8 (A-43 state names). */
export const BUSINESS_TYPES = ['安装', '改装', '点火', '二次点火', '封表', '拆表', '启封', '校表', '换表', '其它'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** R-WO-02; A-40: the default is ① 等待安排. */
export const PRIORITIES = ['等待安排', '按照约定', '尽快安排', '加急安排'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const DEFAULT_PRIORITY: Priority = '等待安排';

export const RECEIPT_RESULTS = ['合格', '未完成', '无法实施', '不合格', '取消该业务'] as const;
export type ReceiptResult = (typeof RECEIPT_RESULTS)[number];

export const BUSINESS_STATES = ['已受理', '已派工', '已完成', '已归档', '顺延', '待重新派工', '已取消', '已作废'] as const;
export type WorkOrderState = (typeof BUSINESS_STATES)[number];

/** The withholding banks (R-BANK-01, A-36); each one's file layout is in main/domain/bank-file.ts. */
export const WITHHOLDING_BANKS = ['建行', '工行', '温州银行', '华夏', '农行', '广发', '鹿城农村合作银行'] as const;
export type WithholdingBank = (typeof WITHHOLDING_BANKS)[number];

/** Electronic channels a customer can pay through (信息亭, ATM, 自助终端缴费机, 网站), R-INV-02. */
export const ELECTRONIC_CHANNELS = ['信息亭', 'ATM', '自助终端', '网站'] as const;
export type ElectronicChannel = (typeof ELECTRONIC_CHANNELS)[number];

/** 过户, A-51: spouse, parents, children, grandparents, grandchildren. */
export const DIRECT_RELATIVES = ['配偶', '父母', '子女', '祖父母', '孙子女'] as const;
export type DirectRelative = (typeof DIRECT_RELATIVES)[number];

/** R-STAT-04: what 气表业务综合查询 counts. */
export const STAT_KINDS = ['报装', '装表', '点火', '改装', '换表', '封表', '拆表', '启封'] as const;
export type StatKind = (typeof STAT_KINDS)[number];

/** Staff roles (db/schema/reference.ts stores them; issue 12 #3: setup and 员工管理 choose them). */
export const STAFF_ROLES = ['clerk', 'reviewer', 'manager', 'technician', 'admin', 'callcenter', 'callcenter_lead'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** The roles' Chinese names, as the setup wizard and 员工管理 show them. */
export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  clerk: '营业员',
  reviewer: '复核员',
  manager: '营业厅主任',
  technician: '技术员',
  admin: '系统管理员',
  callcenter: '接听员',
  callcenter_lead: '接听组长',
};
/** Issue 12 #3: what a legacy import file holds (用户及表、欠费账单、价格). */
export const IMPORT_KINDS = ['accounts', 'bills', 'tariffs'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
