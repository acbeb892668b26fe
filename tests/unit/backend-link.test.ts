/**
 * Issue 11 #7: the shell's link to the back-end process, with scripted processes: request ids pair the
 * answers, a start-up failure is reported (the app shows it and quits), repeated crashes end in a steady
 * BACKEND_DOWN instead of a restart loop, and no call is ever left waiting.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBackendLink, type BackendLinkOptions, type BackendProcess } from '../../main/backend-link.js';
import { BACKEND_DOWN_MESSAGES, type FromBackend, type ToBackend } from '../../main/backend-protocol.js';
import { createShellSpooler } from '../../main/shell-spooler.js';

class Scripted extends EventEmitter implements BackendProcess {
  readonly received: ToBackend[] = [];
  killed = false;
  postMessage(message: ToBackend): void {
    this.received.push(message);
  }
  kill(): boolean {
    this.killed = true;
    queueMicrotask(() => this.emit('exit', 0));
    return true;
  }
  answer(message: FromBackend): void {
    this.emit('message', message);
  }
}

function link(overrides: Partial<BackendLinkOptions> = {}) {
  const procs: Scripted[] = [];
  const events: string[] = [];
  const backend = createBackendLink({
    fork: () => {
      const proc = new Scripted();
      procs.push(proc);
      return proc;
    },
    onPush: (connection, topic, value) => events.push(`push ${connection} ${topic} ${JSON.stringify(value)}`),
    onRestarted: () => events.push('restarted'),
    onGaveUp: (reason) => events.push(`gave up: ${reason}`),
    log: () => undefined,
    restartDelaysMs: [0, 0],
    ...overrides,
  });
  return { backend, procs, events };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const down = (reason: keyof typeof BACKEND_DOWN_MESSAGES) => ({ ok: false, error: { code: 'BACKEND_DOWN', message: BACKEND_DOWN_MESSAGES[reason] } });

describe('the back-end link (issue 11 #7)', () => {
  it('pairs answers with their requests by id, in any order, and passes pushes on', async () => {
    const { backend, procs, events } = link();
    const started = backend.start();
    procs[0]?.answer({ type: 'ready' });
    await started;
    const a = backend.call('wc-1', 'auth.session', {});
    const b = backend.call('wc-2', 'auth.counters', {});
    const [ra, rb] = procs[0]?.received as [ToBackend & { id: number }, ToBackend & { id: number }];
    expect(ra).toEqual({ type: 'call', id: ra.id, connection: 'wc-1', method: 'auth.session', input: {} });
    procs[0]?.answer({ type: 'result', id: rb.id, result: { ok: true, value: 'b' } });
    procs[0]?.answer({ type: 'result', id: ra.id, result: { ok: true, value: 'a' } });
    expect(await a).toEqual({ ok: true, value: 'a' });
    expect(await b).toEqual({ ok: true, value: 'b' });
    procs[0]?.answer({ type: 'push', connection: 'wc-3', topic: 'display', value: { dueFen: 1 } });
    expect(events).toEqual(['push wc-3 display {"dueFen":1}']);
  });

  it('rejects the first start with the reason the back end gave', async () => {
    const { backend, procs } = link();
    const started = backend.start();
    procs[0]?.answer({ type: 'failed', message: '数据库文件已损坏' });
    procs[0]?.emit('exit', 1);
    await expect(started).rejects.toThrow('数据库文件已损坏');
    expect(await backend.call('wc-1', 'auth.counters', {})).toEqual(down('gaveUp'));
    expect(procs).toHaveLength(1);
  });

  it('restarts after a crash, and gives up after too many in a row with every call answered', async () => {
    const { backend, procs, events } = link();
    const started = backend.start();
    procs[0]?.answer({ type: 'ready' });
    await started;
    const inFlight = backend.call('wc-1', 'day.close', {});
    procs[0]?.emit('exit', 134);
    expect(await inFlight).toEqual(down('interrupted'));
    expect(await backend.call('wc-1', 'auth.counters', {})).toEqual(down('restarting'));
    await tick();
    procs[1]?.answer({ type: 'ready' });
    expect(events).toEqual(['restarted']);
    procs[1]?.emit('exit', 1);
    await tick();
    // the second restart dies before it is ready: the delays are used up
    procs[2]?.emit('exit', 1);
    await tick();
    expect(procs).toHaveLength(3);
    expect(events).toEqual(['restarted', 'gave up: 后台服务意外退出 (退出码 1)']);
    expect(backend.state).toBe('down');
    expect(await backend.call('wc-1', 'auth.counters', {})).toEqual(down('gaveUp'));
  });

  it('stops: the calls in it are answered, the process is asked to end, later calls are refused', async () => {
    const { backend, procs } = link({ stopTimeoutMs: 50 });
    const started = backend.start();
    procs[0]?.answer({ type: 'ready' });
    await started;
    const inFlight = backend.call('wc-1', 'reports.cash', {});
    const stopped = backend.stop();
    expect(await inFlight).toEqual(down('stopped'));
    expect(procs[0]?.received.at(-1)).toEqual({ type: 'stop' });
    await stopped; // it never exited by itself: killed after the timeout
    expect(procs[0]?.killed).toBe(true);
    expect(await backend.call('wc-1', 'auth.counters', {})).toEqual(down('stopped'));
  });
});

describe('printing through the shell’s spooler over the link (issue 12 #1)', () => {
  const job = { html: '<!DOCTYPE html><p>核对单</p>', deviceName: 'XP-58C', widthMicrons: 58_000, heightMicrons: 90_000 };

  /** The back end's spooler wired to the shell's link through a scripted process, both ways. */
  async function wired(overrides: Partial<BackendLinkOptions> = {}, timeouts = { printMs: 1000, listMs: 1000 }) {
    const { backend, procs } = link(overrides);
    const started = backend.start();
    const proc = procs[0] as Scripted;
    const spooler = createShellSpooler((message) => proc.answer(message), timeouts);
    proc.postMessage = (message: ToBackend) => {
      proc.received.push(message);
      spooler.receive(message);
    };
    proc.answer({ type: 'ready' });
    await started;
    return { spooler, proc };
  }

  it('a slip page goes to the shell’s printSlip as it was laid out, and its answer comes back by id', async () => {
    const printed: unknown[] = [];
    const { spooler, proc } = await wired({
      printSlip: (request) => {
        printed.push(request);
        return Promise.resolve(request.deviceName === 'XP-58C' ? { ok: true } : { ok: false, reason: 'Invalid deviceName provided' });
      },
      listPrinters: () => Promise.resolve([{ name: 'XP-58C', displayName: 'XP-58C' }]),
    });
    const [a, b] = await Promise.all([spooler.print(job), spooler.print({ ...job, deviceName: 'gone' })]);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual({ ok: false, failure: 'failed', reason: 'Invalid deviceName provided' });
    expect(printed).toEqual([job, { ...job, deviceName: 'gone' }]);
    expect(proc.received.filter((m) => m.type === 'print-slip-done').map((m) => (m as { id: number }).id)).toEqual([1, 2]);
    expect(await spooler.printers()).toEqual([{ name: 'XP-58C', displayName: 'XP-58C' }]);
  });

  it('a shell that throws, or has no printing, answers with the reason', async () => {
    const throwing = await wired({ printSlip: () => Promise.reject(new Error('render crashed')) });
    expect(await throwing.spooler.print(job)).toEqual({ ok: false, failure: 'failed', reason: 'render crashed' });
    const none = await wired();
    expect(await none.spooler.print(job)).toEqual({ ok: false, failure: 'failed', reason: '桌面程序没有打印功能' });
    expect(await none.spooler.printers()).toEqual([]);
  });

  it('a shell that never answers: the print times out (the slip goes to the reprint queue), a late answer is ignored', async () => {
    let late: (() => void) | null = null;
    const { spooler } = await wired(
      { printSlip: () => new Promise((resolve) => (late = () => resolve({ ok: true }))), listPrinters: () => new Promise(() => undefined) },
      { printMs: 30, listMs: 30 },
    );
    expect(await spooler.print(job)).toEqual({ ok: false, failure: 'timeout' });
    expect(await spooler.printers()).toBeNull();
    (late as (() => void) | null)?.();
    await tick();
  });
});
