/**
 * The renderer's view of the contract: `window.gas` under Electron (preload), or the same methods over the
 * harness WebSocket in a browser. Either way every call returns a Result; nothing throws to the UI.
 */
import type { GasApi, Input, Method, Output, Result } from '../../../preload/contract';

declare global {
  interface Window {
    gas?: GasApi;
  }
}

type Pending = (result: Result<unknown>) => void;

class HarnessClient {
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

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
        const message = JSON.parse(event.data) as { id: number; result: Result<unknown> };
        const settle = this.pending.get(message.id);
        if (settle) {
          this.pending.delete(message.id);
          settle(message.result);
        }
      };
    });
    return this.opening;
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

/** The session store listens here: a LOCKED answer shows the lock screen over the unchanged windows. */
export function whenLocked(listener: () => void): void {
  onLocked = listener;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
  let result: Result<Output<M>>;
  if (window.gas) result = await window.gas[method](input);
  else {
    harness ??= new HarnessClient();
    result = (await harness.call(method, input)) as Result<Output<M>>;
  }
  if (!result.ok && result.error.code === 'LOCKED') onLocked();
  return result;
}
