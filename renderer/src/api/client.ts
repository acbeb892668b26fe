/**
 * The renderer's view of the contract: `window.gas` under Electron (preload), or the same methods over the
 * harness WebSocket in a browser. Either way every call returns a Result; nothing throws to the UI.
 */
import type { GasApi, Input, Method, Output, Result } from '../../../preload/contract';

/** Issue 11 #3: the customer display's state, pushed by main when it changes (what `display.state` answers). */
export type DisplayState = Output<'display.state'>;
export type DisplayListener = (state: DisplayState) => void;

/**
 * Issue 12 #4: what another window of this counter PC changed (main or the harness tells; preload/counter-push.ts
 * holds the same shape for them): the one sign-in, the customer picked, the clerk's activity.
 */
export type CounterEvent =
  | { topic: 'session'; state: 'signedIn'; session: Output<'auth.login'> }
  | { topic: 'session'; state: 'locked' }
  | { topic: 'session'; state: 'signedOut' }
  | { topic: 'customer'; value: unknown }
  | { topic: 'activity' };
export type CounterListener = (event: CounterEvent) => void;
/** What a window shares with the others (the session is told by main, never shared by a page). */
export type SharedEvent = { topic: 'customer'; value: unknown } | { topic: 'activity' };

declare global {
  interface Window {
    gas?: GasApi;
    /** preload's one push subscription (Electron); returns the unsubscribe. */
    gasDisplay?: { subscribe(listener: DisplayListener): () => void };
    /** Issue 12 #4: preload's counter-PC events (Electron). */
    gasCounter?: { subscribe(listener: CounterListener): () => void; share(event: SharedEvent): void };
  }
}

type Pending = (result: Result<unknown>) => void;

class HarnessClient {
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly displayListeners = new Set<DisplayListener>();
  private readonly counterListeners = new Set<CounterListener>();

  private open(): Promise<WebSocket> {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    const token = new URLSearchParams(window.location.search).get('token') ?? '';
    const url = `ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`;
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        this.socket = ws;
        this.opening = null;
        if (this.displayListeners.size > 0) ws.send(JSON.stringify({ subscribe: 'display' }));
        resolve(ws);
      };
      ws.onerror = () => {
        this.opening = null;
        reject(new Error('connection failed'));
      };
      ws.onclose = () => {
        this.socket = null;
        for (const [, settle] of this.pending) {
          settle({ ok: false, error: { code: 'DISCONNECTED', message: '与后台的连接已断开，请刷新页面' } });
        }
        this.pending.clear();
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as { id: number; result: Result<unknown> } | { push: 'display'; value: DisplayState } | { push: 'counter'; value: CounterEvent };
        if ('push' in message) {
          if (message.push === 'display') for (const listener of this.displayListeners) listener(message.value);
          else if (message.push === 'counter') for (const listener of this.counterListeners) listener(message.value);
          return;
        }
        const settle = this.pending.get(message.id);
        if (settle) {
          this.pending.delete(message.id);
          settle(message.result);
        }
      };
    });
    return this.opening;
  }

  /** The server pushes the display from the first subscription on (sent again when the socket is opened anew). */
  subscribeDisplay(listener: DisplayListener): () => void {
    const first = this.displayListeners.size === 0;
    this.displayListeners.add(listener);
    if (first && this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ subscribe: 'display' }));
    else if (!this.socket) void this.open().catch(() => undefined);
    return () => {
      this.displayListeners.delete(listener);
      if (this.displayListeners.size === 0 && this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ unsubscribe: 'display' }));
    };
  }

  /** Issue 12 #4: the other tabs' changes come on the socket whenever it is open (it opens with the first call). */
  subscribeCounter(listener: CounterListener): () => void {
    this.counterListeners.add(listener);
    return () => {
      this.counterListeners.delete(listener);
    };
  }

  share(event: SharedEvent): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ share: event }));
  }

  async call(method: Method, input: unknown): Promise<Result<unknown>> {
    let ws: WebSocket;
    try {
      ws = await this.open();
    } catch {
      return { ok: false, error: { code: 'DISCONNECTED', message: '无法连接后台服务' } };
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, input }));
    });
  }
}

let harness: HarnessClient | null = null;
let onLocked: () => void = () => undefined;
let locked = false;
let waiting: (() => void)[] = [];

/** The session store listens here: a LOCKED answer shows the lock screen over the unchanged windows. */
export function whenLocked(listener: () => void): void {
  onLocked = listener;
}

/**
 * The session store tells the client when the screen locks and opens (issue 10 #14). While locked, a window's
 * call (a timer, a refresh) waits and goes out after the unlock, so no window ever receives a LOCKED answer
 * as an error of its own and each one shows after the unlock the state it had. Sign-in calls (auth.*) pass.
 */
export function setLocked(value: boolean): void {
  locked = value;
  if (!value) for (const release of waiting.splice(0)) release();
}

function unlocked(): Promise<void> {
  return locked ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve();
}

function send<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  if (window.gas) return window.gas[method](input);
  harness ??= new HarnessClient();
  return harness.call(method, input) as Promise<Result<Output<M>>>;
}

/**
 * Issue 11 #3: the customer display's state whenever it changes, pushed by main (Electron: preload's
 * `gasDisplay.subscribe`; harness: server-initiated WebSocket messages). No polling. Returns the unsubscribe.
 */
export function subscribeDisplay(listener: DisplayListener): () => void {
  if (window.gasDisplay) return window.gasDisplay.subscribe(listener);
  harness ??= new HarnessClient();
  return harness.subscribeDisplay(listener);
}

/** Issue 12 #4: what the counter PC's other windows change (sign-in, lock, customer, activity). Returns the unsubscribe. */
export function subscribeCounter(listener: CounterListener): () => void {
  if (window.gasCounter) return window.gasCounter.subscribe(listener);
  harness ??= new HarnessClient();
  return harness.subscribeCounter(listener);
}

/** Issue 12 #4: tells the counter PC's other windows the customer this one picked, or the clerk's activity. */
export function shareWithWindows(event: SharedEvent): void {
  if (window.gasCounter) window.gasCounter.share(event);
  else if (harness) harness.share(event);
}

/**
 * Reads a window may send again after an unlock. Anything else (money, cards, bills, forms) is never sent
 * later by itself: the customer may have left by the time the clerk unlocks, so the clerk is told it was not
 * taken and submits again (issue 10 #14 with #5). A method missing here is treated as a write.
 */
const READS = new Set<string>([
  'accounts.search', 'accounts.statement', 'bills.unpaid', 'cards.read', 'cards.pending', 'cards.flagged', 'payments.findChannel',
  'printing.filters', 'printing.slips', 'printing.arrears', 'cashReport.draft', 'day.status', 'day.openDays', 'day.report', 'day.month',
  'reports.cash', 'reports.readings', 'reports.arrears', 'audit.export', 'backup.list', 'tariffs.list', 'bank.banks', 'bank.preview',
  'bank.file', 'bank.runs', 'bank.failed', 'bank.postCheck', 'bank.monthly', 'bank.quarterly', 'handheld.readers', 'handheld.exportList',
  'handheld.batch', 'handheld.progress', 'receipts.recent', 'receipts.unprinted', 'businesses.forAccount', 'businesses.queue',
  'businesses.dispatchSheets', 'stats.meterBusiness', 'stats.ignitionsByCommunity', 'stats.meterBusinessList', 'calendar.year',
  'counter.status', 'display.state', 'photos.settings', 'photos.browse', 'photos.check', 'photos.progress', 'photos.forAccount', 'photos.image',
  'photos.verifyArchive',
]);

const NOT_TAKEN = { code: 'LOCKED', message: '屏幕已锁定，本次操作未提交；请解锁后重新提交' } as const;

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  const passes = method.startsWith('auth.');
  const read = READS.has(method);
  if (!passes && !read && locked) return { ok: false, error: { ...NOT_TAKEN } };
  if (!passes) await unlocked();
  let result = await send(method, input);
  if (!passes && !read && !result.ok && result.error.code === 'LOCKED') {
    locked = true;
    onLocked();
    return { ok: false, error: { ...NOT_TAKEN } };
  }
  // The router refused before any handler ran (the counter locked on its side, e.g. idle): lock here too,
  // and send the same read again once the clerk has unlocked.
  while (!passes && !result.ok && result.error.code === 'LOCKED') {
    locked = true;
    onLocked();
    await unlocked();
    result = await send(method, input);
  }
  if (passes && !result.ok && result.error.code === 'LOCKED') onLocked();
  return result;
}
