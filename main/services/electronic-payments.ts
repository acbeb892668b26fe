/**
 * Payments made through electronic channels (信息亭, ATM, 自助终端缴费机, 网站) enter the ledger from the
 * channel's record, keyed by the channel's reference so that a record is entered once. At the counter
 * the customer then gets the check slip reprinted and an invoice against it (R-INV-02, invoices.ts).
 */
import { eq } from 'drizzle-orm';
import { payments } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Fen } from '../../preload/kernel/money.js';
import type { Actor, ServiceDeps } from './context.js';
import { payBills, type ElectronicChannel } from './payments.js';
import type { AccountId, BillId } from '../domain/ids.js';

export interface ChannelRecord {
  accountId: AccountId;
  billIds: readonly BillId[];
  channel: ElectronicChannel;
  channelRef: string;
  /** The amount the channel collected; it must equal what the bills come to today. */
  amountFen: Fen;
}

export function recordElectronicPayment(deps: ServiceDeps, actor: Actor, input: ChannelRecord): { slipNo: string; duplicate: boolean } {
  const ref = input.channelRef.trim();
  if (!/^[A-Za-z0-9-]{4,40}$/.test(ref)) throw new DomainError('VALIDATION', '渠道流水号应为4-40位字母、数字或连字符', 'channelRef');
  const existing = deps.db.select({ slipNo: payments.slipNo, accountId: payments.accountId }).from(payments).where(eq(payments.channelRef, ref)).get();
  if (existing) {
    if (existing.accountId !== input.accountId) throw new DomainError('VALIDATION', `渠道流水 ${ref} 已记入其他用户`, 'channelRef');
    return { slipNo: existing.slipNo, duplicate: true };
  }
  const posted = payBills(deps, actor, {
    accountId: input.accountId,
    billIds: input.billIds,
    tenderedFen: input.amountFen,
    expectedTotalFen: input.amountFen,
    channel: { name: input.channel, ref },
  });
  return { slipNo: posted.slipNo, duplicate: false };
}

/** R-INV-02 step 1: the counter finds the channel payment by its reference. */
export function findChannelPayment(deps: ServiceDeps, channelRef: string) {
  const row = deps.db
    .select({ slipNo: payments.slipNo, method: payments.method, totalFen: payments.totalFen, accountId: payments.accountId, businessDate: payments.businessDate })
    .from(payments)
    .where(eq(payments.channelRef, channelRef.trim()))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', `没有渠道流水 ${channelRef.trim()} 的缴费记录`, 'channelRef');
  return row;
}
