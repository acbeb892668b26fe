/**
 * Issue 12 #9a: a smoke test of the real shell without the Electron binary. The built dist/main/app.cjs is
 * loaded with the stubbed `electron` (tests/fixtures/fake-electron.ts), as a packaged app, with the real back
 * end in another process: the window's options and navigation guards, channel parity between the built
 * preload and the handlers, the zh-CN menu (no Reload in production, Ctrl+P prints, 保存为PDF), a second
 * launch focusing the window, closing with a payment in flight, and a start-up failure (a damaged store):
 * the Chinese error dialog naming the log, quit, the single-instance lock released. (IPC from a foreign frame
 * is in electron-backend.test.ts; the customer display's second-screen window is issue 12 #4's.)
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccounts, seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { CLOSE_CANCEL, CLOSE_WAIT } from '../../main/shell/in-flight.js';
import { RESTORE_NEWEST_BACKUP_ARG } from '../../main/shell/startup-failure.js';
import { backupNow } from '../../main/services/backup.js';
import { channelOf } from '../../preload/channels.js';
import { METHOD_NAMES } from '../../preload/channels.generated.js';
import { DISPLAY_PUSH } from '../../preload/display-push.js';
import { loadPreload, loadShell, type FakeMenuItem, type Shell, until } from '../fixtures/fake-electron.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gas-hall-shell-'));
  dirs.push(dir);
  return dir;
};
const previous = { demo: process.env.GAS_DEMO, devtools: process.env.GAS_DEVTOOLS };

const allItems = (items: FakeMenuItem[]): FakeMenuItem[] => items.flatMap((item) => [item, ...allItems(item.submenu ?? [])]);

let shell: Shell;
let userData: string;
const savePath = join(tmpdir(), `gas-hall-shell-${process.pid}.pdf`);

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build-main.mjs'], { cwd: repoRoot, stdio: 'pipe' });
  userData = tempDir();
  const seeded = createHost({ demo: true, dbFile: join(userData, 'gas-hall.db'), migrationsDir });
  seedReferenceData(seeded.store.sqlite);
  seeded.close();
  process.env.GAS_DEMO = '1';
  // the development switch alone does not give a packaged app Reload or the developer tools
  process.env.GAS_DEVTOOLS = '1';
  shell = loadShell(repoRoot, userData, { isPackaged: true, savePath, messageBoxResponses: [CLOSE_CANCEL, CLOSE_WAIT] });
  await until(() => shell.windows.length === 1, 30_000);
});

afterAll(async () => {
  shell?.restore();
  const exits = (shell?.forks ?? []).filter((p) => p.child.exitCode === null && p.child.signalCode === null).map((p) => new Promise((resolve) => p.child.once('exit', resolve)));
  for (const proc of shell?.forks ?? []) proc.kill();
  await Promise.all(exits);
  for (const [name, value] of [['GAS_DEMO', previous.demo], ['GAS_DEVTOOLS', previous.devtools]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  rmSync(savePath, { force: true });
});

const theWindow = () => {
  const win = shell.windows[0];
  if (!win) throw new Error('no window');
  return win;
};

describe('the packaged shell, loaded from dist/main/app.cjs with a stubbed electron (issue 12 #9a)', () => {
  it('opens the counter window isolated, sandboxed, without node, and guards its navigation', () => {
    const win = theWindow();
    expect(win.options).toMatchObject({ show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: false, preload: join(repoRoot, 'dist', 'preload', 'index.cjs') } });
    expect(win.loads[0]?.[0]).toBe(join(repoRoot, 'renderer', 'dist', 'index.html'));
    const contents = win.webContents;
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', `${shell.appUrl}#/cards`)).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: shell.appUrl })).toEqual({ action: 'deny' });
  });

  it('answers exactly the channels the built preload uses: one handler per contract method, nothing else', async () => {
    const preload = await loadPreload(repoRoot);
    const channels = METHOD_NAMES.map((m) => channelOf(m)).sort();
    expect([...shell.handleChannels].sort()).toEqual(channels);
    expect([...preload.invoked].sort()).toEqual(channels);
    expect([...shell.onChannels].sort()).toEqual([DISPLAY_PUSH.subscribe, DISPLAY_PUSH.unsubscribe].sort());
    expect([...new Set(preload.sent)].sort()).toEqual([...shell.onChannels].sort());
    expect([...preload.exposed.keys()].sort()).toEqual(['gas', 'gasDisplay']);
    // and a call from a foreign page is refused in the main process (more in electron-backend.test.ts)
    expect(await shell.invoke(theWindow().webContents, 'auth.session', {}, { url: 'https://evil.example/' })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } });
  });

  it('has a zh-CN menu without Reload or the developer tools, listing the renderer’s counter areas', () => {
    const menu = shell.menu;
    if (!menu) throw new Error('no application menu');
    expect(menu.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '业务(&B)', '视图(&V)', '窗口(&W)', '帮助(&H)']);
    const items = allItems(menu);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(items.map((i) => i.role)).not.toContain(role);
    for (const item of items) if (item.label) expect(item.label).not.toMatch(/reload|devtools|toggle/i);
    const rendererHashes = [...readFileSync(join(repoRoot, 'renderer', 'src', 'App.tsx'), 'utf8').matchAll(/hash: '(#\/[a-z]+)'/g)].map((m) => m[1]);
    const areaItems = items.filter((i) => i.id?.startsWith('area:'));
    expect(areaItems.map((i) => i.id?.slice('area:'.length))).toEqual(rendererHashes);
    // an area opens in the focused window
    shell.focused = theWindow();
    areaItems.find((i) => i.label === '卡务')?.click?.();
    expect(theWindow().loads.at(-1)).toEqual([join(repoRoot, 'renderer', 'dist', 'index.html'), { hash: '/cards' }]);
  });

  it('prints the focused window’s A4 form on Ctrl+P and saves it as a PDF through printToPDF', async () => {
    const items = allItems(shell.menu ?? []);
    const print = items.find((i) => i.id === 'print');
    expect(print).toMatchObject({ label: '打印…', accelerator: 'CmdOrCtrl+P' });
    shell.focused = theWindow();
    print?.click?.();
    expect(theWindow().webContents.prints).toEqual([{ silent: false, printBackground: true, pageSize: 'A4' }]);
    const pdf = items.find((i) => i.id === 'pdf');
    expect(pdf?.label).toBe('保存为PDF…');
    pdf?.click?.();
    await until(() => existsSync(savePath));
    expect(shell.saveDialogs).toHaveLength(1);
    expect(theWindow().webContents.pdfs).toEqual([{ pageSize: 'A4', printBackground: true }]);
    await until(() => readFileSync(savePath, 'utf8').startsWith('%PDF'));
  });

  it('brings the running window forward on a second launch', () => {
    const win = theWindow();
    win.minimized = true;
    const before = { restores: win.restores, focuses: win.focuses };
    shell.emitApp('second-instance', {}, ['gas-hall'], '/');
    expect(win.restores).toBe(before.restores + 1);
    expect(win.focuses).toBe(before.focuses + 1);
    expect(win.minimized).toBe(false);
  });

  it('asks before closing a window with a payment in flight, and waits for it when told to', async () => {
    const win = theWindow();
    const pid = shell.forks[0]?.child.pid;
    if (!pid) throw new Error('no back end');
    const closed = new Promise<void>((resolve) => win.once('closed', () => resolve()));
    // the back end is held: the payment stays in flight
    process.kill(pid, 'SIGSTOP');
    try {
      const payment = shell.invoke(win.webContents, 'payments.payCash', {} as never);
      win.close();
      // asked (a quick call would simply be waited for): 不关闭
      await until(() => shell.messageBoxes.length === 1, 5000);
      const [, question] = shell.messageBoxes[0] as [unknown, { message: string; buttons: string[] }];
      expect(question.message).toContain('收费');
      expect(question.buttons).toEqual(['等待完成后关闭', '不关闭', '仍然关闭']);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(win.isDestroyed()).toBe(false);
      // closed again: asked again, 等待完成后关闭; the window stays until the payment is answered
      win.close();
      await until(() => shell.messageBoxes.length === 2, 5000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(win.isDestroyed()).toBe(false);
      // clicking close again while it waits neither closes nor asks again
      win.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(win.isDestroyed()).toBe(false);
      expect(shell.messageBoxes).toHaveLength(2);
      process.kill(pid, 'SIGCONT');
      expect(await payment).toMatchObject({ ok: false });
      await closed;
      expect(win.isDestroyed()).toBe(true);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  }, 20_000);
});

describe('a start-up failure (issue 12 #5)', () => {
  it('shows a Chinese error dialog saying what to do and where the log is, quits and frees the single-instance lock', async () => {
    shell.restore();
    const damaged = tempDir();
    writeFileSync(join(damaged, 'gas-hall.db'), Buffer.alloc(8192, 0x5a));
    const failed = loadShell(repoRoot, damaged);
    try {
      await until(() => failed.quits === 1, 30_000);
      expect(failed.windows).toEqual([]);
      expect(failed.lockReleased).toBe(true);
      expect(failed.errorBoxes).toHaveLength(1);
      const [title, content] = failed.errorBoxes[0] ?? ['', ''];
      expect(title).toBe('燃气营业厅柜台系统无法启动');
      expect(content).toContain('数据文件已损坏');
      expect(content).toContain('备份恢复');
      expect(content).not.toContain('npm');
      const logFile = join(damaged, 'logs', 'main.log');
      expect(content).toContain(`日志文件：${logFile}`);
      expect(readFileSync(logFile, 'utf8')).toContain('start-up failed');
    } finally {
      failed.restore();
    }
  });

  it('a damaged store with backups: the dialog offers the newest sound backup, and the restart restores it (issue 12 #6)', async () => {
    shell.restore();
    const folder = tempDir();
    const source = createHost({ demo: true, dbFile: join(folder, 'source.db'), migrationsDir });
    seedReferenceData(source.store.sqlite);
    await backupNow(source.store, join(folder, 'backups'), new Date('2026-11-22T10:00:00Z'));
    source.close();
    writeFileSync(join(folder, 'gas-hall.db'), Buffer.alloc(8192, 0x5a));
    const failed = loadShell(repoRoot, folder, { messageBoxResponses: [0] });
    try {
      await until(() => failed.quits === 1, 30_000);
      expect(failed.windows).toEqual([]);
      expect(failed.errorBoxes).toEqual([]);
      expect(JSON.stringify(failed.messageBoxes[0])).toContain('数据文件已损坏');
      expect(JSON.stringify(failed.messageBoxes[0])).toContain('从最近的完好备份恢复');
      expect(failed.relaunches).toEqual([{ args: [...process.argv.slice(1), RESTORE_NEWEST_BACKUP_ARG] }]);
      expect(failed.lockReleased).toBe(true);
    } finally {
      failed.restore();
    }
    process.argv.push(RESTORE_NEWEST_BACKUP_ARG);
    const restarted = loadShell(repoRoot, folder);
    try {
      await until(() => restarted.windows.length === 1, 30_000);
      expect(readdirSync(folder).some((f) => f.startsWith('gas-hall.db.replaced-'))).toBe(true);
    } finally {
      process.argv.pop();
      restarted.restore();
      for (const proc of restarted.forks) proc.kill();
    }
  });

  it('a store found damaged by the background check after the start: the same dialog, then the app quits (issue 13 #5)', async () => {
    shell.restore();
    const folder = tempDir();
    const file = join(folder, 'gas-hall.db');
    const source = createHost({ demo: true, dbFile: file, migrationsDir });
    seedReferenceData(source.store.sqlite);
    seedAccounts(source.store.sqlite, { accounts: 3000, today: '2026-11-23', seed: 5 });
    source.close();
    // a page in the middle of the account data: open and migrations do not touch it, the check finds it
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * Math.floor((statSync(file).size / 4096) * 0.6));
    closeSync(fd);
    const failed = loadShell(repoRoot, folder);
    try {
      await until(() => failed.quits === 1, 30_000);
      expect(failed.errorBoxes).toHaveLength(1);
      const [title, content] = failed.errorBoxes[0] ?? ['', ''];
      expect(title).toBe('燃气营业厅柜台系统无法启动');
      expect(content).toContain('数据文件已损坏');
      expect(content).toContain('完整性检查未通过');
    } finally {
      failed.restore();
      for (const proc of failed.forks) proc.kill();
    }
  });

  it('says the store is in use when another program holds it locked', async () => {
    const locked = tempDir();
    const holder = new Database(join(locked, 'gas-hall.db'));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1)');
    const failed = loadShell(repoRoot, locked);
    try {
      await until(() => failed.quits === 1, 30_000);
      expect(failed.windows).toEqual([]);
      expect(failed.lockReleased).toBe(true);
      expect(failed.errorBoxes[0]?.[1]).toContain('正被其他程序占用');
    } finally {
      failed.restore();
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('a second copy quits at once without a window or a back end', async () => {
    const second = loadShell(repoRoot, tempDir(), { singleInstance: false });
    second.restore();
    // whenReady has resolved by now: nothing was started after the quit
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(second.quits).toBe(1);
    expect(second.windows).toEqual([]);
    expect(second.forks).toEqual([]);
    expect(second.handlers.size).toBe(0);
  });
});
