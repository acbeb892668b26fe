/**
 * Complaints and opinions (issue 15 #4: R-SEC-12, R-SEC-18, R-SEC-20): logged at the counter or by the call centre,
 * answered and closed with the customer's satisfaction; the overdue list for the director.
 */
import { z } from 'zod';
import { PHONE_ROLES, id } from './schemas.js';

const complaintView = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.string(),
  category: z.string(),
  accountNo: z.string().nullable(),
  customerName: z.string(),
  phone: z.string(),
  content: z.string(),
  handlerName: z.string(),
  slipNo: z.string().nullable(),
  slipRating: z.string().nullable(),
  promisedBy: z.string(),
  createdAt: z.string(),
  status: z.enum(['待答复', '已超期', '已办结']),
  answer: z.string().nullable(),
  satisfaction: z.string().nullable(),
  answeredByName: z.string().nullable(),
});

const COMPLAINT_CATEGORY_VALUES = ['服务态度', '收费', '抄表', '维修', '安装', '气压气质', '其它'] as const;

const complaintSettings = z.object({
  phone: z.string(),
  answerDays: z.number().int(),
  categoryDays: z.partialRecord(z.enum(COMPLAINT_CATEGORY_VALUES), z.number().int()),
  stored: z.boolean(),
});

export const complaintsContract = {
  'complaints.log': {
    access: PHONE_ROLES,
    input: z
      .object({
        kind: z.enum(['投诉', '意见']),
        channel: z.enum(['柜台', '电话']),
        category: z.enum(COMPLAINT_CATEGORY_VALUES),
        accountId: id.nullable().default(null),
        customerName: z.string().trim().max(40, '姓名过长'),
        phone: z.string().trim().max(20, '电话过长'),
        content: z.string().trim().max(500, '内容过长'),
        slipNo: z.string().trim().max(32, '核对单号过长').nullable().default(null),
        promisedBy: z.string().trim().max(10).nullable().default(null),
      })
      .strict(),
    output: complaintView,
  },
  'complaints.answer': {
    access: PHONE_ROLES,
    input: z.object({ complaintId: id, answer: z.string().trim().max(500, '答复过长'), satisfaction: z.enum(['满意', '基本满意', '不满意']) }).strict(),
    output: complaintView,
  },
  'complaints.list': { access: PHONE_ROLES, input: z.object({}).strict(), output: z.array(complaintView) },
  /** R-SEC-20: the unanswered complaints past their promised answer date, for the director. */
  'complaints.overdue': { access: ['manager', 'admin'], input: z.object({}).strict(), output: z.array(complaintView) },
  /** R-SEC-18: the complaint phone to tell the customer, and the answer days (default, and each category's own). */
  'complaints.phone': { access: PHONE_ROLES, input: z.object({}).strict(), output: complaintSettings },
  /** Issue 15 #4 (§10 configurable): set by a hall manager or an administrator; refused at the field; audited. */
  'complaints.saveSettings': {
    access: ['manager', 'admin'],
    input: z
      .object({
        phone: z.string().max(20, '电话过长'),
        answerDays: z.number().int('答复期限须为整数天'),
        categoryDays: z.partialRecord(z.enum(COMPLAINT_CATEGORY_VALUES), z.number().int('答复期限须为整数天')),
      })
      .strict(),
    output: complaintSettings,
  },
} as const;
