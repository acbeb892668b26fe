/**
 * Issue 10 #20 (first step of audit anchoring): the hash chain alone accepts a cut tail or a full re-hash, so
 * the chain head (seq + hash prefix) is printed on the 日结 report and recorded with each cash report and
 * close; verify compares the chain with every recorded head and with heads read off the paper.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { auditHash, GENESIS_HASH } from '../../main/domain/audit-hash.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { addAccount, addBill, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost();
  const a = addAccount(host, { accountNo: '95000001', name: '审计户', address: '温州市鹿城区审计路1号', reading: 12300 });
  addBill(host, a, { id: 'a-1', readingDate: '2026-11-10', previous: 10000, current: 12300, amountFen: 7935, dueDate: '2026-12-10' });
});
afterEach(() => host.dispose());

const manager = { login: 'manager01', password: '123456' };
const n = (sql: string) => scalar(host, sql);

/** A day taken, reported, reviewed and closed; returns the close's printed receipt text. */
async function closedDay() {
  const clerk = await signIn(host);
  expect(await clerk.call('payments.payCash', { accountId: 'acc-95000001', billIds: ['a-1'], tendered: '100', expectedTotalFen: 7935 })).toMatchObject({ ok: true });
  const submitted = await clerk.call('cashReport.submit', { deposited: '79.35', denominations: {} });
  expect(submitted).toMatchObject({ ok: true });
  await clerk.call('cashReport.review', { clerkLogin: 'clerk01', reviewer: manager });
  const boss = await signIn(host, 'manager01', 'counter-lc02');
  const closed = await boss.call('day.close', { date: '2026-11-23' });
  if (!closed.ok) throw new Error(closed.error.message);
  const { head } = closed.value.report;
  if (!head) throw new Error('the closed day has no audit head');
  return { clerk, boss, closed: { ...closed.value, report: { ...closed.value.report, head } }, printed: decodeEscPos(host.sim.jobs.at(-1) ?? Buffer.alloc(0)).join('\n') };
}

/** What someone with the file can do: rewrite a row and re-hash everything after it, recorded heads included. */
function forgeAndRehash(fromSeq: number) {
  const db = host.store.sqlite;
  db.exec('DROP TRIGGER audit_log_no_update');
  db.exec('DROP TRIGGER IF EXISTS audit_heads_no_update');
  db.prepare("UPDATE audit_log SET detail = replace(detail, '7935', '1') WHERE seq = ?").run(fromSeq);
  let prev = GENESIS_HASH;
  const rows = db.prepare('SELECT seq, at, actor_id AS actorId, action, entity, entity_id AS entityId, detail FROM audit_log ORDER BY seq').all() as Parameters<typeof auditHash>[1][];
  for (const row of rows) {
    const hash = auditHash(prev, row);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
    prev = hash;
  }
  db.exec('UPDATE audit_heads SET hash = (SELECT l.hash FROM audit_log l WHERE l.seq = audit_heads.seq)');
}

describe('the chain head on paper and on record (issue 10 #20)', () => {
  it('prints the head on the 日结 report and records it with each cash report and close', async () => {
    const { closed, printed, clerk } = await closedDay();
    const last = host.store.sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    expect(closed.report.head).toEqual(last);
    expect(printed).toContain(`审计链头:${' '.repeat(48 - 9 - (`#${last.seq} ${last.hash.slice(0, 12)}`).length)}#${last.seq} ${last.hash.slice(0, 12)}`);
    expect(host.store.sqlite.prepare('SELECT kind, business_date AS date, hall_id AS hall FROM audit_heads ORDER BY seq').all()).toEqual([
      { kind: 'cash_report', date: '2026-11-23', hall: 'hall-lc' },
      { kind: 'day.close', date: '2026-11-23', hall: 'hall-lc' },
    ]);
    const draft = await clerk.call('cashReport.draft', {});
    const reportHead = host.store.sqlite.prepare("SELECT seq, hash FROM audit_heads WHERE kind = 'cash_report'").get() as { seq: number; hash: string };
    expect(draft).toMatchObject({ ok: true, value: { submitted: { head: reportHead } } });
    expect(verifyAuditChain(host.store.db)).toMatchObject({ ok: true, mismatches: [] });
  });

  it('a recorded head must be a row of the chain, and never changes (database guards)', async () => {
    await closedDay();
    const db = host.store.sqlite;
    expect(() => db.prepare("INSERT INTO audit_heads (seq, hash, hall_id, business_date, kind, ref) VALUES (1, 'ab', 'hall-lc', '2026-11-23', 'day.close', 'x')").run()).toThrow('audit head');
    expect(() => db.prepare("UPDATE audit_heads SET hash = 'x'").run()).toThrow('audit heads');
    expect(() => db.prepare('DELETE FROM audit_heads').run()).toThrow('audit heads');
  });

  it('a cut tail is reported against the recorded head', async () => {
    const { boss, closed } = await closedDay();
    const db = host.store.sqlite;
    const head = closed.report.head.seq;
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head - 1); // the close and the review are gone
    const check = verifyAuditChain(host.store.db);
    expect(check).toMatchObject({ ok: false, brokenAtSeq: null, rows: head - 2, head: { seq: head - 2 } });
    expect(check.mismatches).toEqual([
      { seq: head, source: 'recorded', kind: 'CHAIN_SHORTER', message: `审计链只有 ${head - 2} 条，短于已记录的链头 #${head}（chain shorter than recorded head）` },
    ]);
    expect(await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ ok: true, value: { verified: false, mismatches: [{ seq: head, kind: 'CHAIN_SHORTER' }] } });
  });

  it('a re-hashed forged chain passes on its own and is reported against the printed head', async () => {
    const { boss, printed, closed } = await closedDay();
    const paySeq = n("SELECT seq FROM audit_log WHERE action = 'payment.cash'");
    forgeAndRehash(paySeq);
    expect(verifyAuditChain(host.store.db)).toMatchObject({ ok: true, mismatches: [] }); // the chain and its records agree with each other
    const onPaper = /审计链头:\s+(#\d+ [0-9a-f]{12})/.exec(printed)?.[1] ?? '';
    expect(onPaper).toBe(`#${closed.report.head.seq} ${closed.report.head.hash.slice(0, 12)}`);
    const head = closed.report.head.seq;
    expect(verifyAuditChain(host.store.db, [{ seq: head, hash: closed.report.head.hash.slice(0, 12) }])).toMatchObject({
      ok: false,
      mismatches: [{ seq: head, source: 'printed', kind: 'HASH_DIFFERS', message: `第 ${head} 条的哈希与打印的链头不符（hash differs at seq ${head}）` }],
    });
    expect(await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30', heads: [onPaper] })).toMatchObject({
      ok: true,
      value: { verified: false, mismatches: [{ seq: head, source: 'printed', kind: 'HASH_DIFFERS' }] },
    });
    // a printed head beyond the chain's end is a cut
    expect(await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30', heads: [`#${head + 5} ${'0'.repeat(12)}`] })).toMatchObject({
      ok: true,
      value: { verified: false, mismatches: [{ seq: head + 5, source: 'printed', kind: 'CHAIN_SHORTER' }] },
    });
    expect(await boss.call('audit.export', { from: '2026-11-01', to: '2026-11-30', heads: ['第5条'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'heads' } });
  });
});
