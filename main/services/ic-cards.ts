/**
 * IC-card meters at the counter (P-IC, R-IC-01..07, R-CENS-02/03): read a card, recharge (购气) by
 * volume or amount, 制作新卡, 补卡, and the census check. Card writes are two-phase (ARCHITECTURE "Card
 * writes", A-13): the intent commits first, the card is written, and the payment commits only when the
 * card's purchase counter shows the write. A write left in doubt (card pulled, timeout, crash) stays
 * pending until the same card is read again: its counter decides confirm or not written. Never a
 * transaction around device IO.
 */
import { and, desc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { accounts, businesses, cardWriteOutcomes, cardWrites, icCards, ignitionRecords, meters, payments, PAYMENT_METHOD_CASH, staff } from '../../db/schema.js';
import { censusSuggestions } from '../domain/census.js';
import type { CardReader, CardRecord } from '../../hardware/card/reader.js';
import { assertPurchaseAllowed, censusCheck, decideCardWrite, nextPurchaseCounter, PURCHASE_ROLES, rechargeQuote, replacementFeeFen, settlementDay, type PurchaseFacts } from '../domain/card-write.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { changeFor, fen, negFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { confirmLargeTender } from '../domain/confirmations.js';
import { centiM3, formatVolume, gasAmountFen, sumCenti, type CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { loadAccount, loadOpenAccount, priceOn, type AccountSummary } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import { insertLedgerRow, isDayClosed, postFee, type PostedPayment } from './payments.js';
import { bankLockOf } from './bank-lock.js';
import { checkReversible, postReversal, type Approver } from './reversals.js';
import { cardError, pendingWrites, systemCounter, type PendingWrite } from './card-writes.js';
import { NO_TICKETS, recordTenders, validateTicketLines, type TicketLine } from './tenders.js';
import { TICKET_VOLUME_CENTI } from '../domain/tickets.js';
import { changeOfCheckedTender, tenderFigures } from '../domain/tender.js';
import { asAccountId, asCardNo, asPaymentId, type AccountId } from '../domain/ids.js';

type WriteRow = typeof cardWrites.$inferSelect;

/** A card write row's volume and money, branded once at the edge (db row → domain). */
function writeAmounts(w: WriteRow): { volumeCenti: CentiM3; amountFen: Fen; tenderedFen: Fen; ticketFen: Fen; ticketCashFen: Fen } {
  return { volumeCenti: centiM3(w.volumeCenti), amountFen: fen(w.amountFen), tenderedFen: fen(w.tenderedFen), ticketFen: fen(w.ticketFen), ticketCashFen: fen(w.ticketCashFen) };
}

export interface CardView {
  card: { cardNo: string; accountNo: string; counter: number; credit: CentiM3; total: CentiM3 };
  account: AccountSummary | null;
  registered: { active: boolean; issueType: string } | null;
  /** The purchase counter the system expects on this account's card. */
  systemCounter: number;
  pending: PendingWrite[];
  priceFenPerM3: number | null;
}

export interface RechargeInput {
  accountId: AccountId;
  volumeCenti?: CentiM3;
  amountFen?: Fen;
  tenderedFen: Fen;
  /** R-TKT-13: tickets or coupons paying (part of) the recharge. */
  tickets?: readonly TicketLine[];
  /** issue 10 #5: the clerk confirmed a tender far above the cash due (Settings.largeTender). */
  confirmLargeTender?: boolean;
}

/**
 * R-TKT-13: what tickets pay of a recharge. Volume tickets pay 5 m³ each of the volume bought (never
 * more than it); coupons pay their face value (never more than the amount). The rest is cash.
 */
function rechargeTickets(lines: readonly TicketLine[], quote: { volumeCenti: CentiM3; amountFen: Fen }, priceFenPerM3: number, businessDate: string) {
  if (lines.length === 0) return { method: PAYMENT_METHOD_CASH, ticketFen: ZERO_FEN, ticketCashFen: ZERO_FEN };
  const volume = validateTicketLines(lines, businessDate);
  const count = lines.reduce((a, l) => a + l.count, 0);
  const faceTotal = lines.reduce((a, l) => a + l.count * l.faceValueFen, 0);
  const method = lines[0]?.kind ?? PAYMENT_METHOD_CASH;
  if (!volume) {
    if (faceTotal > quote.amountFen) throw new DomainError('TICKET_REFUSED', '券面合计超过购气金额，券不找零，请少收一张', 'tickets');
    return { method, ticketFen: fen(faceTotal), ticketCashFen: ZERO_FEN };
  }
  const ticketVolume = count * TICKET_VOLUME_CENTI;
  if (ticketVolume > quote.volumeCenti) {
    throw new DomainError('TICKET_REFUSED', `${count} 张票合 ${formatVolume(ticketVolume)} 方，多于购气量 ${formatVolume(quote.volumeCenti)} 方`, 'tickets');
  }
  const ticketFen = ticketVolume === quote.volumeCenti ? quote.amountFen : gasAmountFen(centiM3(ticketVolume), priceFenPerM3);
  return { method, ticketFen, ticketCashFen: fen(faceTotal) };
}

export interface CardWriteResult extends PostedPayment {
  cardNo: string;
  volume: CentiM3;
  credit: CentiM3;
  counter: number;
  /** Settled after its business day was closed: posted onto that day, flagged for the manager. */
  latePosted: boolean;
}

/** A card write settled after its day's close (issue 10 #1): the manager's list. */
export interface FlaggedWrite {
  writeId: string;
  kind: string;
  cardNo: string;
  accountNo: string;
  name: string;
  slipNo: string;
  businessDate: string;
  totalFen: Fen;
  volume: CentiM3;
  postedAt: string;
  clerkName: string;
}

export class IcCardService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly reader: CardReader,
  ) {}

  private async readCard(): Promise<CardRecord> {
    try {
      return await this.reader.read();
    } catch (error) {
      throw cardError(error);
    }
  }

  pending(): PendingWrite[] {
    return pendingWrites(this.deps.db);
  }

  /** 读卡: the card, whose it is, and any write on it still in doubt. */
  async read(): Promise<CardView> {
    const card = await this.readCard();
    const { db, clock } = this.deps;
    return db.transaction((tx) => {
      const registered = tx.select().from(icCards).where(eq(icCards.cardNo, card.cardNo)).get();
      const owner = registered ?? tx.select({ accountId: accounts.id }).from(accounts).where(eq(accounts.accountNo, card.accountNo)).get();
      const account = owner ? loadAccount(tx, owner.accountId) : null;
      return {
        card: { cardNo: card.cardNo, accountNo: card.accountNo, counter: card.counter, credit: centiM3(card.creditCenti), total: centiM3(card.totalCenti) },
        account,
        registered: registered ? { active: registered.active, issueType: registered.issueType } : null,
        systemCounter: account ? systemCounter(tx, account.id) : 0,
        pending: pendingWrites(tx, { cardNo: asCardNo(card.cardNo) }),
        priceFenPerM3: account ? priceOn(tx, account.category, businessDateOf(clock.now())) : null,
      };
    });
  }

  /** 购气 (R-IC-01, R-IC-04, R-IC-07). */
  async recharge(actor: Actor, input: RechargeInput): Promise<CardWriteResult> {
    const card = await this.readCard();
    const { db, clock } = this.deps;
    const now = clock.now();
    const write = db.transaction(
      (tx) => {
        const account = loadOpenAccount(tx, input.accountId); // R-SEC-06
        const businessDate = businessDateOf(now);
        const price = priceOn(tx, account.category, businessDate);
        const quote = rechargeQuote(input.volumeCenti !== undefined ? { volumeCenti: input.volumeCenti } : { amountFen: input.amountFen ?? ZERO_FEN }, price);
        const tickets = rechargeTickets(input.tickets ?? [], quote, price, businessDate);
        // R-IC-07 (issue 10 #1): every precondition before the card is touched, the large tender too (issue 10 #5)
        const largeTender = { rule: this.deps.settings.largeTender, confirmed: input.confirmLargeTender === true };
        const money = { dueFen: tenderFigures(quote.amountFen, tickets).cashDueFen, tenderedFen: input.tenderedFen, largeTender };
        assertPurchaseAllowed(this.purchaseFacts(tx, actor, account.id, card, businessDate, { money }));
        // what the payment row will carry once the card shows the write (null when the tender is usual)
        const confirmation = confirmLargeTender({ tenderedFen: money.tenderedFen, cashDueFen: money.dueFen, ...largeTender });
        return this.beginWrite(tx, actor, now, {
          ...tickets,
          ticketsJson: JSON.stringify(input.tickets ?? []),
          kind: 'recharge',
          cardNo: card.cardNo,
          accountId: account.id,
          card,
          volumeCenti: quote.volumeCenti,
          amountFen: quote.amountFen,
          priceFenPerM3: price,
          tenderedFen: input.tenderedFen,
          confirmation,
        });
      },
      { behavior: 'immediate' },
    );
    return this.complete(actor, write);
  }

  /** 冲正 of a same-day recharge: the volume is written back on the card first (R-IC-07). */
  async reverseRecharge(actor: Actor, input: { slipNo: string; reason: string; approver: Approver }): Promise<CardWriteResult> {
    const card = await this.readCard();
    const { db, clock } = this.deps;
    const now = clock.now();
    const write = db.transaction(
      (tx) => {
        const original = checkReversible(tx, actor, input, businessDateOf(now));
        if (original.chargeType !== '充值费') throw new DomainError('NOT_REVERSIBLE', '这不是IC卡充值，请在前台收费冲正', 'slipNo');
        const bought = tx
          .select()
          .from(cardWrites)
          .innerJoin(cardWriteOutcomes, eq(cardWriteOutcomes.writeId, cardWrites.id))
          .where(eq(cardWriteOutcomes.paymentId, original.id))
          .get();
        if (!bought) throw new DomainError('NOT_FOUND', '找不到这笔充值的写卡记录', 'slipNo');
        const w = bought.card_writes;
        const wrote = writeAmounts(w);
        if (card.cardNo !== w.cardNo) throw new DomainError('CARD_ERROR', `请插入充值时的卡 ${w.cardNo}`, 'card');
        if (card.counter !== w.counterAfter) {
          throw new DomainError('NOT_REVERSIBLE', '该卡在这笔充值之后又有购气，不能冲正这笔充值', 'slipNo');
        }
        if (card.creditCenti < w.volumeCenti) {
          throw new DomainError('NOT_REVERSIBLE', `卡上剩余 ${formatVolume(card.creditCenti)} 方，少于充值的 ${formatVolume(w.volumeCenti)} 方：气量已输入气表，不能冲正`, 'card');
        }
        // R-IC-07 (issue 10 #1): a refund is no purchase (no bank lock, no cash to check), the rest applies
        assertPurchaseAllowed(this.purchaseFacts(tx, actor, asAccountId(w.accountId), card, original.businessDate, { bank: false }));
        return this.beginWrite(tx, actor, now, {
          method: w.method,
          ticketFen: negFen(wrote.ticketFen),
          ticketCashFen: negFen(wrote.ticketCashFen),
          ticketsJson: '[]',
          kind: 'reversal',
          cardNo: w.cardNo,
          accountId: w.accountId,
          card,
          volumeCenti: centiM3(-wrote.volumeCenti),
          amountFen: negFen(wrote.amountFen),
          priceFenPerM3: w.priceFenPerM3,
          tenderedFen: ZERO_FEN,
          reversesPaymentId: original.id,
          reason: input.reason.trim(),
          approverId: input.approver.staffId,
        });
      },
      { behavior: 'immediate' },
    );
    return this.complete(actor, write);
  }

  /**
   * 恢复: a pending write is settled by reading the same card. Written → the payment is posted now;
   * not written → `retry` writes again, `abandon` closes it with no charge.
   */
  async recover(actor: Actor, input: { writeId: string; action: 'retry' | 'abandon' }): Promise<CardWriteResult | { abandoned: true }> {
    const write = this.deps.db.select().from(cardWrites).where(eq(cardWrites.id, input.writeId)).get();
    if (!write) throw new DomainError('NOT_FOUND', '写卡记录不存在', 'writeId');
    const done = this.deps.db.select().from(cardWriteOutcomes).where(eq(cardWriteOutcomes.writeId, write.id)).get();
    if (done) throw new DomainError('VALIDATION', `该写卡已处理（${done.outcome === 'confirmed' ? '已确认' : '已放弃'}）`, 'writeId');
    const card = await this.readCard();
    const decision = decideCardWrite(write, card);
    if (decision === 'unknown') {
      throw new DomainError('CARD_WRITE_UNCERTAIN', `请插入卡号为 ${write.cardNo} 的卡（当前卡 ${card.cardNo || '空白卡'}，购气次数 ${card.counter}）`, 'card');
    }
    if (decision === 'written') return this.confirm(actor, write, card, 'recovered: card shows the write');
    if (input.action === 'abandon') {
      this.abandon(actor, write, 'recovered: card shows no write; abandoned by the clerk');
      return { abandoned: true };
    }
    // writing again is a new write: the same preconditions as the first time (issue 10 #1)
    this.deps.db.transaction((tx) => {
      const day = write.kind === 'reversal' ? (tx.select({ d: payments.businessDate }).from(payments).where(eq(payments.id, write.reversesPaymentId ?? '')).get()?.d ?? '') : businessDateOf(this.deps.clock.now());
      assertPurchaseAllowed(this.purchaseFacts(tx, actor, asAccountId(write.accountId), card, day, { bank: write.kind === 'recharge', ignoreWriteId: write.id }));
    });
    return this.complete(actor, write);
  }

  /** 制作新卡 (R-IC-05) or 补卡 (R-IC-02/03): a blank card in the slot becomes this account's card. */
  async issue(
    actor: Actor,
    input: { accountId: AccountId; issueType: '制作新卡' | '补卡'; reason: string; companyFault: boolean; tenderedFen: Fen; confirmLargeTender?: boolean },
  ): Promise<{ cardNo: string; counter: number; fee: PostedPayment | null }> {
    const { db, clock } = this.deps;
    const plan = db.transaction((tx) => {
      const account = loadOpenAccount(tx, input.accountId); // R-SEC-06
      const row = tx.select({ customerType: accounts.customerType }).from(accounts).where(eq(accounts.id, account.id)).get();
      if (row?.customerType !== 'IC卡') throw new DomainError('VALIDATION', '该用户不是IC卡表用户', 'accountId');
      const active = tx.select().from(icCards).where(and(eq(icCards.accountId, account.id), eq(icCards.active, true))).get();
      if (input.issueType === '制作新卡' && active) throw new DomainError('VALIDATION', `该用户已有IC卡 ${active.cardNo}，遗失或损坏请办理补卡`, 'issueType');
      if (input.issueType === '补卡' && !active) throw new DomainError('VALIDATION', '该用户还没有IC卡，请制作新卡', 'issueType');
      if (input.issueType === '补卡' && input.reason.trim().length < 2) throw new DomainError('VALIDATION', '请在备注中写明补卡原因 (R-IC-02)', 'reason');
      const fee = input.issueType === '补卡' ? replacementFeeFen(input.companyFault) : ZERO_FEN;
      changeFor(input.tenderedFen, fee);
      // issue 10 #5: a tender far above the fee is confirmed before the blank card is written (postFee stores it)
      const largeTender = { rule: this.deps.settings.largeTender, confirmed: input.confirmLargeTender === true };
      if (fee > 0) confirmLargeTender({ tenderedFen: input.tenderedFen, cashDueFen: fee, ...largeTender });
      // issue 10 #1: what would refuse the fee afterwards is checked before the card is written
      if (!PURCHASE_ROLES.includes(actor.role)) throw new DomainError('FORBIDDEN', '只有营业员可以制卡、补卡', 'issueType');
      const today = businessDateOf(clock.now());
      if (fee > 0 && isDayClosed(tx, actor.hallId, today)) throw new DomainError('DAY_CLOSED', `${today} 已日结，不能再收取补卡费`, 'issueType');
      const n = Number(tx.select({ n: sql<number>`count(*)` }).from(icCards).where(eq(icCards.accountId, account.id)).get()?.n ?? 0);
      const pendingOnAccount = pendingWrites(tx).some((p) => p.accountId === account.id);
      if (pendingOnAccount) throw new DomainError('CARD_WRITE_UNCERTAIN', '该用户有未确认的写卡，请先插入原卡恢复', 'card');
      return { account, active, fee, largeTender, cardNo: `${account.accountNo}-${n + 1}`, counter: systemCounter(tx, account.id) };
    });
    let written: CardRecord;
    try {
      written = await this.reader.issue(plan.cardNo, plan.account.accountNo, plan.counter);
    } catch (error) {
      // a card already carrying this very issue (a retry after a lost reply) is taken as written
      const card = await this.reader.read().catch(() => null);
      if (!card || card.cardNo !== plan.cardNo || card.accountNo !== plan.account.accountNo) throw cardError(error);
      written = card;
    }
    const now = clock.now();
    return db.transaction(
      (tx) => {
        let fee: PostedPayment | null = null;
        if (plan.fee > 0) {
          fee = postFee(
            tx,
            actor,
            { accountId: plan.account.id, chargeType: '补卡费', invoiceCategory: '定额', feeFen: plan.fee, tenderedFen: input.tenderedFen, businessRef: plan.cardNo },
            now,
            plan.largeTender,
          );
        }
        if (plan.active) tx.update(icCards).set({ active: false }).where(eq(icCards.cardNo, plan.active.cardNo)).run();
        const remark = input.issueType === '补卡' ? `新卡号 ${plan.cardNo}；原卡 ${plan.active?.cardNo ?? ''}；${input.reason.trim()}${input.companyFault ? '（公司原因，免费）' : ''}` : input.reason.trim();
        tx.insert(icCards)
          .values({ cardNo: plan.cardNo, accountId: plan.account.id, issueType: input.issueType, feePaymentId: fee?.paymentId ?? null, remark, clerkId: actor.staffId })
          .run();
        appendAudit(
          tx,
          { actorId: actor.staffId, action: 'card.issue', entity: 'ic_card', entityId: plan.cardNo, detail: { ...input, cardNo: plan.cardNo, counter: written.counter, feeFen: plan.fee } },
          now,
        );
        return { cardNo: plan.cardNo, counter: written.counter, fee };
      },
      { behavior: 'immediate' },
    );
  }

  /**
   * R-CENS-01..03: the account a meter reader reported, its purchases in the period against what the reader saw;
   * R-CENS-04: a 装表 meter without an accepted ignition or an ignition agreement is used privately.
   */
  census(input: { accountId: string; from: string; to: string; remainingCenti: CentiM3; usedCenti: CentiM3 }) {
    const { db } = this.deps;
    const account = db.transaction((tx) => loadAccount(tx, input.accountId));
    const rows = db
      .select({ volume: cardWrites.volumeCenti })
      .from(cardWrites)
      .innerJoin(cardWriteOutcomes, eq(cardWriteOutcomes.writeId, cardWrites.id))
      .innerJoin(payments, eq(payments.id, cardWriteOutcomes.paymentId))
      .where(and(eq(cardWrites.accountId, input.accountId), eq(cardWriteOutcomes.outcome, 'confirmed'), gte(payments.businessDate, input.from), lte(payments.businessDate, input.to)))
      .all();
    const purchased = sumCenti(rows.map((r) => centiM3(r.volume)));
    const check = censusCheck(purchased, input.remainingCenti, input.usedCenti);
    const note = check.normal
      ? ''
      : `普查发现气表故障：购气 ${formatVolume(purchased)} 方，实际用气 ${formatVolume(input.usedCenti)} 方，剩余 ${formatVolume(input.remainingCenti)} 方，需换表`;
    const meter = db.select({ status: meters.status }).from(meters).where(and(eq(meters.accountId, input.accountId), eq(meters.active, true))).get();
    const ignitionBusiness = db
      .select({ id: businesses.id })
      .from(businesses)
      .where(and(eq(businesses.accountId, input.accountId), eq(businesses.type, '点火'), sql`${businesses.state} <> '已作废'`))
      .get();
    const agreement = db
      .select({ id: ignitionRecords.id })
      .from(ignitionRecords)
      .innerJoin(businesses, eq(businesses.id, ignitionRecords.businessId))
      .where(eq(businesses.accountId, input.accountId))
      .get();
    const { privateUse, suggestions } = censusSuggestions({
      meterStatus: meter?.status ?? null,
      ignitionOnRecord: ignitionBusiness !== undefined || agreement !== undefined,
      normal: check.normal,
      faultNote: note,
    });
    return { account, purchased, ...check, note, suggestedPriority: check.normal ? null : '加急安排', meterStatus: meter?.status ?? null, privateUse, suggestions };
  }

  /** The facts R-IC-07's precondition check needs (domain/card-write purchaseRefusal). */
  private purchaseFacts(
    tx: Tx,
    actor: Actor,
    accountId: AccountId,
    card: CardRecord,
    businessDate: string,
    opts: { money?: PurchaseFacts['money']; bank?: boolean; ignoreWriteId?: string },
  ): PurchaseFacts {
    const registered = tx.select().from(icCards).where(eq(icCards.cardNo, card.cardNo)).get();
    return {
      businessDate,
      dayClosed: isDayClosed(tx, actor.hallId, businessDate),
      role: actor.role,
      bankLock: opts.bank === false ? null : bankLockOf(tx, accountId),
      accountId,
      card: { cardNo: card.cardNo, counter: card.counter },
      registered: registered ? { accountId: registered.accountId, active: registered.active } : null,
      pendingOnCard: pendingWrites(tx, { cardNo: asCardNo(card.cardNo) }).filter((p) => p.id !== opts.ignoreWriteId).length,
      expectedCounter: systemCounter(tx, accountId),
      money: opts.money ?? null,
    };
  }

  /** Card writes settled after their day's close, posted onto that day, of the caller's hall: for the manager (issue 10 #1). */
  flagged(hallId: string): FlaggedWrite[] {
    return this.deps.db
      .select({
        writeId: cardWrites.id,
        kind: cardWrites.kind,
        cardNo: cardWrites.cardNo,
        accountNo: accounts.accountNo,
        name: accounts.name,
        slipNo: payments.slipNo,
        businessDate: payments.businessDate,
        totalFen: payments.totalFen,
        volume: cardWrites.volumeCenti,
        postedAt: payments.createdAt,
        clerkName: staff.name,
      })
      .from(payments)
      .innerJoin(cardWrites, eq(cardWrites.id, payments.lateCardWriteId))
      .innerJoin(accounts, eq(accounts.id, payments.accountId))
      .innerJoin(staff, eq(staff.id, payments.clerkId))
      .where(and(isNotNull(payments.lateCardWriteId), eq(payments.hallId, hallId)))
      .orderBy(desc(payments.createdAt))
      .limit(200)
      .all()
      .map((r) => ({ ...r, totalFen: fen(r.totalFen), volume: centiM3(r.volume) }));
  }

  private beginWrite(
    tx: Tx,
    actor: Actor,
    now: Date,
    w: {
      kind: 'recharge' | 'reversal';
      cardNo: string;
      accountId: string;
      card: CardRecord;
      volumeCenti: CentiM3;
      amountFen: Fen;
      priceFenPerM3: number;
      tenderedFen: Fen;
      method: string;
      ticketFen: Fen;
      ticketCashFen: Fen;
      ticketsJson: string;
      reversesPaymentId?: string;
      reason?: string;
      approverId?: string;
      confirmation?: string | null;
    },
  ): WriteRow {
    const row: WriteRow = {
      id: uuidv7(now.getTime()),
      kind: w.kind,
      cardNo: w.cardNo,
      accountId: w.accountId,
      counterBefore: w.card.counter,
      counterAfter: nextPurchaseCounter(w.card.counter),
      volumeCenti: w.volumeCenti,
      priceFenPerM3: w.priceFenPerM3,
      amountFen: w.amountFen,
      tenderedFen: w.tenderedFen,
      method: w.method,
      ticketFen: w.ticketFen,
      ticketCashFen: w.ticketCashFen,
      ticketsJson: w.ticketsJson,
      reversesPaymentId: w.reversesPaymentId ?? null,
      reason: w.reason ?? '',
      approverId: w.approverId ?? null,
      clerkId: actor.staffId,
      counterId: actor.counterId,
      confirmation: w.confirmation ?? null,
      createdAt: now.toISOString(),
    };
    tx.insert(cardWrites).values(row).run();
    appendAudit(tx, { actorId: actor.staffId, action: 'card.write.begin', entity: 'card_write', entityId: row.id, detail: { ...row } }, now);
    return row;
  }

  /** Phase two: write, then let the card's counter decide. */
  private async complete(actor: Actor, write: WriteRow): Promise<CardWriteResult> {
    let failure: unknown = null;
    try {
      const after = await this.reader.purchase({ cardNo: write.cardNo, counterBefore: write.counterBefore, counterAfter: write.counterAfter, deltaCenti: write.volumeCenti });
      if (after.counter === write.counterAfter) return this.confirm(actor, write, after, 'written');
    } catch (error) {
      failure = error;
    }
    const card = await this.reader.read().catch(() => null);
    const decision = decideCardWrite(write, card);
    if (decision === 'written' && card) return this.confirm(actor, write, card, 'written; reply lost, confirmed by reading the card');
    if (decision === 'not_written') {
      this.abandon(actor, write, `not written: ${failure instanceof Error ? failure.message : 'unexpected reply'}`);
      const reason = failure ? cardError(failure).message : '写卡未完成';
      throw new DomainError('CARD_ERROR', `${reason}。卡上气量未改变，本次未收费${write.kind === 'recharge' ? '，请退还现金' : ''}`, 'card');
    }
    throw new DomainError(
      'CARD_WRITE_UNCERTAIN',
      '写卡结果未确认：请将同一张卡重新插入读卡器，然后点“恢复”（F6）。确认前不要收取或退还现金',
      'card',
    );
  }

  private confirm(actor: Actor, write: WriteRow, card: CardRecord, note: string): CardWriteResult {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(
      (tx) => {
        const done = tx.select().from(cardWriteOutcomes).where(eq(cardWriteOutcomes.writeId, write.id)).get();
        if (done) throw new DomainError('VALIDATION', '该写卡已处理', 'writeId');
        let posted: PostedPayment;
        let late = false;
        const isClosed = (day: string) => isDayClosed(tx, actor.hallId, day);
        if (write.kind === 'reversal') {
          const original = tx.select().from(payments).where(eq(payments.id, write.reversesPaymentId ?? '')).get();
          if (!original) throw new DomainError('NOT_FOUND', '原充值记录不存在', 'slipNo');
          ({ late } = settlementDay({ kind: 'reversal', today: businessDateOf(now), ownDay: original.businessDate, isClosed }));
          posted = postReversal(tx, actor, original, { reason: write.reason, approverId: write.approverId ?? '', cardWriteId: write.id, late }, now);
        } else {
          // The card carries the gas, so the payment is always posted (never free gas, never stuck):
          // on today if open, else onto the write's own day, late and flagged for the manager (issue 10 #1).
          const day = settlementDay({ kind: 'recharge', today: businessDateOf(now), ownDay: businessDateOf(new Date(write.createdAt)), isClosed });
          const businessDate = day.businessDate;
          late = day.late;
          const paymentId = asPaymentId(uuidv7(now.getTime()));
          const a = writeAmounts(write);
          // the tender was checked against this cash due before the card was written (assertPurchaseAllowed)
          const { totalFen, cashDueFen } = tenderFigures(a.amountFen, a);
          const changeFen = changeOfCheckedTender(a.tenderedFen, cashDueFen);
          const slipNo = insertLedgerRow(tx, actor, businessDate, {
            id: paymentId,
            accountId: write.accountId,
            method: write.method,
            chargeType: '充值费',
            invoiceCategory: '核对单',
            businessRef: write.id,
            feeFen: 0,
            gasFen: write.amountFen,
            lateFeeFen: 0,
            ticketFen: write.ticketFen,
            ticketCashFen: write.ticketCashFen,
            totalFen,
            tenderedFen: write.tenderedFen,
            changeFen,
            confirmation: write.confirmation,
            // the payment's own 收费时间 from the service clock (issue 10 #6), as on every other ledger row
            createdAt: now.toISOString(),
          }, late ? { cardWriteId: write.id } : undefined);
          const lines = JSON.parse(write.ticketsJson) as TicketLine[];
          if (lines.length > 0) {
            recordTenders(tx, { ...NO_TICKETS, method: write.method, ticketFen: a.ticketFen, ticketCashFen: a.ticketCashFen, lines }, { paymentId, accountId: asAccountId(write.accountId), clerkId: write.clerkId });
          }
          posted = {
            paymentId,
            slipNo,
            businessDate,
            gasFen: a.amountFen,
            lateFeeFen: ZERO_FEN,
            totalFen,
            tenderedFen: a.tenderedFen,
            changeFen,
            ticketFen: a.ticketFen,
            ticketCashFen: a.ticketCashFen,
            method: write.method,
          };
        }
        const finalNote = late ? `${note}; posted late onto the closed day ${posted.businessDate}, flagged for the manager` : note;
        tx.insert(cardWriteOutcomes).values({ writeId: write.id, outcome: 'confirmed', paymentId: posted.paymentId, note: finalNote, clerkId: actor.staffId }).run();
        appendAudit(
          tx,
          { actorId: actor.staffId, action: late ? 'card.write.confirm_late' : 'card.write.confirm', entity: 'card_write', entityId: write.id, detail: { slipNo: posted.slipNo, counter: card.counter, note: finalNote, businessDate: posted.businessDate, confirmation: write.confirmation } },
          now,
        );
        return { ...posted, cardNo: write.cardNo, volume: centiM3(write.volumeCenti), credit: centiM3(card.creditCenti), counter: card.counter, latePosted: late };
      },
      { behavior: 'immediate' },
    );
  }

  private abandon(actor: Actor, write: WriteRow, note: string): void {
    const now = this.deps.clock.now();
    this.deps.db.transaction(
      (tx) => {
        tx.insert(cardWriteOutcomes).values({ writeId: write.id, outcome: 'abandoned', paymentId: null, note, clerkId: actor.staffId }).run();
        appendAudit(tx, { actorId: actor.staffId, action: 'card.write.abandon', entity: 'card_write', entityId: write.id, detail: { note } }, now);
      },
      { behavior: 'immediate' },
    );
  }
}
