/**
 * Issue 13 #6: reports, exports, statistics and the bank's checks run on a worker thread with a read-only
 * connection. A payment is not queued behind a slow report; the answers are those of the same services in
 * the back end's thread; a failure there is typed, and a crashed worker is replaced by the next job.
 */
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../main/services/context.js';
import { readsInProcess, type ReadJob, type ReadInput } from '../../main/services/read-jobs.js';
import { injectReadFault, READ_WORKER_FAILED, ReadWorkerClient, readWorkersStarted } from '../../main/services/read-worker.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { addAccount, addBill, addRoute, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { withholdRoute } from '../fixtures/data.js';
import { fen } from '../../preload/kernel/money.js';

let host: TestHost;
let ids: { accountId: string; meterId: string };

beforeEach(() => {
  host = makeTestHost();
  ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号', reading: 12300 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 10000, current: 12300, amountFen: fen(7935), dueDate: '2026-11-19' });
  addBill(host, ids, { id: 'bill-2', readingDate: '2026-11-20', previous: 12300, current: 13300, amountFen: fen(3450), dueDate: '2026-12-20' });
});
afterEach(() => {
  injectReadFault(null);
  host.dispose();
});

const clerkActor: Actor = { staffId: 'staff-clerk01', staffName: '王丽', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口' };

describe('heavy reads on the read worker (issue 13 #6)', () => {
  it('a payment completes before a slow report that was asked first', async () => {
    const clerk = await signIn(host);
    const order: string[] = [];
    // the report's query keeps the worker busy until the test lets it go
    const gate = new SharedArrayBuffer(4);
    injectReadFault({ gate });
    const report = clerk.call('reports.cash', { from: '2026-11-01', to: '2026-11-30' }).then((res) => {
      order.push('report');
      return res;
    });
    injectReadFault(null);
    const payment = clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '100', expectedTotalFen: 7985 }).then((res) => {
      order.push('payment');
      return res;
    });
    const paid = await payment;
    expect(order).toEqual(['payment']);
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    const reported = await report;
    expect(paid).toMatchObject({ ok: true });
    expect(reported).toMatchObject({ ok: true });
    expect(order).toEqual(['payment', 'report']);
  });

  it('the totals’ check (day.verifyTotals, a scan of the whole ledger) runs there too: a payment does not wait for it (issue 13 #2)', async () => {
    const clerk = await signIn(host);
    const boss = await signIn(host, 'manager01', 'counter-lc02');
    const order: string[] = [];
    const gate = new SharedArrayBuffer(4);
    injectReadFault({ gate });
    const check = boss.call('day.verifyTotals', {}).then((res) => {
      order.push('check');
      return res;
    });
    injectReadFault(null);
    const paid = await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '100', expectedTotalFen: 7985 }).then((res) => {
      order.push('payment');
      return res;
    });
    expect(order).toEqual(['payment']);
    Atomics.store(new Int32Array(gate), 0, 1);
    Atomics.notify(new Int32Array(gate), 0);
    expect(paid).toMatchObject({ ok: true });
    expect(await check).toMatchObject({ ok: true, value: { ok: true, mismatches: [] } });
    expect(order).toEqual(['payment', 'check']);
  });

  it('answers as the services in the back end’s thread do, errors included', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '100', expectedTotalFen: 7985 })).toMatchObject({ ok: true });
    addRoute(host, '周抄表', 12);
    withholdRoute(host, '周抄表', { spread: 5 });
    const gen = await clerk.call('bank.generate', { bank: '建行' });
    if (!gen.ok) throw new Error(gen.error.message);
    const file = iconv.encode(answerBankFile('建行', iconv.decode(Buffer.from(gen.value.base64, 'base64'), 'gbk'), (i) => (i === 3 ? '余额不足' : null)), 'gbk').toString('base64');
    expect(await clerk.call('bank.writeOff', { runId: gen.value.runId, file })).toMatchObject({ ok: true });

    const worker = new ReadWorkerClient(host.store.sqlite.name, host.deps);
    const here = readsInProcess(host.deps);
    const outcome = async (p: Promise<unknown>) => p.then((value) => ({ value }), (error: unknown) => ({ error: error instanceof Error ? { ...error, message: error.message, name: error.name } : error }));
    const same = async <J extends ReadJob>(job: J, input: ReadInput<J>) => {
      const there = await outcome(worker.run(job, clerkActor, input));
      expect(there, job).toEqual(await outcome(here.run(job, clerkActor, input)));
      return there;
    };
    expect(await same('reports.cash', { from: '2026-11-01', to: '2026-11-30' })).toMatchObject({ value: { byCharge: [{ count: 12 - 1 + 1 }] } });
    await same('reports.cash', { from: '2026-11-01', to: '2026-11-30', clerkLogin: 'clerk01' });
    await same('reports.readings', { from: '2026-10-01', to: '2026-11-30' });
    await same('reports.arrears', {});
    await same('audit.export', { from: '2026-11-01', to: '2026-11-30' });
    await same('day.status', { date: '2026-11-23' });
    expect(await same('day.report', { date: '2026-11-23' })).toEqual({ error: expect.objectContaining({ code: 'NOT_FOUND', field: 'date' }) });
    await same('day.month', { month: '2026-11' });
    expect(await same('day.verifyTotals', { date: '2026-11-23' })).toMatchObject({ value: { ok: true, mismatches: [] } });
    await same('day.verifyTotals', {});
    await same('stats.meterBusiness', { from: '2026-11-01', to: '2026-11-30', hallId: null });
    await same('stats.meterBusinessList', { from: '2026-11-01', to: '2026-11-30', hallId: 'hall-lc', kind: '点火' });
    await same('stats.ignitionsByCommunity', { month: '2026-11', hallId: null });
    expect(await same('bank.postCheck', { date: '2026-11-23' })).toMatchObject({ value: [{ bank: '建行', count: 11 }] });
    await same('bank.monthly', { month: '2026-11' });
    await same('bank.quarterly', { year: 2026, quarter: 4 });
    // and through the router, typed as before
    expect(await clerk.call('bank.postCheck', { date: '2026-11-23' })).toMatchObject({ ok: true, value: [{ bank: '建行', count: 11 }] });
  });

  it('a crashed worker gives a typed error to its job; the next job gets a new worker; the process carries on', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('reports.arrears', {})).toMatchObject({ ok: true });
    const before = readWorkersStarted();
    injectReadFault({ crash: true });
    expect(await clerk.call('reports.arrears', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: READ_WORKER_FAILED } });
    injectReadFault(null);
    expect(await clerk.call('reports.arrears', {})).toMatchObject({ ok: true, value: { rows: [{ accountNo: '20240001' }] } });
    expect(readWorkersStarted()).toBe(before + 1);
    // the counter's own calls never stopped
    expect(await clerk.call('payments.payCash', { accountId: ids.accountId, billIds: ['bill-1'], tendered: '100', expectedTotalFen: 7985 })).toMatchObject({ ok: true });
  });
});
