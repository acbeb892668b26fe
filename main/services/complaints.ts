/**
 * Complaints and opinions (issue 15 #4). R-SEC-20: logged (at the counter or from the phone) with kind, category,
 * customer and content, answered and closed once with the customer's satisfaction; the overdue ones (past the
 * promised answer date, 预约答复日期, seed 002) listed for the director. R-SEC-12 (首问负责制): the staff member
 * who logs it is its handler until it is answered. R-SEC-18: the complaint phone told to the customer comes from
 * the settings. A complaint about a transaction names its slip, whose 满意度评价 (satisfaction_ratings) is shown.
 */
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { ReadTx } from '../../db/open.js';
import { accounts, checkSlips, complaintAnswers, complaints, complaintSettings, satisfactionRatings, staff, COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_KINDS, COMPLAINT_SATISFACTION } from '../../db/schema.js';
import { addDays, businessDateOf, isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';
import { RATINGS } from './customer-display.js';

export interface ComplaintInput {
  kind: (typeof COMPLAINT_KINDS)[number];
  channel: (typeof COMPLAINT_CHANNELS)[number];
  category: (typeof COMPLAINT_CATEGORIES)[number];
  accountId: string | null;
  customerName: string;
  phone: string;
  content: string;
  slipNo: string | null;
  /** Empty: today + the configured answer days. */
  promisedBy: string | null;
}


export interface ComplaintView {
  id: string;
  kind: string;
  channel: string;
  category: string;
  accountNo: string | null;
  customerName: string;
  phone: string;
  content: string;
  handlerName: string;
  slipNo: string | null;
  /** The 满意度评价 the customer pressed after that slip, if any. */
  slipRating: string | null;
  promisedBy: string;
  createdAt: string;
  status: '待答复' | '已超期' | '已办结';
  answer: string | null;
  satisfaction: string | null;
  answeredByName: string | null;
}

/** R-SEC-20 / R-SEC-12: logs a complaint or opinion, its handler the one who logs it. */
export function logComplaint(deps: ServiceDeps, actor: Actor, input: ComplaintInput): ComplaintView {
  const now = deps.clock.now();
  const today = businessDateOf(now);
  const id = deps.db.transaction(
    (tx) => {
      const content = input.content.trim();
      if (content.length < 2) throw new DomainError('VALIDATION', '请填写投诉或意见的内容', 'content');
      const customerName = input.customerName.trim();
      if (customerName.length === 0) throw new DomainError('VALIDATION', '请填写客户姓名', 'customerName');
      if (!/^[0-9-]{7,20}$/.test(input.phone.trim())) throw new DomainError('VALIDATION', '请填写客户联系电话（7–20位数字）', 'phone');
      if (input.accountId !== null && !tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId)).get()) {
        throw new DomainError('NOT_FOUND', '未找到该用户，请重新检索', 'accountId');
      }
      const slipNo = input.slipNo?.trim() || null;
      if (slipNo !== null && !tx.select({ s: checkSlips.slipNo }).from(checkSlips).where(eq(checkSlips.slipNo, slipNo)).get()) {
        throw new DomainError('NOT_FOUND', `核对单 ${slipNo} 不存在`, 'slipNo');
      }
      const latest = addDays(today, 30);
      const configured = loadComplaintSettings(tx, deps);
      const promisedBy = input.promisedBy?.trim() || addDays(today, configured.categoryDays[input.category] ?? configured.answerDays);
      if (!isValidDate(promisedBy) || promisedBy < today || promisedBy > latest) {
        throw new DomainError('VALIDATION', `承诺答复日期须在 ${today} 至 ${latest} 之间`, 'promisedBy');
      }
      const id = uuidv7(now.getTime());
      tx.insert(complaints)
        .values({ id, kind: input.kind, channel: input.channel, category: input.category, accountId: input.accountId, customerName, phone: input.phone.trim(), content, handlerId: actor.staffId, hallId: actor.hallId, counterId: actor.counterId, slipNo, promisedBy, createdAt: now.toISOString() })
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: 'complaint.log', entity: 'complaint', entityId: id, detail: { kind: input.kind, channel: input.channel, category: input.category, accountId: input.accountId, slipNo, promisedBy } }, now);
      return id;
    },
    { behavior: 'immediate' },
  );
  return viewOf(deps.db, id, today);
}

/** R-SEC-20: answered and closed once, with the customer's satisfaction. */
export function answerComplaint(deps: ServiceDeps, actor: Actor, input: { complaintId: string; answer: string; satisfaction: (typeof COMPLAINT_SATISFACTION)[number] }): ComplaintView {
  const now = deps.clock.now();
  deps.db.transaction(
    (tx) => {
      const row = tx.select().from(complaints).where(eq(complaints.id, input.complaintId)).get();
      if (!row || row.hallId !== actor.hallId) throw new DomainError('NOT_FOUND', '未找到该投诉记录', 'complaintId');
      if (tx.select({ id: complaintAnswers.complaintId }).from(complaintAnswers).where(eq(complaintAnswers.complaintId, row.id)).get()) {
        throw new DomainError('ALREADY_DECIDED', '该投诉已答复办结', 'complaintId');
      }
      // R-SEC-12: the first responder stays responsible; a hall manager or administrator may close it for them
      if (row.handlerId !== actor.staffId && actor.role !== 'manager' && actor.role !== 'admin') {
        throw new DomainError('FORBIDDEN', '首问负责制：由受理人或营业厅主任答复办结', 'complaintId');
      }
      const answer = input.answer.trim();
      if (answer.length < 2) throw new DomainError('VALIDATION', '请填写答复内容', 'answer');
      tx.insert(complaintAnswers).values({ complaintId: row.id, answer, satisfaction: input.satisfaction, answeredBy: actor.staffId, createdAt: now.toISOString() }).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'complaint.answer', entity: 'complaint', entityId: row.id, detail: { satisfaction: input.satisfaction, late: businessDateOf(now) > row.promisedBy } }, now);
    },
    { behavior: 'immediate' },
  );
  return viewOf(deps.db, input.complaintId, businessDateOf(now));
}

/** The hall's complaints, open ones first (oldest promise first), or only the overdue ones for the director. */
export function listComplaints(deps: ServiceDeps, actor: Actor, input: { overdueOnly: boolean }): ComplaintView[] {
  const today = businessDateOf(deps.clock.now());
  const rows = deps.db
    .select({ id: complaints.id })
    .from(complaints)
    .leftJoin(complaintAnswers, eq(complaintAnswers.complaintId, complaints.id))
    .where(and(eq(complaints.hallId, actor.hallId), input.overdueOnly ? and(isNull(complaintAnswers.complaintId), lt(complaints.promisedBy, today)) : undefined))
    .orderBy(asc(complaints.promisedBy))
    .limit(500)
    .all();
  const views = rows.map((r) => viewOf(deps.db, r.id, today));
  return [...views.filter((v) => v.status !== '已办结'), ...views.filter((v) => v.status === '已办结')];
}

export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** Issue 15 #4 (§10 configurable): the complaint phone and the answer days, by default and per category. */
export interface ComplaintSettings {
  phone: string;
  answerDays: number;
  /** The categories whose answer is promised sooner or later than the default. */
  categoryDays: Partial<Record<ComplaintCategory, number>>;
  /** false: nothing stored, the start's `Settings.complaints`. */
  stored: boolean;
}

/** The stored settings, else the start's `Settings.complaints` (no category of its own). */
export function loadComplaintSettings(tx: ReadTx, deps: Pick<ServiceDeps, 'settings'>): ComplaintSettings {
  const row = tx.select().from(complaintSettings).where(eq(complaintSettings.key, 'complaints')).get();
  if (!row) return { ...deps.settings.complaints, categoryDays: {}, stored: false };
  return { phone: row.phone, answerDays: row.answerDays, categoryDays: JSON.parse(row.categoryDays) as ComplaintSettings['categoryDays'], stored: true };
}

/** R-SEC-18: the complaint phone to tell the customer, and the default answer days (with each category's own). */
export function complaintPhone(deps: ServiceDeps): ComplaintSettings {
  return loadComplaintSettings(deps.db, deps);
}

const MAX_ANSWER_DAYS = 30;

/**
 * Issue 15 #4: a hall manager or an administrator sets the complaint phone (digits and '-', 5–20, or empty) and the
 * answer days (1–30, by default and for any category). Refused at the field, nothing changed; audited.
 */
export function saveComplaintSettings(deps: ServiceDeps, actor: Actor, input: { phone: string; answerDays: number; categoryDays: Partial<Record<ComplaintCategory, number>> }): ComplaintSettings {
  const phone = input.phone.trim();
  if (phone !== '' && !/^[0-9-]{5,20}$/.test(phone)) throw new DomainError('VALIDATION', '投诉电话只能是 5–20 位数字或 -', 'phone');
  const days = (n: number, field: string) => {
    if (!Number.isInteger(n) || n < 1 || n > MAX_ANSWER_DAYS) throw new DomainError('VALIDATION', `答复期限须为 1–${MAX_ANSWER_DAYS} 天`, field);
    return n;
  };
  const answerDays = days(input.answerDays, 'answerDays');
  const categoryDays: Partial<Record<ComplaintCategory, number>> = {};
  for (const category of COMPLAINT_CATEGORIES) {
    const n = input.categoryDays[category];
    if (n !== undefined && n !== answerDays) categoryDays[category] = days(n, `categoryDays.${category}`);
  }
  const now = deps.clock.now();
  deps.db.transaction((tx) => {
    const before = loadComplaintSettings(tx, deps);
    const row = { phone, answerDays, categoryDays: JSON.stringify(categoryDays), updatedBy: actor.staffId, updatedAt: now.toISOString() };
    tx.insert(complaintSettings).values({ key: 'complaints', ...row }).onConflictDoUpdate({ target: complaintSettings.key, set: row }).run();
    appendAudit(
      tx,
      { actorId: actor.staffId, action: 'complaints.settings', entity: 'complaint_settings', entityId: 'complaints', detail: { before: { phone: before.phone, answerDays: before.answerDays, categoryDays: before.categoryDays }, after: { phone, answerDays, categoryDays } } },
      now,
    );
  });
  return complaintPhone(deps);
}

function viewOf(db: ReadTx, id: string, today: string): ComplaintView {
  const c = db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!c) throw new DomainError('NOT_FOUND', '未找到该投诉记录', 'complaintId');
  const a = db.select().from(complaintAnswers).where(eq(complaintAnswers.complaintId, id)).get();
  const nameOf = (staffId: string) => db.select({ name: staff.name }).from(staff).where(eq(staff.id, staffId)).get()?.name ?? staffId;
  const rating = c.slipNo ? db.select({ score: satisfactionRatings.score }).from(satisfactionRatings).where(eq(satisfactionRatings.slipNo, c.slipNo)).get() : undefined;
  const accountNo = c.accountId ? (db.select({ no: accounts.accountNo }).from(accounts).where(eq(accounts.id, c.accountId)).get()?.no ?? null) : null;
  return {
    id: c.id,
    kind: c.kind,
    channel: c.channel,
    category: c.category,
    accountNo,
    customerName: c.customerName,
    phone: c.phone,
    content: c.content,
    handlerName: nameOf(c.handlerId),
    slipNo: c.slipNo,
    slipRating: rating ? (RATINGS[rating.score as keyof typeof RATINGS] ?? String(rating.score)) : null,
    promisedBy: c.promisedBy,
    createdAt: c.createdAt,
    status: a ? '已办结' : c.promisedBy < today ? '已超期' : '待答复',
    answer: a?.answer ?? null,
    satisfaction: a?.satisfaction ?? null,
    answeredByName: a ? nameOf(a.answeredBy) : null,
  };
}
