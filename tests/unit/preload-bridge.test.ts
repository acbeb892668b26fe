/**
 * The preload bridge, bundled as the app ships it (CommonJS) and run with a stubbed `electron`: it exposes the
 * contract's methods on their own channels and, for issue 11 #3, one push subscription for the customer
 * display (`gasDisplay.subscribe`) and, for issue 12 #4, the counter PC's events (`gasCounter`) — no generic
 * invoke, no ipcRenderer.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';
import { METHOD_NAMES } from '../../preload/channels.generated.js';
import { COUNTER_PUSH } from '../../preload/counter-push.js';
import { DISPLAY_PUSH } from '../../preload/display-push.js';

const dir = join(repoRoot, 'node_modules', '.cache', 'gas-hall', `preload-${process.pid}`);
const exposed = new Map<string, Record<string, unknown>>();
const sent: string[] = [];
const invoked: string[] = [];
const ipcRenderer = Object.assign(new EventEmitter(), {
  send: (channel: string) => sent.push(channel),
  invoke: (channel: string) => {
    invoked.push(channel);
    return Promise.resolve({ ok: true, value: null });
  },
});

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.cjs');
  await build({ entryPoints: [join(repoRoot, 'preload', 'index.ts')], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', external: ['electron'] });
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = loader._load;
  const electron = { contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) }, ipcRenderer };
  loader._load = function load(this: unknown, request, parent, isMain) {
    return request === 'electron' ? electron : original.call(this, request, parent, isMain);
  };
  try {
    createRequire(import.meta.url)(file);
  } finally {
    loader._load = original;
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preload bridge', () => {
  it('exposes exactly the contract methods, one display subscription and the counter PC’s events', async () => {
    expect([...exposed.keys()].sort()).toEqual(['gas', 'gasCounter', 'gasDisplay']);
    expect(Object.keys(exposed.get('gasCounter') ?? {}).sort()).toEqual(['share', 'subscribe']);
    expect(Object.isFrozen(exposed.get('gasCounter'))).toBe(true);
    expect(Object.keys(exposed.get('gas') ?? {}).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(exposed.get('gasDisplay') ?? {})).toEqual(['subscribe']);
    expect(Object.isFrozen(exposed.get('gasDisplay'))).toBe(true);
    await (exposed.get('gas')?.['auth.session'] as (input: unknown) => Promise<unknown>)({});
    expect(invoked).toEqual(['gas:auth.session']);
  });

  it("subscribes the window to its display's pushes and unsubscribes it", () => {
    const subscribe = exposed.get('gasDisplay')?.subscribe as (listener: (state: unknown) => void) => () => void;
    const seen: unknown[] = [];
    const unsubscribe = subscribe((state) => seen.push(state));
    expect(sent).toEqual([DISPLAY_PUSH.subscribe]);
    ipcRenderer.emit(DISPLAY_PUSH.state, {}, { dueFen: 3450 });
    expect(seen).toEqual([{ dueFen: 3450 }]);
    unsubscribe();
    ipcRenderer.emit(DISPLAY_PUSH.state, {}, { dueFen: 1 });
    expect(seen).toHaveLength(1);
    expect(sent).toEqual([DISPLAY_PUSH.subscribe, DISPLAY_PUSH.unsubscribe]);
    expect(() => subscribe('not a function' as never)).toThrow(TypeError);
  });

  it('passes the counter PC’s events to the page and its shares to main (issue 12 #4)', () => {
    const counter = exposed.get('gasCounter') as { subscribe(listener: (event: unknown) => void): () => void; share(event: unknown): void };
    const seen: unknown[] = [];
    const unsubscribe = counter.subscribe((event) => seen.push(event));
    ipcRenderer.emit(COUNTER_PUSH.event, {}, { topic: 'session', state: 'locked' });
    expect(seen).toEqual([{ topic: 'session', state: 'locked' }]);
    unsubscribe();
    ipcRenderer.emit(COUNTER_PUSH.event, {}, { topic: 'session', state: 'signedOut' });
    expect(seen).toHaveLength(1);
    const before = sent.length;
    counter.share({ topic: 'activity' });
    expect(sent.slice(before)).toEqual([COUNTER_PUSH.share]);
    expect(() => counter.subscribe('not a function' as never)).toThrow(TypeError);
  });
});
