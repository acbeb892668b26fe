/**
 * The loopback browser harness (ARCHITECTURE "Headless host"): serves the built renderer on 127.0.0.1 and
 * forwards the same contract over a WebSocket, so the real UI runs in Chromium where Electron cannot.
 * Only loopback; the WebSocket needs the random token from the page URL and the harness's own Origin.
 * Issue 12 #4: the tabs of one harness are the windows of one counter PC, as the Electron app's windows are:
 * they share one sign-in (one router connection), the others are told what one tab changed
 * (`{"push":"counter","value":…}`, preload/counter-push.ts), a tab's `{"share":…}` (the customer picked, the
 * clerk's activity) reaches the others, and the sign-in ends when the last tab closes.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { sessionEventAfter, sharedEvent, type CounterEvent } from '../../preload/counter-push.js';
import type { Router } from '../ipc/router.js';
import type { DisplayPush } from '../display-push.js';

export interface Harness {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

let connectionSeq = 0;

/** Issue 12 #4: one counter PC: the router connection its tabs share, the open tabs and those showing the display. */
interface CounterPc {
  connection: string;
  tabs: Set<WebSocket>;
  displayTabs: Set<WebSocket>;
}

const newCounterPc = (): CounterPc => ({ connection: `pc-${++connectionSeq}`, tabs: new Set(), displayTabs: new Set() });

/** Tells the PC's other tabs what one tab changed (never the tab itself). */
function tellOthers(pc: CounterPc, from: WebSocket, told: CounterEvent): void {
  const message = JSON.stringify({ push: 'counter', value: told });
  for (const tab of pc.tabs) if (tab !== from && tab.readyState === tab.OPEN) tab.send(message);
}

/** The largest frame a client may send; bigger inputs (bank returns) go up in chunks (upload.*). */
export const MAX_FRAME_BYTES = 256 * 1024;

function sameToken(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function csp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ws://127.0.0.1:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface HarnessOptions {
  /** Open WebSocket connections allowed for the page's token at once (windows and tabs of one counter). */
  maxConnections?: number;
  /**
   * Issue 11 #3: the customer display's pushes. A page sends `{"subscribe":"display"}` once and from then on
   * gets `{"push":"display","value":<display.state>}` whenever its counter's display changes, until it sends
   * `{"unsubscribe":"display"}` or closes.
   */
  displayPush?: DisplayPush;
}

export const DEFAULT_MAX_CONNECTIONS = 8;

/** The socket of a refused upgrade: answer and drop it; a client that already reset it cannot crash us. */
function refuseUpgrade(socket: Duplex, status: string): void {
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

export async function startHarness(router: Router, rendererDir: string, port = 0, options: HarnessOptions = {}): Promise<Harness> {
  const token = randomBytes(24).toString('base64url');
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const root = normalize(rendererDir + sep);
  const pc = newCounterPc();
  let origin = '';
  let host = '';
  let open = 0;
  // DNS rebinding (issue 10 #11): a page of another site that resolves its name to 127.0.0.1 sends its own Host.
  const ownHost = (req: IncomingMessage) => req.headers.host === host;
  const serveFile = async (req: IncomingMessage, res: ServerResponse) => {
    if (!ownHost(req)) {
      res.writeHead(403).end();
      return;
    }
    let rel: string;
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      // a malformed %-escape (issue 10 #10) is the client's mistake, not the server's end
      res.writeHead(400).end();
      return;
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root) || req.method !== 'GET' || rel.includes('\0')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp(Number(new URL(origin).port)),
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
  const server: Server = createServer((req, res) => {
    serveFile(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      refuseUpgrade(socket, '400 Bad Request');
      return;
    }
    if (url.pathname !== '/ws' || !ownHost(req) || !sameToken(url.searchParams.get('token'), token) || req.headers.origin !== origin) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    if (open >= maxConnections) {
      refuseUpgrade(socket, '429 Too Many Requests');
      return;
    }
    // The slot is held by the socket, not by a finished handshake: ws answers a bad key or version with 400 and
    // never calls back, and a socket may die mid-handshake, so the slot is given back when the socket closes,
    // exactly once (issue 10 #11). A socket already gone is not counted at all.
    if (socket.destroyed) return;
    open++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      open--;
    };
    socket.once('close', release);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.once('close', release);
      serve(ws, router, pc, options.displayPush);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${actualPort}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

interface Request {
  id: number;
  method: string;
  input: unknown;
}

function parseRequest(data: string): Request | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { id, method, input } = value as Record<string, unknown>;
    if (typeof id !== 'number' || typeof method !== 'string') return null;
    return { id, method, input };
  } catch {
    return null;
  }
}

/** A page's `{"subscribe":"display"}` or `{"unsubscribe":"display"}` (issue 11 #3), else null. */
function subscription(data: string): { on: boolean; topic: string } | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const on = 'subscribe' in value;
    if (!on && !('unsubscribe' in value)) return null;
    const topic = on ? value.subscribe : (value as { unsubscribe: unknown }).unsubscribe;
    return { on, topic: typeof topic === 'string' ? topic : '' };
  } catch {
    return null;
  }
}

/** A page's `{"share": …}` (issue 12 #4), else null (not a share message). */
function shareOf(data: string): { message: unknown } | null {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && 'share' in value ? { message: (value as { share: unknown }).share } : null;
  } catch {
    return null;
  }
}

function serve(ws: WebSocket, router: Router, pc: CounterPc, displayPush?: DisplayPush): void {
  const { connection } = pc;
  pc.tabs.add(ws);
  // the PC's one display subscription in the back end, passed to every tab showing the display
  const dropDisplay = () => {
    if (pc.displayTabs.delete(ws) && pc.displayTabs.size === 0) displayPush?.drop(connection);
  };
  const send = (id: number, result: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
  };
  // A frame over maxPayload (1009) or with invalid UTF-8 (1007): ws closes the connection and emits
  // 'error' here; unhandled, that event would end the process (issue 10 #10).
  ws.on('error', () => undefined);
  ws.on('message', (data, isBinary) => {
    const asked = isBinary ? null : subscription(String(data));
    if (asked !== null) {
      if (asked.topic !== 'display' || !displayPush) send(-1, { ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } });
      else if (!asked.on) dropDisplay();
      else {
        if (pc.displayTabs.size === 0) {
          displayPush.subscribe(connection, (value) => {
            const message = JSON.stringify({ push: 'display', value });
            for (const tab of pc.displayTabs) if (tab.readyState === tab.OPEN) tab.send(message);
          });
        }
        pc.displayTabs.add(ws);
      }
      return;
    }
    const shared = isBinary ? null : shareOf(String(data));
    if (shared !== null) {
      const told = sharedEvent(shared.message);
      if (told) tellOthers(pc, ws, told);
      return;
    }
    const request = isBinary ? null : parseRequest(String(data));
    if (!request) {
      send(-1, { ok: false, error: { code: 'VALIDATION', message: '请求格式不正确' } });
      return;
    }
    router
      .call(connection, request.method, request.input)
      .then((result) => {
        send(request.id, result);
        const told = sessionEventAfter(request.method, result);
        if (told) tellOthers(pc, ws, told);
      })
      .catch(() => send(request.id, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，请联系管理员' } }));
  });
  ws.on('close', () => {
    pc.tabs.delete(ws);
    dropDisplay();
    // the sign-in is the PC's: it ends with its last tab
    if (pc.tabs.size === 0) void router.call(connection, 'auth.logout', {}).catch(() => undefined);
  });
}
