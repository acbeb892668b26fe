/** The browser harness only talks to its own page: loopback, random token, own Origin, no path escape. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../main/harness/server.js';
import { rendererDistDir } from '../../main/paths.js';
import { makeTestHost, type TestHost } from '../fixtures/host.js';

let host: TestHost;
let harness: Harness;

beforeAll(async () => {
  host = makeTestHost();
  harness = await startHarness(host.router, rendererDistDir);
});
afterAll(async () => {
  await harness.close();
  host.dispose();
});

function open(token: string, origin: string): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/ws?token=${token}`, { origin });
    ws.on('open', () => resolve(ws));
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

function request(ws: WebSocket, payload: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  });
}

describe('browser harness', () => {
  const origin = () => `http://127.0.0.1:${harness.port}`;

  it('listens on loopback only and serves the renderer with a CSP', async () => {
    expect(harness.url.startsWith('http://127.0.0.1:')).toBe(true);
    const res = await fetch(harness.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(`connect-src ws://127.0.0.1:${harness.port}`);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('refuses paths outside the renderer folder', async () => {
    const res = await fetch(`${origin()}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(404);
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    expect(await open('wrong', origin())).toBe(403);
    expect(await open(harness.token, 'http://evil.example')).toBe(403);
  });

  it('forwards the contract for its own page, and answers garbage with a typed error', async () => {
    const ws = await open(harness.token, origin());
    expect(ws).toBeInstanceOf(WebSocket);
    if (!(ws instanceof WebSocket)) return;
    expect(await request(ws, { id: 1, method: 'auth.counters', input: {} })).toMatchObject({ id: 1, result: { ok: true } });
    expect(await request(ws, { id: 2, method: 'accounts.search', input: { query: '幸福' } })).toEqual({
      id: 2,
      result: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } },
    });
    expect(await request(ws, 'not json')).toMatchObject({ id: -1, result: { ok: false, error: { code: 'VALIDATION' } } });
    ws.close();
  });
});
