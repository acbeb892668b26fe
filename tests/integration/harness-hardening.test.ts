/**
 * Issue 10 #10/#11: no request or frame may kill the harness back end (errors are answered or the
 * connection closed), the Host header is checked (DNS rebinding), connections per token are capped.
 * The harness runs in its own process so "still alive" means the process really is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { repoRoot } from '../../main/paths.js';

const MAX_CONNECTIONS = 4;
let child: ChildProcess;
let port = 0;
let token = '';
let exited: number | null | undefined;

beforeAll(async () => {
  child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests', 'fixtures', 'harness-child.ts'), String(MAX_CONNECTIONS)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.on('exit', (code) => {
    exited = code;
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`harness exited ${code}`)));
  });
  ({ port, token } = JSON.parse(line) as { port: number; token: string });
});
afterAll(() => {
  child.kill('SIGTERM');
});

const origin = () => `http://127.0.0.1:${port}`;

/** A raw GET, so the path and Host header go out exactly as written. */
function get(path: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function open(options: { host?: string; origin?: string } = {}): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, {
      origin: options.origin ?? origin(),
      ...(options.host ? { headers: { host: options.host } } : {}),
    });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) resolve(-1);
    ws.on('close', (code) => resolve(code));
  });
}

async function alive(): Promise<void> {
  expect(exited).toBeUndefined();
  expect(await get('/')).toBe(200);
  const ws = await open();
  if (!(ws instanceof WebSocket)) throw new Error(`refused: ${ws}`);
  const answer = await new Promise<unknown>((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(JSON.stringify({ id: 7, method: 'auth.counters', input: {} }));
  });
  expect(answer).toMatchObject({ id: 7, result: { ok: true } });
  ws.close();
  await closed(ws);
}

describe('the harness survives bad requests (issue 10 #10)', () => {
  it('answers a GET with a malformed %-escape with 400 and keeps serving', async () => {
    expect(await get('/%E0%A4%A')).toBe(400);
    expect(await get('/assets/%')).toBe(400);
    await alive();
  });

  it('closes a connection that sends a 300 KB frame (1009) and keeps serving', async () => {
    const ws = await open();
    if (!(ws instanceof WebSocket)) throw new Error('refused');
    const big = JSON.stringify({ id: 1, method: 'accounts.search', input: { query: 'x'.repeat(300 * 1024) } });
    const code = closed(ws);
    ws.send(big);
    expect(await code).toBe(1009);
    await alive();
  });

  it('closes a connection that sends invalid UTF-8 (1007) and keeps serving', async () => {
    const ws = await open();
    if (!(ws instanceof WebSocket)) throw new Error('refused');
    const code = closed(ws);
    ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect(await code).toBe(1007);
    await alive();
  });

  it('survives a client that resets the socket during a refused upgrade', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /ws?token=wrong HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
        socket.resetAndDestroy();
        resolve();
      });
      socket.on('error', () => undefined);
    });
    await alive();
  });
});

describe('the harness only answers its own page (issue 10 #11)', () => {
  it('refuses a wrong Host header (DNS rebinding) with 403, on GET and on the WebSocket upgrade', async () => {
    expect(await get('/', `evil.example:${port}`)).toBe(403);
    expect(await get('/', `localhost:${port}`)).toBe(403);
    expect(await get('/', '127.0.0.1:1')).toBe(403);
    expect(await open({ host: `evil.example:${port}` })).toBe(403);
    await alive();
  });

  it(`refuses more than ${MAX_CONNECTIONS} connections per token`, async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < MAX_CONNECTIONS; i++) {
      const ws = await open();
      if (!(ws instanceof WebSocket)) throw new Error(`connection ${i + 1} refused: ${ws}`);
      sockets.push(ws);
    }
    expect(await open()).toBe(429);
    const first = sockets.shift()!;
    first.close();
    await closed(first);
    const again = await open();
    expect(again).toBeInstanceOf(WebSocket);
    if (again instanceof WebSocket) sockets.push(again);
    for (const ws of sockets) {
      ws.close();
      await closed(ws);
    }
    await alive();
  });

  it('a handshake ws rejects (bad version, no key) or a socket reset mid-handshake gives its slot back', async () => {
    /** A raw upgrade with the right token, Host and Origin; resolves when the server has closed the socket. */
    const rawUpgrade = (headers: string, reset = false) =>
      new Promise<string>((resolve) => {
        let answer = '';
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`GET /ws?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin()}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n${headers}\r\n`);
          if (reset) {
            socket.resetAndDestroy();
            resolve('reset');
          }
        });
        socket.on('data', (chunk) => {
          answer += String(chunk);
        });
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
      });
    const key = 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    for (let i = 0; i < MAX_CONNECTIONS + 5; i++) {
      expect(await rawUpgrade(`${key}Sec-WebSocket-Version: 99\r\n`)).toMatch(/^HTTP\/1\.1 400/);
      expect(await rawUpgrade('Sec-WebSocket-Version: 13\r\n')).toMatch(/^HTTP\/1\.1 400/);
      await rawUpgrade(`${key}Sec-WebSocket-Version: 13\r\n`, true);
    }
    await alive();
    const sockets: WebSocket[] = [];
    for (let i = 0; i < MAX_CONNECTIONS; i++) {
      const ws = await open();
      if (!(ws instanceof WebSocket)) throw new Error(`connection ${i + 1} refused: ${ws}`);
      sockets.push(ws);
    }
    expect(await open()).toBe(429);
    for (const ws of sockets) {
      ws.close();
      await closed(ws);
    }
  });
});
