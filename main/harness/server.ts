/**
 * The loopback browser harness (ARCHITECTURE "Headless host"): serves the built renderer on 127.0.0.1 and
 * forwards the same contract over a WebSocket, so the real UI runs in Chromium where Electron cannot.
 * Only loopback; the WebSocket needs the random token from the page URL and the harness's own Origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Router } from '../ipc/router.js';

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

export async function startHarness(router: Router, rendererDir: string, port = 0): Promise<Harness> {
  const token = randomBytes(24).toString('base64url');
  const root = normalize(rendererDir + sep);
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
      const file = normalize(join(root, rel));
      if (!file.startsWith(root) || req.method !== 'GET') {
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
    })();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/ws' || !sameToken(url.searchParams.get('token'), token) || req.headers.origin !== origin) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, router));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${actualPort}`;
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

function serve(ws: WebSocket, router: Router): void {
  const connection = `ws-${++connectionSeq}`;
  ws.on('message', (data, isBinary) => {
    const request = isBinary ? null : parseRequest(String(data));
    if (!request) {
      ws.send(JSON.stringify({ id: -1, result: { ok: false, error: { code: 'VALIDATION', message: '请求格式不正确' } } }));
      return;
    }
    void router.call(connection, request.method, request.input).then((result) => {
      ws.send(JSON.stringify({ id: request.id, result }));
    });
  });
  ws.on('close', () => {
    void router.call(connection, 'auth.logout', {});
  });
}
