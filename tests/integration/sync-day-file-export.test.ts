/**
 * Issue 14 #5: the signed USB day file. Exported through the contract, it carries the day's outbox events as pushed
 * (wire seq numbers) and the counter's latest marker; it verifies with the public key the feed brings (device_keys);
 * a changed byte, another device's key or an unknown device is refused in Chinese; a PC not enrolled, and a role the
 * contract refuses, export nothing.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCredentials, type StoredCredentials } from '../../main/sync/credentials.js';
import { DayFileError, verifyDayFile } from '../../main/sync/day-file-format.js';
import iconv from 'iconv-lite';
import { answerBankFile } from '../fixtures/bank-answer.js';
import { withholdRoute } from '../fixtures/data.js';
import { addAccount, addBill, addRoute, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;

beforeEach(() => {
  host = makeTestHost({ sync: { start: false } });
  const ids = addAccount(host, { accountNo: '20240001', name: '张三', address: '温州市鹿城区人民路88号', reading: 15000 });
  addBill(host, ids, { id: 'bill-1', readingDate: '2026-10-20', previous: 11522, current: 15000, amountFen: 12000, dueDate: '2026-12-19' });
});
afterEach(() => host.dispose());

/** Enrols locally, as `sync.enrol` leaves the PC (credential file + the public key as a fact), without a server. */
function enrolLocally(deviceId = 'dev-1', seqBase = 0): StoredCredentials {
  const keys = generateKeyPairSync('ed25519');
  const credentials: StoredCredentials = {
    version: 1,
    serverUrl: 'http://127.0.0.1:9',
    deviceId,
    secret: 'x'.repeat(43),
    companyId: 'C1',
    hallId: 'hall-lc',
    counterId: 'counter-lc01',
    enrolledAt: '2026-11-23T01:00:00.000Z',
    seqBase,
    publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  saveCredentials(host.sync.credentialsFile, credentials);
  host.store.sqlite
    .prepare("INSERT INTO device_keys (device_id, hall_id, counter_id, algorithm, public_key_pem) VALUES (?, 'hall-lc', 'counter-lc01', 'ed25519', ?)")
    .run(deviceId, credentials.publicKeyPem);
  return credentials;
}

const keyOf = (deviceId: string) => (host.store.sqlite.prepare('SELECT public_key_pem FROM device_keys WHERE device_id = ?').pluck().get(deviceId) as string | undefined) ?? null;

describe('the signed day file (issue 14 #5)', () => {
  it('carries the day’s events and the marker, signed; verifies with the key from device_keys', async () => {
    const credentials = enrolLocally('dev-1', 3);
    const clerk = await signIn(host);
    expect(await clerk.call('payments.payCash', { accountId: 'acc-20240001', billIds: ['bill-1'], tendered: '120', expectedTotalFen: 12000 })).toMatchObject({ ok: true });
    expect(await clerk.call('sync.endCounterDay', {})).toMatchObject({ ok: true, value: { paymentCount: 1, totalFen: 12000 } });
    const local = host.store.sqlite.prepare("SELECT seq, tbl, row_id FROM sync_outbox WHERE business_date = '2026-11-23' AND seq > 3 ORDER BY seq").all() as { seq: number; tbl: string; row_id: string }[];
    const res = await clerk.call('sync.exportDayFile', { date: '2026-11-23' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.fileName).toBe('counter-lc01-2026-11-23-dev-1.gasday.json');
    expect(res.value.marker).toBe(true);
    const bytes = Buffer.from(res.value.base64, 'base64');
    const payload = verifyDayFile(bytes, keyOf);
    expect(payload).toMatchObject({ deviceId: 'dev-1', hallId: 'hall-lc', counterId: 'counter-lc01', businessDate: '2026-11-23' });
    // the events as pushed: wire seq = local seq − seqBase, in order, only that date's
    expect(payload.events.map((e) => [e.seq, e.table, e.rowId])).toEqual(local.map((r) => [r.seq - credentials.seqBase, r.tbl, r.row_id]));
    expect(payload.events.some((e) => e.table === 'payments')).toBe(true);
    expect(payload.events.every((e) => e.businessDate === '2026-11-23')).toBe(true);
    expect(payload.marker).toMatchObject({ paymentCount: 1, totalFen: 12000, reason: 'counter_end', counterId: 'counter-lc01' });
    // the private key is not in the file
    expect(bytes.toString('utf8')).not.toContain('PRIVATE KEY');
  });

  it('issue 13 #4: a bank write-off’s lazy events go into the file with their rows, exactly as the rows stand', async () => {
    enrolLocally('dev-1');
    addRoute(host, '周抄表', 6);
    withholdRoute(host, '周抄表', { spread: 5 });
    const clerk = await signIn(host);
    const gen = await clerk.call('bank.generate', { bank: '建行' });
    if (!gen.ok) throw new Error(gen.error.message);
    const answer = answerBankFile('建行', iconv.decode(Buffer.from(gen.value.base64, 'base64'), 'gbk'), () => null);
    expect(await clerk.call('bank.writeOff', { runId: gen.value.runId, file: iconv.encode(answer, 'gbk').toString('base64') })).toMatchObject({ ok: true, value: { okCount: 6 } });
    const sqlite = host.store.sqlite;
    expect(sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE row = ''").pluck().get()).toBe(6 * 6);
    const res = await clerk.call('sync.exportDayFile', { date: '2026-11-23' });
    if (!res.ok) throw new Error(res.error.message);
    const payload = verifyDayFile(Buffer.from(res.value.base64, 'base64'), keyOf);
    const key: Record<string, string> = { check_slips: 'slip_no', payments: 'id', payment_items: 'id', bills: 'id', accounts: 'id', bank_run_items: 'id' };
    const lazy = payload.events.filter((e) => e.table in key && sqlite.prepare('SELECT row FROM sync_outbox WHERE seq = ?').pluck().get(e.seq) === '');
    expect(lazy).toHaveLength(6 * 6);
    for (const e of lazy) expect(e.row, `${e.table} ${e.rowId}`).toEqual(sqlite.prepare(`SELECT * FROM "${e.table}" WHERE "${key[e.table]}" = ?`).get(e.rowId));
  });

  it('a changed byte, another device’s key or an unknown device is refused', async () => {
    enrolLocally('dev-1');
    const clerk = await signIn(host);
    await clerk.call('payments.payCash', { accountId: 'acc-20240001', billIds: ['bill-1'], tendered: '120', expectedTotalFen: 12000 });
    const res = await clerk.call('sync.exportDayFile', { date: null });
    if (!res.ok) throw new Error(res.error.message);
    const text = Buffer.from(res.value.base64, 'base64').toString('utf8');
    // the amount changed inside the signed payload
    const tampered = text.replace('"total_fen\\":12000', '"total_fen\\":1200');
    expect(tampered).not.toBe(text);
    expect(() => verifyDayFile(Buffer.from(tampered), keyOf)).toThrow(DayFileError);
    expect(() => verifyDayFile(Buffer.from(tampered), keyOf)).toThrow('签名不符');
    // another PC's key
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => verifyDayFile(Buffer.from(text), () => other)).toThrow('签名不符');
    expect(() => verifyDayFile(Buffer.from(text), () => null)).toThrow('不认识设备');
    expect(() => verifyDayFile(Buffer.from('not json'), keyOf)).toThrow('JSON');
    expect(() => verifyDayFile(Buffer.from('{"format":"x"}'), keyOf)).toThrow('格式');
    expect(verifyDayFile(Buffer.from(text), keyOf).deviceId).toBe('dev-1');
  });

  it('a PC not enrolled, a day without records and a role without the right export nothing', async () => {
    const clerk = await signIn(host);
    expect(await clerk.call('sync.exportDayFile', { date: null })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('尚未登记') } });
    enrolLocally();
    expect(await clerk.call('sync.exportDayFile', { date: '2026-01-01' })).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有 2026-01-01 的记录') } });
    const reviewer = await signIn(host, 'reviewer01', 'counter-lc02');
    expect(await reviewer.call('sync.exportDayFile', { date: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
