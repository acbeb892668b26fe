/**
 * Issue 11 #7: the shell's link to the back-end process, with scripted processes: request ids pair the
 * answers, a start-up failure is reported (the app shows it and quits), repeated crashes end in a steady
 * BACKEND_DOWN instead of a restart loop, and no call is ever left waiting.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createBackendLink, type BackendLinkOptions, type BackendProcess } from '../../main/backend-link.js';
import { BACKEND_DOWN_MESSAGES, type FromBackend, type ToBackend } from '../../main/backend-protocol.js';

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

  it('passes on the background check finding the store damaged after the start (issue 13 #5); calls still answered', async () => {
    const damaged: string[] = [];
    const { backend, procs } = link({ onDamaged: (reason) => damaged.push(reason) });
    const started = backend.start();
    procs[0]?.answer({ type: 'ready' });
    await started;
    procs[0]?.answer({ type: 'damaged', message: '数据库 x.db 完整性检查未通过（row 3 missing）' });
    expect(damaged).toEqual(['数据库 x.db 完整性检查未通过（row 3 missing）']);
    expect(backend.state).toBe('ready');
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
