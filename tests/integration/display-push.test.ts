/**
 * Issue 11 #3: the customer display is pushed, not polled. Over the browser harness's WebSocket, the display
 * page subscribes once; the clerk's display.show (and the customer's rating) reach it as a server-initiated
 * message with the counter's new state, and only displays signed in at that counter get it. Issue 12 #4: the tabs
 * of one harness are one counter PC with one sign-in, so a page signed in elsewhere (another counter, nobody,
 * a locked display) is a tab of another harness here.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../main/harness/server.js';
import { rendererDistDir } from '../../main/paths.js';
import type { Input, Method, Output, Result } from '../../preload/contract.js';
import { makeTestHost, ok, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let harness: Harness;
/** Issue 12 #4: other counter PCs (each harness is one). */
const others: Harness[] = [];

beforeAll(async () => {
  host = makeTestHost();
  harness = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
});
afterAll(async () => {
  await harness.close();
  for (const other of others) await other.close();
  host.dispose();
});

async function anotherPc(): Promise<Harness> {
  const other = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
  others.push(other);
  return other;
}

interface Page {
  ws: WebSocket;
  pushes: unknown[];
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** The next push (waits up to `ms`), or null. */
  nextPush(ms?: number): Promise<unknown>;
}

async function openPage(on: Harness = harness): Promise<Page> {
  const ws = new WebSocket(`ws://127.0.0.1:${on.port}/ws?token=${on.token}`, { origin: `http://127.0.0.1:${on.port}` });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const pushes: unknown[] = [];
  const waiting = new Map<number, (result: never) => void>();
  let pushWaiter: ((value: unknown) => void) | null = null;
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: never; push?: string; value?: unknown };
    if (message.push !== undefined) {
      // the display's pushes (the PC's session and customer pushes, issue 12 #4, are harness-counter-pc.test.ts's)
      if (message.push !== 'display') return;
      pushes.push(message);
      pushWaiter?.(message);
      pushWaiter = null;
      return;
    }
    waiting.get(message.id ?? -1)?.(message.result as never);
  });
  let nextId = 1;
  return {
    ws,
    pushes,
    call: <M extends Method>(method: M, input: Input<M>) =>
      new Promise<Result<Output<M>>>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, input }));
      }),
    nextPush: (ms = 2000) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), ms);
        pushWaiter = (value) => {
          clearTimeout(timer);
          resolve(value);
        };
      }),
  };
}

async function signedIn(login: string, counterId: string, on: Harness = harness): Promise<Page> {
  const page = await openPage(on);
  expect(await page.call('auth.login', { login, password: '123456', counterId })).toMatchObject({ ok: true });
  return page;
}

describe('customer display push over the harness (issue 11 #3)', () => {
  it("pushes the clerk's display.show to the counter's subscribed display, and the cleared state after the rating", async () => {
    const clerk = await signedIn('clerk01', 'counter-lc01');
    const display = await signedIn('clerk01', 'counter-lc01');
    const otherCounter = await signedIn('clerk02', 'counter-lc02', await anotherPc());
    const anonymous = await openPage(await anotherPc());
    for (const page of [display, otherCounter, anonymous]) page.ws.send(JSON.stringify({ subscribe: 'display' }));
    // the subscription is a plain message: let the server take it before the clerk acts
    expect(await display.call('display.state', {})).toMatchObject({ ok: true, value: { dueFen: null, askRating: false } });
    await otherCounter.call('auth.session', {});
    await anonymous.call('auth.counters', {});

    const pushed = display.nextPush();
    const shown = await clerk.call('display.show', { dueFen: 3450, tenderedFen: 5000, changeFen: 1550, slipNo: null, askRating: true });
    expect(shown).toMatchObject({ ok: true });
    expect(await pushed).toEqual({
      push: 'display',
      value: { dueFen: 3450, tenderedFen: 5000, changeFen: 1550, slipNo: null, askRating: true, updatedAt: ok(shown).updatedAt },
    });

    // the customer rates on the display: the cleared screen is pushed too
    const cleared = display.nextPush();
    expect(await display.call('display.rate', { score: 1 })).toMatchObject({ ok: true, value: { score: 1, text: '非常满意' } });
    expect(await cleared).toMatchObject({ push: 'display', value: { dueFen: null, tenderedFen: null, changeFen: null, askRating: false } });

    // another counter's display and a page signed in nowhere got nothing; the clerk's own page did not subscribe
    expect(otherCounter.pushes).toEqual([]);
    expect(anonymous.pushes).toEqual([]);
    expect(clerk.pushes).toEqual([]);
    for (const page of [clerk, display, otherCounter, anonymous]) page.ws.close();
  });

  it('pushes nothing to a locked display and stops when its socket closes', async () => {
    const clerk = await signedIn('clerk01', 'counter-lc01');
    const display = await signedIn('clerk01', 'counter-lc01', await anotherPc());
    display.ws.send(JSON.stringify({ subscribe: 'display' }));
    expect(await display.call('auth.lock', {})).toMatchObject({ ok: true });
    const none = display.nextPush(300);
    await clerk.call('display.show', { dueFen: 100, tenderedFen: null, changeFen: null, slipNo: null, askRating: false });
    expect(await none).toBeNull();
    display.ws.close();
    await new Promise((resolve) => display.ws.once('close', resolve));
    expect(await clerk.call('display.show', { dueFen: 200, tenderedFen: null, changeFen: null, slipNo: null, askRating: false })).toMatchObject({ ok: true });
    clerk.ws.close();
  });

  it('stops pushing after the page unsubscribes', async () => {
    const clerk = await signedIn('clerk01', 'counter-lc01');
    const display = await signedIn('clerk01', 'counter-lc01');
    display.ws.send(JSON.stringify({ subscribe: 'display' }));
    const pushed = display.nextPush();
    await clerk.call('display.show', { dueFen: 300, tenderedFen: null, changeFen: null, slipNo: null, askRating: false });
    expect(await pushed).toMatchObject({ push: 'display', value: { dueFen: 300 } });
    display.ws.send(JSON.stringify({ unsubscribe: 'display' }));
    await display.call('auth.session', {});
    const none = display.nextPush(300);
    await clerk.call('display.show', { dueFen: 400, tenderedFen: null, changeFen: null, slipNo: null, askRating: false });
    expect(await none).toBeNull();
    for (const page of [clerk, display]) page.ws.close();
  });

  it('keeps no sign-in open by itself: the counter PC locks when the clerk is idle, display or not (issue 12 #4)', async () => {
    // the display is a window of the PC's one sign-in now: its subscription must not hold the whole counter open
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const idle = makeTestHost();
    try {
      const clerk = await signIn(idle);
      idle.displayPush.subscribe(clerk.connection, () => undefined);
      for (let minute = 0; minute < 16; minute++) {
        idle.clock.current = new Date(idle.clock.current.getTime() + 60_000);
        vi.advanceTimersByTime(60_000);
      }
      expect(await clerk.call('accounts.search', { query: '幸福' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    } finally {
      vi.useRealTimers();
      idle.dispose();
    }
  });

  it('answers an unknown subscription with a typed error', async () => {
    const page = await openPage();
    const answer = new Promise((resolve) => page.ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    page.ws.send(JSON.stringify({ subscribe: 'everything' }));
    expect(await answer).toEqual({ id: -1, result: { ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } } });
    page.ws.close();
  });
});
