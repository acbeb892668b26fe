/**
 * Issue 12 #2 (设备设置): the card reader and the handheld — automatic search, a named port, the simulator or
 * none — are stored, applied at once without a restart, and win over the start's choice after a restart; only an
 * administrator or a technician changes them. Outside demo mode nothing falls back to a simulator: with no device
 * the card and handheld operations are refused with what to do and change nothing. Every device's state is there
 * for the status bar (anyone signed in). A port refused with EACCES says how to fix it (the dialout group).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSerialCardReader } from '../../hardware/card/serial.js';
import { addAccount, addRoute, clientOn, makeTestHost, signIn, TEST_CARD_TIMEOUTS, type TestClient, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { startPtySimulator, type PtySimulator } from '../fixtures/pty.js';

const NO_CARD_READER = '未连接读卡器，请在“设备设置”中选择端口';
const NO_HANDHELD = '未连接抄表机，请在“设备设置”中选择端口';
const DIALOUT = (path: string) => `无权访问串口 ${path}：请把当前用户加入 dialout 组（sudo usermod -aG dialout 用户名）后重新登录`;

const hosts: TestHost[] = [];
let cardPty: PtySimulator;
let handheldPty: PtySimulator;

beforeAll(async () => {
  [cardPty, handheldPty] = await Promise.all([startPtySimulator('hardware/card/sim-cli.ts'), startPtySimulator('hardware/handheld/sim-cli.ts')]);
}, 30_000);
afterAll(() => {
  cardPty?.stop();
  handheldPty?.stop();
});
afterEach(() => {
  for (const h of hosts.splice(0)) h.dispose();
});

function host(options: Parameters<typeof makeTestHost>[0] = {}): TestHost {
  const h = makeTestHost(options);
  hosts.push(h);
  return h;
}

let connections = 0;
/** Outside demo mode the initial password is changed first (issue 10 #13). */
async function signInOutsideDemo(h: TestHost, login: string): Promise<TestClient> {
  const client = clientOn(h, `ports-${++connections}`);
  expect(await client.call('auth.login', { login, password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true });
  expect(await client.call('auth.changePassword', { currentPassword: '123456', newPassword: 'Lucheng2026' })).toMatchObject({ ok: true });
  return client;
}

describe('no silent simulator outside demo mode (issue 12 #2)', () => {
  it('without a device the card reader and the handheld are not connected; their operations are refused and change nothing', async () => {
    const h = host({ demo: false });
    const { accountId } = addAccount(h, { accountNo: '31000077', name: '赵六', address: '温州市鹿城区锦绣路7号', customerType: 'IC卡' });
    addRoute(h, '陈建国', 3);
    h.cardDevice?.sim.insertBlank();
    const clerk = await signInOutsideDemo(h, 'clerk01');

    expect(await clerk.call('cards.read', {})).toEqual({ ok: false, error: { code: 'CARD_ERROR', message: NO_CARD_READER, field: 'card' } });
    expect(await clerk.call('cards.issue', { accountId, issueType: '制作新卡' })).toEqual({ ok: false, error: { code: 'CARD_ERROR', message: NO_CARD_READER, field: 'card' } });
    expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '10', tendered: '50' })).toEqual({
      ok: false,
      error: { code: 'CARD_ERROR', message: NO_CARD_READER, field: 'card' },
    });
    expect(await clerk.call('handheld.export', { meterReader: '陈建国', months: 1, confirmedCount: 3 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: NO_HANDHELD, field: 'handheld' },
    });
    expect(await clerk.call('handheld.import', {})).toEqual({ ok: false, error: { code: 'VALIDATION', message: NO_HANDHELD, field: 'handheld' } });
    // nothing changed: no card written, no payment, no batch; the simulator's blank card untouched
    expect(scalar(h, 'SELECT count(*) FROM card_writes') + scalar(h, 'SELECT count(*) FROM ic_cards') + scalar(h, 'SELECT count(*) FROM payments')).toBe(0);
    expect(scalar(h, 'SELECT count(*) FROM handheld_batches')).toBe(0);
    expect(h.cardDevice?.sim.card).toMatchObject({ blank: true });
    expect(h.handheldDevice?.sim.route).toBeNull();

    expect(await clerk.ok('devices.states', {})).toEqual({
      printer: { kind: 'simulated', detail: expect.stringContaining('模拟打印机') },
      card: { kind: 'disconnected', detail: NO_CARD_READER },
      handheld: { kind: 'disconnected', detail: NO_HANDHELD },
    });
  });

  it('an automatic search that finds nothing leaves the device not connected, saying what was looked for', async () => {
    const h = host({ demo: false });
    const tech = await signInOutsideDemo(h, 'tech01');
    const set = await tech.ok('devices.setPort', { device: 'card', mode: 'auto' });
    expect(set).toMatchObject({ mode: 'auto', stored: true, state: { kind: 'disconnected', detail: '未找到读卡器（自动查找 1a86:7523），请在“设备设置”中选择端口' } });
    const clerk = await signInOutsideDemo(h, 'clerk01');
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: false, error: { code: 'CARD_ERROR', message: expect.stringContaining('未找到读卡器') } });
  });
});

describe('设备设置: the card reader and the handheld (issue 12 #2)', () => {
  it('switches the card reader between none, the simulator and a named port without a restart; stored and audited', async () => {
    const h = host();
    const tech = await signIn(h, 'tech01');
    const clerk = await signIn(h);
    // demo mode starts on the simulator; nothing stored yet
    expect(await tech.ok('devices.ports', {})).toMatchObject({
      card: { mode: 'simulator', port: null, stored: false, state: { kind: 'simulated' } },
      handheld: { mode: 'simulator', stored: false, state: { kind: 'simulated' } },
    });
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: false, error: { message: '读卡器中没有卡，请插卡' } });

    expect(await tech.ok('devices.setPort', { device: 'card', mode: 'none' })).toMatchObject({ mode: 'none', stored: true, state: { kind: 'disconnected', detail: NO_CARD_READER } });
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: false, error: { code: 'CARD_ERROR', message: NO_CARD_READER } });

    // 检测 the pty's port: it opens and answers IDENTIFY as a card reader
    expect(await tech.ok('devices.testPort', { device: 'card', port: cardPty.app })).toEqual({ port: cardPty.app, identity: 'GHC-CARD/1 SIM 1.0' });
    const onPort = await tech.ok('devices.setPort', { device: 'card', mode: 'port', port: ` ${cardPty.app} ` });
    expect(onPort).toMatchObject({ mode: 'port', port: cardPty.app, stored: true });
    await cardPty.control('blank');
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: false, error: { message: '这是一张空白卡，请先制卡' } });
    expect(await clerk.ok('devices.states', {})).toMatchObject({ card: { kind: 'real', detail: `读卡器已连接（${cardPty.app}）` }, handheld: { kind: 'simulated' } });
    // the port in use is tested through its open link
    expect(await tech.ok('devices.testPort', { device: 'card', port: cardPty.app })).toEqual({ port: cardPty.app, identity: 'GHC-CARD/1 SIM 1.0' });
    expect(scalar(h, "SELECT count(*) FROM audit_log WHERE action = 'device.card.set'")).toBe(2);

    // explicitly chosen, the simulator serves again
    await tech.ok('devices.setPort', { device: 'card', mode: 'simulator' });
    expect(await clerk.call('cards.read', {})).toMatchObject({ ok: false, error: { message: '读卡器中没有卡，请插卡' } });
  });

  it('a stored choice wins over the start after a restart; the handheld on a named port answers IDENTIFY', async () => {
    const h = host();
    const tech = await signIn(h, 'tech01');
    expect(await tech.ok('devices.testPort', { device: 'handheld', port: handheldPty.app })).toMatchObject({ port: handheldPty.app, identity: expect.stringMatching(/^GHR\/1/) });
    // a card reader port is not a handheld
    expect(await tech.call('devices.testPort', { device: 'handheld', port: cardPty.app })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'port' } });
    await tech.ok('devices.setPort', { device: 'handheld', mode: 'port', port: handheldPty.app });
    await tech.ok('devices.setPort', { device: 'card', mode: 'none' });
    h.close();
    const again = makeTestHost({ dir: h.dir, seed: false });
    hosts.push(again);
    const clerk = await signIn(again);
    expect(await clerk.ok('devices.states', {})).toMatchObject({ card: { kind: 'disconnected' }, handheld: { kind: 'real', detail: `抄表机已连接（${handheldPty.app}）` } });
    expect(await (await signIn(again, 'admin01')).ok('devices.ports', {})).toMatchObject({ handheld: { mode: 'port', port: handheldPty.app, stored: true } });
  });

  it('refuses a missing port at `port` and says why a port does not open; a clerk may read the states only', async () => {
    const h = host();
    const admin = await signIn(h, 'admin01');
    expect(await admin.call('devices.setPort', { device: 'card', mode: 'port' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'port', message: '请输入或选择串口' } });
    expect(await admin.call('devices.testPort', { device: 'card', port: '/dev/ttyNOPE9' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', field: 'port', message: '串口 /dev/ttyNOPE9 不存在：请检查设备是否插好，或重新选择端口' },
    });
    expect(scalar(h, 'SELECT count(*) FROM device_ports')).toBe(0);
    const clerk = await signIn(h);
    for (const refused of [
      await clerk.call('devices.ports', {}),
      await clerk.call('devices.setPort', { device: 'card', mode: 'none' }),
      await clerk.call('devices.testPort', { device: 'card', port: cardPty.app }),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await clerk.ok('devices.states', {})).toMatchObject({ card: { kind: 'simulated' }, handheld: { kind: 'simulated' }, printer: { kind: 'simulated' } });
    expect(scalar(h, 'SELECT count(*) FROM device_ports')).toBe(0);
  });
});

describe('the status bar reading the states (issue 12 #2)', () => {
  it('does not keep an idle session open: the screen still locks after 15 minutes without the clerk', async () => {
    const h = host();
    const clerk = await signIn(h);
    const minutes = (n: number) => {
      h.clock.current = new Date(h.clock.current.getTime() + n * 60_000);
    };
    for (let i = 0; i < 7; i++) {
      minutes(2);
      expect(await clerk.call('devices.states', {})).toMatchObject({ ok: true });
    }
    minutes(2);
    expect(await clerk.call('devices.states', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await clerk.call('accounts.search', { query: '王' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  });
});

describe('a port refused with EACCES (issue 12 #2, Linux)', () => {
  it.runIf(process.platform === 'linux')('says to join the dialout group: at 检测, as the state, and when a card is read', async () => {
    // a device file without permission; root opens anything, so there the refusal is injected as serialport reports it
    const h0 = host();
    const denied = join(h0.dir, 'ttyUSB-denied');
    writeFileSync(denied, '');
    chmodSync(denied, 0o000);
    const asRoot = process.getuid?.() === 0;
    const h = asRoot
      ? host({ openCardReader: (path) => (path === denied ? Promise.reject(new Error(`Error: Permission denied, cannot open ${path}`)) : openSerialCardReader(path, TEST_CARD_TIMEOUTS)) })
      : h0;
    const tech = await signIn(h, 'tech01');
    expect(await tech.call('devices.testPort', { device: 'card', port: denied })).toEqual({ ok: false, error: { code: 'VALIDATION', field: 'port', message: DIALOUT(denied) } });
    const set = await tech.ok('devices.setPort', { device: 'card', mode: 'port', port: denied });
    expect(set.state).toEqual({ kind: 'error', detail: DIALOUT(denied), port: denied });
    const clerk = await signIn(h);
    expect(await clerk.call('cards.read', {})).toEqual({ ok: false, error: { code: 'CARD_ERROR', message: DIALOUT(denied), field: 'card' } });
    expect(await clerk.ok('devices.states', {})).toMatchObject({ card: { kind: 'error', detail: DIALOUT(denied) } });
  });
});
