/**
 * Issue 12 #4 in the browser harness: the tabs of one harness are the windows of one counter PC. They share one
 * sign-in (signing in, locking, unlocking and signing out in one tab holds in all, and the others are told by a
 * server push), the customer picked in one tab is passed to the others, every tab subscribed to the customer
 * display gets it, and the sign-in ends only with the last tab. Another harness is another PC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../main/harness/server.js';
import { rendererDistDir } from '../../main/paths.js';
import type { Input, Method, Output, Result } from '../../preload/contract.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let harness: Harness;
let otherPc: Harness;

beforeAll(async () => {
  host = makeTestHost();
  harness = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
  otherPc = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
});
afterAll(async () => {
  await harness.close();
  await otherPc.close();
  host.dispose();
});

interface Tab {
  ws: WebSocket;
  pushes: { push: string; value: unknown }[];
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  send(message: unknown): void;
}

async function openTab(on: Harness = harness): Promise<Tab> {
  const ws = new WebSocket(`ws://127.0.0.1:${on.port}/ws?token=${on.token}`, { origin: `http://127.0.0.1:${on.port}` });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const pushes: Tab['pushes'] = [];
  const waiting = new Map<number, (result: never) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: never; push?: string; value?: unknown };
    if (message.push !== undefined) pushes.push({ push: message.push, value: message.value });
    else waiting.get(message.id ?? -1)?.(message.result as never);
  });
  let nextId = 1;
  return {
    ws,
    pushes,
    send: (message) => ws.send(JSON.stringify(message)),
    call: <M extends Method>(method: M, input: Input<M>) =>
      new Promise<Result<Output<M>>>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      }),
  };
}

const counterPushes = (tab: Tab) => tab.pushes.filter((p) => p.push === 'counter').map((p) => p.value);
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
const clerk01 = { login: 'clerk01', password: '123456', counterId: 'counter-lc01' } as const;

describe('the tabs of one harness are one counter PC (issue 12 #4)', () => {
  it('share one sign-in: sign in, lock, unlock and sign out in one tab hold in all, and the others are told', async () => {
    const fee = await openTab();
    const cards = await openTab();
    const elsewhere = await openTab(otherPc);
    expect(await fee.call('auth.login', clerk01)).toMatchObject({ ok: true });
    expect(await cards.call('auth.session', {})).toMatchObject({ ok: true, value: { counterCode: 'LC01' } });
    expect(counterPushes(cards)).toEqual([{ topic: 'session', state: 'signedIn', session: expect.objectContaining({ counterCode: 'LC01' }) }]);
    expect(counterPushes(fee)).toEqual([]);
    // another harness is another PC: not signed in, told nothing
    expect(await elsewhere.call('auth.session', {})).toEqual({ ok: true, value: null });
    expect(elsewhere.pushes).toEqual([]);
    // locked in 前台收费: 卡务 is locked and told; a tab opened now learns it is locked
    expect(await fee.call('auth.lock', {})).toMatchObject({ ok: true });
    await settle();
    expect(counterPushes(cards).at(-1)).toEqual({ topic: 'session', state: 'locked' });
    expect(await cards.call('accounts.search', { query: '幸福' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const late = await openTab();
    expect(await late.call('auth.session', {})).toMatchObject({ ok: true, value: { counterCode: 'LC01', locked: true } });
    // unlocked in 卡务: 前台收费 works again and is told
    expect(await cards.call('auth.unlock', { password: '123456' })).toMatchObject({ ok: true });
    await settle();
    expect(counterPushes(fee).at(-1)).toMatchObject({ topic: 'session', state: 'signedIn' });
    expect(await fee.call('accounts.search', { query: '幸福' })).toMatchObject({ ok: true });
    // a tab closing does not sign the others out
    late.ws.close();
    await settle();
    expect(await fee.call('auth.session', {})).toMatchObject({ ok: true, value: { counterCode: 'LC01' } });
    // signed out in 卡务: all are
    expect(await cards.call('auth.logout', {})).toMatchObject({ ok: true });
    await settle();
    expect(counterPushes(fee).at(-1)).toEqual({ topic: 'session', state: 'signedOut' });
    expect(await fee.call('auth.session', {})).toEqual({ ok: true, value: null });
    for (const tab of [fee, cards, elsewhere]) tab.ws.close();
  });

  it('passes the customer picked in one tab to the others, and nothing else a page sends', async () => {
    const fee = await openTab();
    const business = await openTab();
    const picked = { topic: 'customer', value: { selectedId: 'acc-1', hits: [{ id: 'acc-1', name: '张三' }] } };
    fee.send({ share: picked });
    fee.send({ share: { topic: 'session', state: 'signedOut' } });
    fee.send({ share: 'nonsense' });
    await settle();
    expect(counterPushes(business)).toEqual([picked]);
    expect(counterPushes(fee)).toEqual([]);
    for (const tab of [fee, business]) tab.ws.close();
  });

  it('pushes the customer display to every tab of the PC that subscribed, and ends the sign-in with the last tab', async () => {
    const fee = await openTab();
    const display = await openTab();
    const display2 = await openTab();
    expect(await fee.call('auth.login', clerk01)).toMatchObject({ ok: true });
    for (const tab of [display, display2]) tab.send({ subscribe: 'display' });
    await display.call('auth.session', {});
    await display2.call('auth.session', {});
    expect(await fee.call('display.show', { dueFen: 3450, tenderedFen: null, changeFen: null, slipNo: null, askRating: false })).toMatchObject({ ok: true });
    await settle();
    for (const tab of [display, display2]) expect(tab.pushes.filter((p) => p.push === 'display').map((p) => p.value)).toEqual([expect.objectContaining({ dueFen: 3450 })]);
    expect(fee.pushes.filter((p) => p.push === 'display')).toEqual([]);
    // one display closes: the other still gets it
    display.ws.close();
    await settle();
    await fee.call('display.show', { dueFen: 100, tenderedFen: null, changeFen: null, slipNo: null, askRating: false });
    await settle();
    expect(display2.pushes.filter((p) => p.push === 'display')).toHaveLength(2);
    // the last tabs close: the PC's sign-in ends
    fee.ws.close();
    display2.ws.close();
    await settle();
    const again = await openTab();
    expect(await again.call('auth.session', {})).toEqual({ ok: true, value: null });
    again.ws.close();
  });
});
