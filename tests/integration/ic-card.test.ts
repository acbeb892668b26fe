/**
 * IC-card meters through the router, the reference driver and the simulator on SerialPortMock
 * (R-IC-01..07, R-CENS-02/03, A-13). Faults: card pulled before/after the write reached it, lost and
 * garbled replies, a refused write, unplug, and a restart with a write in doubt. Whatever happens, the
 * card is credited once and the ledger has exactly one payment per credited purchase.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import type { CardRecord } from '../../hardware/card/codec.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, first, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { lastAuditDetail, markDayClosed, scalar } from '../fixtures/data.js';

let host: TestHost;
let accountId: string;

beforeEach(() => {
  host = makeTestHost();
  ({ accountId } = addAccount(host, { accountNo: '20245555', name: '李四', address: '温州市鹿城区学院路6号', customerType: 'IC卡' }));
});
afterEach(() => host.dispose());

const sim = () => {
  const device = host.cardDevice;
  if (!device) throw new Error('no simulated card device');
  return device.sim;
};
const n = (sql: string) => scalar(host, sql);
const rechargeSum = () => n("SELECT coalesce(sum(total_fen), 0) FROM payments WHERE charge_type = '充值费'");
const cardNow = (): CardRecord => {
  const c = sim().card;
  if (!c) throw new Error('no card in the slot');
  return c;
};

async function issued() {
  const clerk = await signIn(host);
  sim().insertBlank();
  const res = await clerk.call('cards.issue', { accountId, issueType: '制作新卡' });
  expect(res).toMatchObject({ ok: true, value: { cardNo: '20245555-1', counter: 0, feeSlipNo: null } });
  return clerk;
}

describe('new card, read and recharge (R-IC-01, R-IC-05)', () => {
  it('makes a card, recharges 20 m³ for 69.00 and prints the IC slip', async () => {
    const clerk = await issued();
    expect(cardNow()).toMatchObject({ cardNo: '20245555-1', accountNo: '20245555', counter: 0, creditCenti: 0, blank: false });
    const read = await clerk.call('cards.read', {});
    expect(read).toMatchObject({ ok: true, value: { card: { cardNo: '20245555-1', counter: 0 }, account: { id: accountId }, systemCounter: 0, pending: [], priceFenPerM3: 345 } });
    const res = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(res).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000001', totalFen: 6900, tenderedFen: 10000, changeFen: 3100, counter: 1, credit: 2000 } });
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000, totalCenti: 2000 });
    const slip = decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n');
    expect(slip).toContain('IC卡购气核对单');
    expect(slip).toMatch(/购气量:\s+20 方/);
    expect(slip).toMatch(/IC卡号:\s+20245555-1/);
  });

  it('by amount: 100 yuan buys 28.98 m³ for 99.98 (volume and money agree)', async () => {
    const clerk = await issued();
    const res = await clerk.call('cards.recharge', { accountId, by: 'amount', value: '100', tendered: '100' });
    expect(res).toMatchObject({ ok: true, value: { totalFen: 9998, changeFen: 2, credit: 2898 } });
  });

  it('refuses a card of another customer and short cash, changing nothing', async () => {
    const clerk = await issued();
    const short = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '50' });
    expect(short).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_TENDER' } });
    sim().insert({ ...cardNow(), cardNo: '99999999-1', accountNo: '99999999' });
    const foreign = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'CARD_ERROR', message: '插入的不是这位用户的卡' } });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    expect(n('SELECT count(*) FROM card_writes')).toBe(0);
  });
});

describe('two-phase writes under faults (A-13): no double credit, no lost purchase', () => {
  it('card pulled after the write reached it: in doubt, then confirmed once by the counter', async () => {
    const clerk = await issued();
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    const res = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(res).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    expect(rechargeSum()).toBe(0);
    const pending = await clerk.call('cards.pending', {});
    expect(pending.ok && pending.value).toHaveLength(1);
    const writeId = pending.ok ? first(pending.value).id : '';
    // a new recharge on any card of this account is refused while one is in doubt
    expect(sim().card).toBeNull();
    sim().insert({ ...card, counter: 1, creditCenti: 2000, totalCenti: 2000 });
    const again = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    const recovered = await clerk.call('cards.recover', { writeId, action: 'retry' });
    expect(recovered).toMatchObject({ ok: true, value: { abandoned: false, totalFen: 6900, credit: 2000, counter: 1 } });
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000 });
    expect(rechargeSum()).toBe(6900);
    expect(await clerk.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(rechargeSum()).toBe(6900);
  });

  it('card pulled before the write reached it: retry writes it once; abandon charges nothing', async () => {
    const clerk = await issued();
    const card = cardNow();
    sim().faults.nextWrite = 'pull_before_apply';
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    sim().insert(card);
    const pending = host.cards.pending();
    expect(pending).toHaveLength(1);
    const retried = await clerk.call('cards.recover', { writeId: first(pending).id, action: 'retry' });
    expect(retried).toMatchObject({ ok: true, value: { credit: 2000, counter: 1 } });
    expect(rechargeSum()).toBe(6900);

    sim().faults.nextWrite = 'pull_before_apply';
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '10', tendered: '40' });
    sim().insert({ ...card, counter: 1, creditCenti: 2000, totalCenti: 2000 });
    const second = first(host.cards.pending()).id;
    expect(await clerk.call('cards.recover', { writeId: second, action: 'abandon' })).toMatchObject({ ok: true, value: { abandoned: true } });
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000 });
    expect(rechargeSum()).toBe(6900);
    expect(host.cards.pending()).toEqual([]);
  });

  it('a lost reply is settled on the spot by reading the card; lost and garbled READ replies are retried', async () => {
    const clerk = await issued();
    sim().faults.nextWrite = 'lose_reply';
    const res = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(res).toMatchObject({ ok: true, value: { credit: 2000 } });
    expect(n("SELECT count(*) FROM card_write_outcomes WHERE note LIKE '%reply lost%'")).toBe(1);
    sim().faults.garbleNextReply = true;
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: true, value: { card: { counter: 1 } } });
    sim().faults.dropNextReply = true;
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: true, value: { card: { counter: 1 } } });
    expect(rechargeSum()).toBe(6900);
  });

  it('a write the card refused is abandoned with no charge', async () => {
    const clerk = await issued();
    sim().faults.nextWrite = 'write_failed';
    const res = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(res).toMatchObject({ ok: false, error: { code: 'CARD_ERROR' } });
    if (!res.ok) expect(res.error.message).toContain('本次未收费');
    expect(rechargeSum()).toBe(0);
    expect(n("SELECT count(*) FROM card_write_outcomes WHERE outcome = 'abandoned'")).toBe(1);
    expect(cardNow()).toMatchObject({ counter: 0, creditCenti: 0 });
  });

  it('unplugging the reader: a read reconnects; a write cut off by the unplug is settled by the counter', async () => {
    const clerk = await issued();
    await host.cardDevice?.unplug();
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: true, value: { card: { counter: 0 } } });
    sim().faults.nextWrite = 'lose_reply';
    const inFlight = clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    setTimeout(() => void host.cardDevice?.unplug(), 60);
    expect(await inFlight).toMatchObject({ ok: true, value: { credit: 2000, counter: 1 } });
    expect(rechargeSum()).toBe(6900);
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000 });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });
});

describe('restart with a write in doubt', () => {
  it('a pending write survives the restart and is confirmed once on the new host', async () => {
    const clerk = await issued();
    sim().faults.nextWrite = 'pull_after_apply';
    const card = cardNow();
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const written = { ...card, counter: 1, creditCenti: 2000, totalCenti: 2000 };
    const dir = host.dir;
    host.close(); // the app goes down with the purchase in doubt
    host = makeTestHost({ dir, seed: false });
    const after = await signIn(host);
    const pending = await after.call('cards.pending', {});
    expect(pending.ok && pending.value).toHaveLength(1);
    sim().insert(written);
    const writeId = first(host.cards.pending()).id;
    expect(await after.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: true, value: { credit: 2000, counter: 1 } });
    expect(rechargeSum()).toBe(6900);
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000 });
  });
});

describe('补卡 and census', () => {
  it('charges 10 yuan on a quota invoice, retires the old card, continues the counter (R-IC-02)', async () => {
    const clerk = await issued();
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '69' });
    const old = cardNow();
    sim().insertBlank();
    const res = await clerk.call('cards.issue', { accountId, issueType: '补卡', reason: '卡遗失', tendered: '10' });
    expect(res).toMatchObject({ ok: true, value: { cardNo: '20245555-2', counter: 1, feeFen: 1000, changeFen: 0 } });
    expect(host.store.sqlite.prepare("SELECT charge_type, invoice_category, fee_fen FROM payments WHERE charge_type = '补卡费'").get()).toEqual({ charge_type: '补卡费', invoice_category: '定额', fee_fen: 1000 });
    expect(host.store.sqlite.prepare('SELECT card_no, active FROM ic_cards ORDER BY card_no').all()).toEqual([
      { card_no: '20245555-1', active: 0 },
      { card_no: '20245555-2', active: 1 },
    ]);
    sim().insert(old);
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '5', tendered: '20' })).toMatchObject({ ok: false, error: { code: 'CARD_ERROR' } });
  });

  it('free when the company is at fault (R-IC-03)', async () => {
    const clerk = await issued();
    sim().insertBlank();
    const res = await clerk.call('cards.issue', { accountId, issueType: '补卡', reason: '卡质量问题', companyFault: true });
    expect(res).toMatchObject({ ok: true, value: { feeFen: 0, feeSlipNo: null } });
    expect(n("SELECT count(*) FROM payments WHERE charge_type = '补卡费'")).toBe(0);
  });

  it('census of a meter a reader reported (R-CENS-01): purchased 120, used 95, remaining 15 → abnormal, replace urgently (R-CENS-03)', async () => {
    const clerk = await issued();
    for (const v of ['50', '70']) await clerk.call('cards.recharge', { accountId, by: 'volume', value: v, tendered: '300' });
    const res = await clerk.call('cards.census', { accountId, from: '2026-01-01', to: '2026-12-31', remaining: '15', used: '95' });
    expect(res).toMatchObject({ ok: true, value: { purchased: 12000, normal: false, differenceCenti: 1000, suggestedPriority: '加急安排' } });
    if (res.ok) expect(res.value.note).toBe('普查发现气表故障：购气 120 方，实际用气 95 方，剩余 15 方，需换表');
    expect(await clerk.call('cards.census', { accountId, from: '2026-01-01', to: '2026-12-31', remaining: '25', used: '95' })).toMatchObject({ ok: true, value: { normal: true, privateUse: false, suggestions: [] } });
    if (res.ok) expect(res.value.suggestions).toEqual([{ type: '换表', note: res.value.note, priority: '加急安排' }]);
  });

  it('census of a 装表 meter with no ignition on record: private use, an urgent 点火 to sign the agreement (R-CENS-04, A-38)', async () => {
    const clerk = await signIn(host);
    const ids = addAccount(host, { accountNo: '50000077', name: '普查户', address: '温州市鹿城区普查路1号', customerType: 'IC卡', meterStatus: '装表' });
    const ask = { accountId: ids.accountId, from: '2026-01-01', to: '2026-12-31' };
    const ignition = { type: '点火', note: '该户为抄表员上门普查发现已通气,需补签点火协议', priority: '加急安排' };
    expect(await clerk.call('cards.census', { ...ask, remaining: '0', used: '0' })).toMatchObject({ ok: true, value: { normal: true, meterStatus: '装表', privateUse: true, suggestions: [ignition] } });
    const abnormal = await clerk.call('cards.census', { ...ask, remaining: '0', used: '5' });
    expect(abnormal).toMatchObject({ ok: true, value: { normal: false, privateUse: true } });
    if (abnormal.ok) expect(abnormal.value.suggestions.map((g) => g.type)).toEqual(['换表', '点火']);
    // once an ignition is accepted the household is no longer unknown to the system
    await clerk.call('businesses.accept', { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13900000077', priority: '加急安排' });
    expect(await clerk.call('cards.census', { ...ask, remaining: '0', used: '0' })).toMatchObject({ ok: true, value: { privateUse: false, suggestions: [] } });
  });
});

describe('reversal of a recharge writes the volume back first', () => {
  const approver = { login: 'manager01', password: '123456' };
  it('needs the card with the credit still on it; mirrors the payment exactly', async () => {
    const clerk = await issued();
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const rev = await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '用户输错气量', approver });
    expect(rev).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000002', totalFen: -6900, changeFen: 6900, card: { volume: -2000, credit: 0 } } });
    expect(cardNow()).toMatchObject({ counter: 2, creditCenti: 0, totalCenti: 0 });
    expect(rechargeSum()).toBe(0);
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '再次冲正', approver })).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    // the next recharge continues from the card's counter
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '5', tendered: '20' })).toMatchObject({ ok: true, value: { counter: 3 } });
  });

  it('a reversal left in doubt past midnight is confirmed on its own business day', async () => {
    const clerk = await issued();
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '用户输错气量', approver })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    host.clock.current = new Date('2026-11-23T16:30:00.000Z'); // 00:30 the next day in the hall
    sim().insert({ ...card, counter: 2, creditCenti: 0, totalCenti: 0 });
    const writeId = first(host.cards.pending()).id;
    const afterMidnight = await signIn(host); // the screen locked in the meantime
    expect(await afterMidnight.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: true, value: { totalFen: -6900, credit: 0 } });
    expect(host.store.sqlite.prepare('SELECT business_date FROM payments WHERE reverses_payment_id IS NOT NULL').pluck().get()).toBe('2026-11-23');
    expect(rechargeSum()).toBe(0);
  });

  it('refused once the gas went into the meter', async () => {
    const clerk = await issued();
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    sim().loadIntoMeter();
    const rev = await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '用户反悔', approver });
    expect(rev).toMatchObject({ ok: false, error: { code: 'NOT_REVERSIBLE' } });
    expect(n('SELECT count(*) FROM card_writes')).toBe(1);
    expect(rechargeSum()).toBe(6900);
  });
});

describe('tickets pay an IC-card recharge (R-TKT-13)', () => {
  const back = { backName: '李四', backAddress: '学院路6号' };
  it('4 gas tickets pay 20 m³ of a 25 m³ recharge; the rest in cash', async () => {
    const clerk = await issued();
    const res = await clerk.call('cards.recharge', {
      accountId,
      by: 'volume',
      value: '25',
      tendered: '20',
      tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 4, ...back }],
    });
    // 25 m³ = 86.25; tickets 20 m³ = 69.00; cash due 17.25
    expect(res).toMatchObject({ ok: true, value: { totalFen: 8625, tenderedFen: 2000, changeFen: 275, credit: 2500 } });
    expect(host.store.sqlite.prepare("SELECT method, ticket_fen, gas_fen FROM payments WHERE charge_type = '充值费'").get()).toEqual({ method: '燃气票', ticket_fen: 6900, gas_fen: 8625 });
    expect(host.store.sqlite.prepare('SELECT kind, count, volume_centi, back_name FROM ticket_tenders').get()).toEqual({ kind: '燃气票', count: 4, volume_centi: 2000, back_name: '李四' });
  });

  it('refuses more ticket volume than the purchase, and expired tickets, without touching the card', async () => {
    const clerk = await issued();
    const more = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '10', tendered: '0', tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 3, ...back }] });
    expect(more).toMatchObject({ ok: false, error: { code: 'TICKET_REFUSED' } });
    const expired = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '10', tendered: '0', tickets: [{ kind: '燃气票', year: 2026, quarter: 2, count: 2, ...back }] });
    expect(expired).toMatchObject({ ok: false, error: { code: 'TICKET_REFUSED' } });
    expect(cardNow()).toMatchObject({ counter: 0, creditCenti: 0 });
    expect(n('SELECT count(*) FROM card_writes')).toBe(0);
  });
});

describe('closed business day (issue 10 #1, R-IC-07)', () => {
  const closeDay = (at = '2026-11-23T09:00:00.000Z') => markDayClosed(host, { date: '2026-11-23', closedAt: at });
  const ledger = () => host.store.sqlite.prepare("SELECT business_date, total_fen, late_card_write_id FROM payments WHERE charge_type = '充值费'").all();

  it('a recharge on a closed day changes nothing on the card and nothing in the ledger', async () => {
    const clerk = await issued();
    closeDay();
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    expect(clerk).toBeDefined();
    const evening = await signIn(host); // the screen locked in the meantime
    const res = await evening.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    expect(res).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    expect(cardNow()).toMatchObject({ counter: 0, creditCenti: 0, totalCenti: 0 });
    expect(n('SELECT count(*) FROM card_writes')).toBe(0);
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    expect(host.cards.pending()).toEqual([]);
  });

  it('补卡 with its 10-yuan fee on a closed day is refused before the blank card is written', async () => {
    await issued();
    closeDay();
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    const evening = await signIn(host);
    sim().insertBlank();
    const res = await evening.call('cards.issue', { accountId, issueType: '补卡', reason: '卡遗失', tendered: '10' });
    expect(res).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    expect(cardNow()).toMatchObject({ blank: true });
    expect(n('SELECT count(*) FROM ic_cards')).toBe(1);
    expect(n('SELECT count(*) FROM payments')).toBe(0);
  });

  it('a write in doubt across the close is settled by 恢复 onto its own day, flagged for the manager', async () => {
    const clerk = await issued();
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    const writeId = host.cards.pending()[0]?.id ?? '';
    closeDay();
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    sim().insert({ ...card, counter: 1, creditCenti: 2000, totalCenti: 2000 });
    const clerk2 = await signIn(host);
    const res = await clerk2.call('cards.recover', { writeId, action: 'retry' });
    expect(res).toMatchObject({ ok: true, value: { abandoned: false, totalFen: 6900, credit: 2000, counter: 1, latePosted: true } });
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000 });
    expect(ledger()).toEqual([{ business_date: '2026-11-23', total_fen: 6900, late_card_write_id: writeId }]);
    expect(host.cards.pending()).toEqual([]);
    const flagged = await clerk2.call('cards.flagged', {});
    expect(flagged).toMatchObject({ ok: true, value: [{ writeId, cardNo: '20245555-1', accountNo: '20245555', businessDate: '2026-11-23', totalFen: 6900 }] });
    // another hall's counter does not see this hall's late rows
    expect(await (await signIn(host, 'clerk03', 'counter-hl01')).call('cards.flagged', {})).toEqual({ ok: true, value: [] });
    // the closed day still refuses everything else, including a second settlement of the same write
    const db = host.store.sqlite;
    expect(() => db.prepare("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date) VALUES ('X', 'counter-lc01', 99, 'hall-lc', '2026-11-23')").run()).toThrow('business day closed');
    expect(() => db.prepare("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date, late_card_write_id) VALUES ('Y', 'counter-lc01', 98, 'hall-lc', '2026-11-23', ?)").run(`${writeId}x`)).toThrow('business day closed');
    // (the write's late slip is taken: the no-replace guard of check_slips, issue 13 #4, may answer before the closed day's)
    expect(() => db.prepare("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date, late_card_write_id) VALUES ('Z', 'counter-lc01', 97, 'hall-lc', '2026-11-23', ?)").run(writeId)).toThrow(
      /business day closed|check_slips: append-only/,
    );
    expect(rechargeSum()).toBe(6900);
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('the database admits a late row only for an unsettled write begun before the close', async () => {
    const clerk = await issued();
    sim().faults.nextWrite = 'pull_after_apply';
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const writeId = host.cards.pending()[0]?.id ?? '';
    closeDay('2026-11-23T01:00:00.000Z'); // "closed" before the write began
    const db = host.store.sqlite;
    expect(() => db.prepare("INSERT INTO check_slips (slip_no, counter_id, seq, hall_id, business_date, late_card_write_id) VALUES ('Y', 'counter-lc01', 98, 'hall-lc', '2026-11-23', ?)").run(writeId)).toThrow('business day closed');
    expect(() =>
      db
        .prepare("INSERT INTO payments (id, slip_no, account_id, hall_id, counter_id, clerk_id, business_date, method, charge_type, gas_fen, late_fee_fen, total_fen, tendered_fen, change_fen, late_card_write_id) VALUES ('p', 'LC01-00000001', ?, 'hall-lc', 'counter-lc01', 'staff-clerk01', '2026-11-23', '现金', '充值费', 6900, 0, 6900, 6900, 0, ?)")
        .run(accountId, writeId),
    ).toThrow('business day closed');
    expect(n('SELECT count(*) FROM payments')).toBe(0);
  });

  it('放弃 across the close: a written card is still charged (onto its day), an unwritten one costs nothing', async () => {
    const clerk = await issued();
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const written = host.cards.pending()[0]?.id ?? '';
    sim().insert({ ...card, counter: 1, creditCenti: 2000, totalCenti: 2000 });
    // the first write was applied; the clerk's 放弃 cannot give the gas away
    closeDay();
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    const clerk2 = await signIn(host);
    expect(await clerk2.call('cards.recover', { writeId: written, action: 'abandon' })).toMatchObject({ ok: true, value: { abandoned: false, totalFen: 6900, latePosted: true } });
    expect(rechargeSum()).toBe(6900);
    expect(cardNow()).toMatchObject({ counter: 1, creditCenti: 2000 });
    expect(host.cards.pending()).toEqual([]);
  });

  it('a 冲正 left in doubt across the close is settled onto its day, card and ledger agreeing', async () => {
    const clerk = await issued();
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    const approver = { login: 'manager01', password: '123456' };
    expect(await clerk.call('payments.reverse', { slipNo: 'LC01-00000001', reason: '用户输错气量', approver })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    const writeId = host.cards.pending()[0]?.id ?? '';
    closeDay();
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    sim().insert({ ...card, counter: 2, creditCenti: 0, totalCenti: 0 });
    const clerk2 = await signIn(host);
    expect(await clerk2.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: true, value: { totalFen: -6900, credit: 0, latePosted: true, businessDate: '2026-11-23' } });
    expect(rechargeSum()).toBe(0);
    expect(cardNow()).toMatchObject({ counter: 2, creditCenti: 0 });
    expect(n('SELECT count(*) FROM payments WHERE late_card_write_id IS NOT NULL')).toBe(1);
    // a new purchase on the closed day is still refused before the card is touched
    expect(await clerk2.call('cards.recharge', { accountId, by: 'volume', value: '5', tendered: '20' })).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    expect(cardNow()).toMatchObject({ counter: 2, creditCenti: 0 });
  });

  it('放弃 across the close of a write that never reached the card: no charge, card unchanged', async () => {
    const clerk = await issued();
    const card = cardNow();
    sim().faults.nextWrite = 'pull_before_apply';
    await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' });
    const writeId = host.cards.pending()[0]?.id ?? '';
    closeDay();
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    sim().insert(card);
    const clerk2 = await signIn(host);
    // 恢复 (retry) may not write anything more onto a closed day
    expect(await clerk2.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: false, error: { code: 'DAY_CLOSED' } });
    expect(cardNow()).toMatchObject({ counter: 0, creditCenti: 0 });
    expect(await clerk2.call('cards.recover', { writeId, action: 'abandon' })).toMatchObject({ ok: true, value: { abandoned: true } });
    expect(cardNow()).toMatchObject({ counter: 0, creditCenti: 0 });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    expect(host.cards.pending()).toEqual([]);
  });
});

describe('a tender far above the amount due needs the clerk’s confirmation (issue 10 #5)', () => {

  it('a recharge tendered 9999999.99 is refused before the card is written; confirmed, it is posted with the confirmation', async () => {
    const clerk = await issued();
    const refused = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '9999999.99' });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'NEEDS_CONFIRMATION',
        field: 'tendered',
        message: '实收 9999999.99 元比应收 69.00 元多出 1000 元以上，请核对实收金额；确认无误请勾选“确认实收金额”后再收费',
      },
    });
    expect(cardNow()).toMatchObject({ counter: 0, creditCenti: 0, totalCenti: 0 });
    expect(n('SELECT count(*) FROM card_writes')).toBe(0);
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    const ok = await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '9999999.99', confirmLargeTender: true });
    expect(ok).toMatchObject({ ok: true, value: { totalFen: 6900, tenderedFen: 999999999, changeFen: 999993099, counter: 1, credit: 2000 } });
    const stored = '实收 9999999.99 元比应收 69.00 元多出 1000 元以上，收费员确认';
    expect(host.store.sqlite.prepare("SELECT tendered_fen, change_fen, confirmation FROM payments WHERE charge_type = '充值费'").get()).toEqual({
      tendered_fen: 999999999, change_fen: 999993099, confirmation: stored,
    });
    expect(lastAuditDetail(host, 'card.write.begin')).toMatchObject({ confirmation: stored });
    expect(lastAuditDetail(host, 'card.write.confirm')).toMatchObject({ confirmation: stored });
    expect(verifyAuditChain(host.store.db).ok).toBe(true);
  });

  it('a usual tender needs no confirmation and stores none; a write in doubt keeps its confirmation until 恢复', async () => {
    const clerk = await issued();
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '1069' })).toMatchObject({ ok: true, value: { changeFen: 100000 } });
    expect(n("SELECT count(*) FROM payments WHERE confirmation IS NULL")).toBe(1);
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '2000', confirmLargeTender: true })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    const writeId = host.cards.pending()[0]?.id ?? '';
    sim().insert({ ...card, counter: 2, creditCenti: 4000, totalCenti: 4000 });
    expect(await clerk.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: true, value: { abandoned: false, changeFen: 193100 } });
    expect(host.store.sqlite.prepare('SELECT confirmation FROM payments WHERE business_ref = ?').pluck().get(writeId)).toBe(
      '实收 2000.00 元比应收 69.00 元多出 1000 元以上，收费员确认',
    );
  });

  it('补卡: a 10-yuan fee tendered 5000 is refused before the blank card is written; confirmed, stored on the fee row', async () => {
    const clerk = await issued();
    sim().insertBlank();
    const refused = await clerk.call('cards.issue', { accountId, issueType: '补卡', reason: '卡遗失', tendered: '5000' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NEEDS_CONFIRMATION', field: 'tendered' } });
    expect(cardNow()).toMatchObject({ blank: true });
    expect(n('SELECT count(*) FROM payments')).toBe(0);
    const ok = await clerk.call('cards.issue', { accountId, issueType: '补卡', reason: '卡遗失', tendered: '5000', confirmLargeTender: true });
    expect(ok).toMatchObject({ ok: true, value: { cardNo: '20245555-2', feeFen: 1000, changeFen: 499000 } });
    const stored = '实收 5000.00 元比应收 10.00 元多出 1000 元以上，收费员确认';
    expect(host.store.sqlite.prepare("SELECT confirmation FROM payments WHERE charge_type = '补卡费'").pluck().get()).toBe(stored);
    expect(lastAuditDetail(host, 'payment.fee')).toMatchObject({ confirmation: stored });
  });
});

describe('日结 shows the card writes posted onto a closed day after its close (issue 10 #1, R-IC-07)', () => {
  it('day.report and day.month state the late rows apart: closed figures + late rows = the ledger, to the fen', async () => {
    const clerk = await issued();
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '20', tendered: '100' })).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000001', totalFen: 6900 } });
    const card = cardNow();
    sim().faults.nextWrite = 'pull_after_apply';
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '10', tendered: '40' })).toMatchObject({ ok: false, error: { code: 'CARD_WRITE_UNCERTAIN' } });
    const writeId = host.cards.pending()[0]?.id ?? '';
    // the real close: the clerk's 日收银报表 (the 69.00 taken, deposited), reviewed, then the manager's 日结
    expect(await clerk.call('cashReport.submit', { deposited: '69', denominations: {} })).toMatchObject({ ok: true });
    expect(await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: { login: 'manager01', password: '123456' } })).toMatchObject({ ok: true });
    host.clock.current = new Date('2026-11-23T09:00:00.000Z');
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    expect(await boss.call('day.close', { date: '2026-11-23' })).toMatchObject({ ok: true, value: { report: { closeNo: 'RJ-LC-00001', all: { count: 1, totalFen: 6900, cashFen: 6900 } } } });
    host.clock.current = new Date('2026-11-23T10:00:00.000Z');
    sim().insert({ ...card, counter: 2, creditCenti: 3000, totalCenti: 3000 });
    const evening = await signIn(host);
    expect(await evening.call('cards.recover', { writeId, action: 'retry' })).toMatchObject({ ok: true, value: { slipNo: 'LC01-00000002', totalFen: 3450, latePosted: true } });

    const lateRow = {
      businessDate: '2026-11-23',
      slipNo: 'LC01-00000002',
      chargeType: '充值费',
      method: '现金',
      totalFen: 3450,
      cashFen: 3450,
      cardNo: '20245555-1',
      accountNo: '20245555',
      name: '李四',
      clerkName: '王丽',
      postedAt: '2026-11-23T10:00:00.000Z',
    };
    const manager = await signIn(host, 'manager01', 'counter-lc02'); // the screen locked in the meantime
    const report = await manager.call('day.report', { date: '2026-11-23' });
    expect(report).toMatchObject({
      ok: true,
      value: {
        closeNo: 'RJ-LC-00001',
        all: { count: 1, totalFen: 6900, cashFen: 6900 },
        late: { count: 1, totalFen: 3450, cashFen: 3450, rows: [lateRow] },
        ledger: { count: 2, totalFen: 10350, cashFen: 10350 },
      },
    });
    const month = await manager.call('day.month', { month: '2026-11' });
    expect(month).toMatchObject({
      ok: true,
      value: {
        closedDays: ['2026-11-23'],
        openDays: [],
        closedAll: { count: 1, totalFen: 6900, cashFen: 6900 },
        byCharge: [{ chargeType: '充值费', count: 1, totalFen: 6900, cashFen: 6900 }],
        late: { count: 1, totalFen: 3450, cashFen: 3450, byCharge: [{ chargeType: '充值费', count: 1, totalFen: 3450, cashFen: 3450 }], rows: [lateRow] },
        ledger: { all: { count: 2, totalFen: 10350, cashFen: 10350 }, byCharge: [{ chargeType: '充值费', count: 2, totalFen: 10350, cashFen: 10350 }] },
      },
    });
    // the ledger itself, independently
    expect(n("SELECT sum(total_fen) FROM payments WHERE business_date = '2026-11-23'")).toBe(10350);
  });
});
