/**
 * Issue 10 #10: large bank returns (R-BANK-05, up to 80 MB) go to main in chunks over the contract
 * (upload.begin / chunk / end, per session, bounded, expiring), in Electron and through the harness,
 * whose frames are capped at 256 KB; the return's parse and check run in a worker thread, so other
 * counters' calls are answered meanwhile. The write-off's transaction stays on the owning connection.
 */
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../main/harness/server.js';
import { rendererDistDir } from '../../main/paths.js';
import { answerBankFile } from '../fixtures/bank-answer.js';
import type { Input, Method, Output, Result } from '../../preload/contract.js';
import { addRoute, ok, makeTestHost, signIn, type TestClient, type TestHost } from '../fixtures/host.js';
import { withholdRoute } from '../fixtures/data.js';

const LINES = 2_700;
let host: TestHost;
let harness: Harness;
let run: { runId: string; base64: string; count: number; totalFen: number };
let answered: Buffer;
let okFen = 0;
let failedFen = 0;

beforeAll(async () => {
  host = makeTestHost();
  addRoute(host, '周抄表', LINES);
  withholdRoute(host, '周抄表', { spread: 300 });
  const clerk = await signIn(host);
  const gen = await clerk.call('bank.generate', { bank: '建行' });
  if (!gen.ok) throw new Error(gen.error.message);
  run = gen.value;
  const sent = iconv.decode(Buffer.from(run.base64, 'base64'), 'gbk');
  const fails = (i: number) => (i % 9 === 0 ? '余额不足' : null);
  answered = iconv.encode(answerBankFile('建行', sent, fails), 'gbk');
  const amounts = host.store.sqlite.prepare('SELECT amount_fen AS a FROM bank_run_items WHERE run_id = ? ORDER BY line_no').pluck().all(run.runId) as number[];
  amounts.forEach((a, i) => (fails(i) ? (failedFen += a) : (okFen += a)));
  harness = await startHarness(host.router, rendererDistDir);
});
afterAll(async () => {
  await harness.close();
  host.dispose();
});

/** A signed-in harness page: the same frames the browser client sends. */
async function page() {
  const origin = `http://127.0.0.1:${harness.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/ws?token=${harness.token}`, { origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let next = 1;
  const waiting = new Map<number, (r: never) => void>();
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as { id: number; result: never };
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  const call = <M extends Method>(method: M, input: Input<M>) =>
    new Promise<Result<Output<M>>>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, input }));
    });
  const login = await call('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' });
  expect(login.ok).toBe(true);
  return { ws, call };
}

/** What the bank window does: begin, slices of chunkBytes as base64, end. */
async function upload(call: TestClient['call'], bytes: Buffer) {
  const begun = await call('upload.begin', { size: bytes.length });
  expect(begun).toMatchObject({ ok: true });
  const { uploadId, chunkBytes } = ok(begun);
  for (let at = 0, seq = 0; at < bytes.length; at += chunkBytes, seq++) {
    const res = await call('upload.chunk', { uploadId, seq, data: bytes.subarray(at, at + chunkBytes).toString('base64') });
    expect(res).toMatchObject({ ok: true, value: { received: Math.min(at + chunkBytes, bytes.length) } });
  }
  return { uploadId, end: await call('upload.end', { uploadId }) };
}

describe('a bank return larger than one harness frame (issue 10 #10)', () => {
  it('is more than 256 KB as the base64 the window sends, so it cannot go in one frame', () => {
    expect(answered.toString('base64').length).toBeGreaterThan(256 * 1024);
  });

  it('goes up in chunks through the harness, checks out and is written off once (R-BANK-05)', async () => {
    const { ws, call } = await page();
    const { uploadId, end } = await upload(call, answered);
    expect(end).toEqual({ ok: true, value: { uploadId, bytes: answered.length, sha256: createHash('sha256').update(answered).digest('hex') } });
    const okCount = LINES - Math.ceil(LINES / 9);
    const check = await call('bank.check', { runId: run.runId, upload: uploadId });
    expect(check).toEqual({
      ok: true,
      value: { runId: run.runId, bank: '建行', sentCount: LINES, sentFen: run.totalFen, okCount, okFen, failedCount: LINES - okCount, failedFen, problems: [] },
    });
    const off = await call('bank.writeOff', { runId: run.runId, upload: uploadId });
    expect(off).toEqual({ ok: true, value: { runId: run.runId, okCount, okFen, failedCount: LINES - okCount, failedFen, already: false } });
    expect(host.store.sqlite.prepare("SELECT count(*) FROM bank_run_items WHERE run_id = ? AND result = 'ok'").pluck().get(run.runId)).toBe(okCount);
    // the upload is spent with the write-off
    expect(await call('bank.check', { runId: run.runId, upload: uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    ws.close();
  });

  it('answers another counter while a big return is parsed in the worker', async () => {
    const clerk = await signIn(host);
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    const order: string[] = [];
    const checking = clerk.call('bank.check', { runId: run.runId, file: answered.toString('base64') }).then((r) => {
      order.push('check');
      return r;
    });
    const searching = other.call('accounts.search', { query: '锦绣路12号' }).then((r) => {
      order.push('search');
      return r;
    });
    const [checked, found] = await Promise.all([checking, searching]);
    expect(checked).toMatchObject({ ok: true, value: { sentCount: LINES, problems: [] } });
    expect(found).toMatchObject({ ok: true });
    expect(order).toEqual(['search', 'check']);
  });
});

describe('a return at the contract\'s 80 MB limit', () => {
  it('goes through the harness and is checked in the worker: answered with its problems, server alive', async () => {
    const { ws, call } = await page();
    const text = answered.toString('latin1').split('\r\n').filter((r) => r !== '');
    const body = text.slice(1).join('\r\n') + '\r\n';
    const times = Math.floor((80_000_000 - text[0]!.length - 2) / body.length);
    const big = Buffer.concat([Buffer.from(`${text[0]}\r\n`, 'latin1'), Buffer.from(body.repeat(times), 'latin1')]);
    expect(big.length).toBeGreaterThan(79_000_000);
    expect(big.length).toBeLessThanOrEqual(80_000_000);
    const { uploadId, end } = await upload(call, big);
    expect(end).toMatchObject({ ok: true, value: { bytes: big.length } });
    const check = await call('bank.check', { runId: run.runId, upload: uploadId });
    expect(check).toMatchObject({ ok: true, value: { sentCount: LINES, problems: expect.arrayContaining([`回执 ${LINES * times} 笔，发送 ${LINES} 笔`]) } });
    expect(await call('accounts.search', { query: '锦绣路12号' })).toMatchObject({ ok: true });
    ws.close();
  }, 120_000);
});

describe('uploads are bounded, in order, per session and expire', () => {
  it('refuses a file over 80 MB, bytes past the declared size, chunks out of order and an unfinished end', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('upload.begin', { size: 80_000_001 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'size' } });
    const begun = await clerk.call('upload.begin', { size: 6 });
    const { uploadId } = ok(begun);
    expect(await clerk.call('upload.chunk', { uploadId, seq: 1, data: 'QUJD' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('upload.chunk', { uploadId, seq: 0, data: 'QUJD' })).toEqual({ ok: true, value: { received: 3 } });
    expect(await clerk.call('upload.end', { uploadId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('upload.chunk', { uploadId, seq: 1, data: 'QUJDREVG' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await clerk.call('upload.chunk', { uploadId, seq: 1, data: 'REVG' })).toEqual({ ok: true, value: { received: 6 } });
    expect(await clerk.call('upload.end', { uploadId })).toMatchObject({ ok: true, value: { bytes: 6 } });
    expect(await clerk.call('upload.chunk', { uploadId, seq: 2, data: 'REVG' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('belongs to the session that began it, and expires when left idle', async () => {
    const clerk = await signIn(host);
    const other = await signIn(host, 'clerk02', 'counter-lc02');
    const { uploadId } = await clerk.ok('upload.begin', { size: 3 });
    await clerk.call('upload.chunk', { uploadId, seq: 0, data: 'QUJD' });
    expect(await other.call('upload.end', { uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await other.call('bank.check', { runId: run.runId, upload: uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clerk.call('upload.end', { uploadId })).toMatchObject({ ok: true });
    // a new session on the same connection does not inherit the old one's uploads
    await clerk.call('auth.logout', {});
    await clerk.call('auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' });
    expect(await clerk.call('upload.end', { uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const again = (await clerk.ok('upload.begin', { size: 3 })).uploadId;
    await clerk.call('upload.chunk', { uploadId: again, seq: 0, data: 'QUJD' });
    expect(await clerk.call('upload.end', { uploadId: again })).toMatchObject({ ok: true });
    host.clock.current = new Date(host.clock.current.getTime() + 11 * 60_000);
    try {
      await clerk.call('auth.unlock', { password: '123456' });
      expect(await clerk.call('bank.check', { runId: run.runId, upload: again })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      host.clock.current = new Date(host.clock.current.getTime() - 11 * 60_000);
    }
  });
});
