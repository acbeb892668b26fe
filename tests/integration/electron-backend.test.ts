/**
 * Issue 11 #7: the back end runs off the Electron main thread. The built shell (dist/main/app.cjs) is loaded
 * with a stubbed `electron` (tests/fixtures/fake-electron.ts) whose utilityProcess.fork runs the real
 * dist/main/backend.cjs in another process. A window's call reaches the real router there and comes back; a
 * foreign frame is refused in the main process; the main process never loads the store or a device driver;
 * a crash answers the calls in flight with a typed BACKEND_DOWN result and the back end comes back; closing
 * the window ends its session in the back end; the customer display is pushed to its window (issue 11 #3).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '../../main/seed/generate.js';
import { BACKEND_DOWN_MESSAGES } from '../../main/backend-protocol.js';
import { createHost } from '../../main/host.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { DISPLAY_PUSH } from '../../preload/display-push.js';
import { loadShell, type FakeWebContents, type Shell, until } from '../fixtures/fake-electron.js';
import { ok } from '../fixtures/client.js';

let userData: string;
let shell: Shell;
const previousDemo = process.env.GAS_DEMO;

const openFiles = (pid: number | string): string[] =>
  readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/${pid}/fd/${fd}`)];
    } catch {
      return [];
    }
  });

beforeAll(async () => {
  // the bundles as `npm run build` makes them, from the sources under test
  execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  userData = mkdtempSync(join(tmpdir(), 'gas-hall-electron-'));
  const seeded = createHost({ demo: true, dbFile: join(userData, 'gas-hall.db'), migrationsDir });
  seedReferenceData(seeded.store.sqlite);
  seeded.close();
  // the utility process gets the main process's environment: the demo store keeps 123456
  process.env.GAS_DEMO = '1';
  shell = loadShell(repoRoot, userData);
  await until(() => shell.windows.length === 1, 30_000);
});

afterAll(() => {
  shell?.restore();
  for (const proc of shell?.forks ?? []) proc.kill();
  if (previousDemo === undefined) delete process.env.GAS_DEMO;
  else process.env.GAS_DEMO = previousDemo;
  rmSync(userData, { recursive: true, force: true });
});

const window0 = (): FakeWebContents => {
  const win = shell.windows[0];
  if (!win) throw new Error('no window');
  return win.webContents;
};

describe('the Electron shell routes every call to the back end in its utility process (issue 11 #7)', () => {
  it('forks dist/main/backend.cjs and opens the window once its host is built', () => {
    expect(shell.forks).toHaveLength(1);
    expect(shell.forks[0]?.modulePath).toBe(join(repoRoot, 'dist', 'main', 'backend.cjs'));
    expect(shell.forks[0]?.child.pid).not.toBe(process.pid);
    expect(shell.handlers.size).toBeGreaterThan(100);
  });

  it("answers a window's call from the real router in the other process, with the counter PC's one session", async () => {
    const win = window0();
    const counters = await shell.invoke(win, 'auth.counters', {});
    expect(counters.ok).toBe(true);
    expect(ok(counters).map((c) => c.id)).toContain('counter-lc01');
    expect(await shell.invoke(win, 'auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true, value: { staffName: expect.any(String) } });
    expect(await shell.invoke(win, 'auth.session', {})).toMatchObject({ ok: true, value: { counterCode: 'LC01' } });
    // issue 12 #4: another window of the PC shares the one sign-in
    expect(await shell.invoke(shell.newContents(), 'auth.session', {})).toMatchObject({ ok: true, value: { counterCode: 'LC01' } });
    expect(await shell.invoke(shell.newContents(), 'auth.logout', {})).toMatchObject({ ok: true });
    // the router's own refusals come through unchanged
    expect(await shell.invoke(shell.newContents(), 'accounts.search', { query: '幸福' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('refuses a call from a foreign page or a sub-frame in the main process', async () => {
    const win = window0();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } };
    expect(await shell.invoke(win, 'auth.session', {}, { url: 'https://evil.example/' })).toEqual(forbidden);
    expect(await shell.invoke(win, 'auth.session', {}, { url: shell.appUrl })).toEqual(forbidden); // not the main frame
    expect(await shell.invoke(shell.newContents('file:///tmp/other.html'), 'auth.counters', {})).toEqual(forbidden);
  });

  it('never loads the store, drizzle or a device driver in the main process; the back end holds the SQLite file', () => {
    // issue 12 #5: and its logger (electron-log's node entry, which opens no IPC channel)
    expect(shell.required.filter((r) => !r.startsWith('node:'))).toEqual(['electron', 'electron-log/node']);
    const bundle = readFileSync(join(repoRoot, 'dist', 'main', 'app.cjs'), 'utf8');
    for (const word of ['better-sqlite3', 'drizzle-orm', 'serialport', 'createHost', 'openStore']) expect(bundle).not.toContain(word);
    const db = join(userData, 'gas-hall.db');
    expect(openFiles(shell.forks[0]?.child.pid ?? 0)).toContain(db);
    expect(openFiles('self')).not.toContain(db);
  });

  it('pushes the customer display to the window that subscribed from its own frame (issue 11 #3)', async () => {
    const clerk = window0();
    const display = shell.newContents();
    const subFrame = shell.newContents();
    for (const c of [display, subFrame]) expect(await shell.invoke(c, 'auth.login', { login: 'clerk01', password: '123456', counterId: 'counter-lc01' })).toMatchObject({ ok: true });
    const subscribe = shell.listeners.get(DISPLAY_PUSH.subscribe);
    subscribe?.({ sender: display, senderFrame: display.mainFrame });
    subscribe?.({ sender: subFrame, senderFrame: { url: shell.appUrl } });
    const shown = await shell.invoke(clerk, 'display.show', { dueFen: 3450, tenderedFen: 5000, changeFen: 1550, slipNo: null, askRating: true });
    expect(shown.ok).toBe(true);
    const [channel, state] = await until(() => display.sent[0]);
    expect(channel).toBe(DISPLAY_PUSH.state);
    expect(state).toEqual({ dueFen: 3450, tenderedFen: 5000, changeFen: 1550, slipNo: null, askRating: true, updatedAt: ok(shown).updatedAt });
    expect(subFrame.sent).toEqual([]);
    // (the clerk's window was told of the sign-ins above, issue 12 #4, but got no display)
    expect(clerk.sent.filter(([c]) => c === DISPLAY_PUSH.state)).toEqual([]);
    // unsubscribed (the screen closed): no more pushes; the answer to a later call proves the back end saw it
    shell.listeners.get(DISPLAY_PUSH.unsubscribe)?.({ sender: display, senderFrame: display.mainFrame });
    await shell.invoke(clerk, 'display.show', { dueFen: 100, tenderedFen: null, changeFen: null, slipNo: null, askRating: false });
    await shell.invoke(display, 'auth.session', {});
    expect(display.sent).toHaveLength(1);
  });

  it("ends the PC's session in the back end when its last window closes", async () => {
    const win = shell.windows[0];
    if (!win) throw new Error('no window');
    expect(await shell.invoke(win.webContents, 'auth.session', {})).toMatchObject({ ok: true, value: { counterCode: 'LC01' } });
    win.emit('closed');
    expect(await shell.invoke(win.webContents, 'auth.session', {})).toEqual({ ok: true, value: null });
  });

  it('keeps answering windows while the back end is busy, and answers a crash with BACKEND_DOWN, never a hang', async () => {
    const win = window0();
    const first = shell.forks[0];
    if (!first?.child.pid) throw new Error('no back end');
    // the back end stops answering (as if deep in a day close): the main process is not blocked by it
    process.kill(first.child.pid, 'SIGSTOP');
    let answered = false;
    const inFlight = shell.invoke(win, 'auth.counters', {}).then((result) => {
      answered = true;
      return result;
    });
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await shell.invoke(win, 'auth.counters', {}, { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(answered).toBe(false);
    // now it dies with the call in it
    process.kill(first.child.pid, 'SIGKILL');
    expect(await inFlight).toEqual({ ok: false, error: { code: 'BACKEND_DOWN', message: BACKEND_DOWN_MESSAGES.interrupted } });
    expect(await shell.invoke(win, 'auth.counters', {})).toEqual({ ok: false, error: { code: 'BACKEND_DOWN', message: BACKEND_DOWN_MESSAGES.restarting } });
    // it is started again; the windows are told and open at the sign-in
    await until(() => shell.forks.length === 2);
    await until(() => win.reloads === 1);
    expect(shell.messageBoxes).toHaveLength(shell.windows.length);
    expect(await shell.invoke(win, 'auth.counters', {})).toMatchObject({ ok: true });
    expect(await shell.invoke(win, 'auth.session', {})).toEqual({ ok: true, value: null });
    expect(shell.errorBoxes).toEqual([]);
  });

  it('stops the back end when the last window closes, then quits', async () => {
    const last = shell.forks.at(-1);
    const exited = new Promise((resolve) => last?.child.once('exit', (code) => resolve(code)));
    shell.emitApp('window-all-closed');
    expect(await exited).toBe(0);
    await until(() => shell.quits === 1);
    expect(await shell.invoke(window0(), 'auth.counters', {})).toEqual({ ok: false, error: { code: 'BACKEND_DOWN', message: BACKEND_DOWN_MESSAGES.stopped } });
  });
});

describe('packaging (issue 11 #7)', () => {
  it('electron-builder ships the back-end bundle next to the shell', () => {
    const config = readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8');
    const files = config.slice(config.indexOf('files:'), config.indexOf('\n', config.indexOf('dist/**')));
    expect(files).toMatch(/^\s+- dist\/\*\*$/m);
    expect(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).main).toBe('dist/main/app.cjs');
  });
});
