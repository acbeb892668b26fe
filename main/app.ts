/**
 * The Electron shell: lifecycle, the counter window, and the IPC bridge to the back end. Issue 11 #7: the
 * back end (store, services, devices, router: main/host.ts) runs in an Electron utility process
 * (main/backend.ts, bundled to dist/main/backend.cjs); this main process owns the windows only, checks each
 * call's sender frame and forwards the call to it (main/backend-link.ts), so a long job never blocks a
 * window. Bundled to dist/main/app.cjs (scripts/build-main.mjs); it never loads the store or a device driver.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, utilityProcess, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { channelOf } from '../preload/channels.js';
import { METHOD_NAMES } from '../preload/channels.generated.js';
import { DISPLAY_PUSH } from '../preload/display-push.js';
import { createBackendLink } from './backend-link.js';
import { dataDirFor, dataPaths } from './data-dir.js';
import { BACKEND_START_ENV, type BackendStart } from './backend-protocol.js';
import { CONTENT_SECURITY_POLICY, counterWindowOptions, installNavigationGuards, isAppUrl } from './window-options.js';
import { CLOSE_ANYWAY, CLOSE_WAIT, closeQuestion, InFlight } from './shell/in-flight.js';
import { createLog, logLevel } from './shell/log.js';
import { applicationMenu, isDevelopment, type CounterArea } from './shell/menu.js';
import { hasBackupFiles, isDamagedStore, RESTORE_NEWEST_BACKUP_ARG, startupFailure } from './shell/startup-failure.js';

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'renderer', 'dist');
const preloadPath = join(appRoot, 'dist', 'preload', 'index.cjs');
const backendPath = join(appRoot, 'dist', 'main', 'backend.cjs');
// The store, its backups and the rotating log (issue 12 #5). Issue 12 #6: one data folder per machine (%ProgramData%\GasHallTeller, /var/lib/gas-hall-teller, or GAS_DATA_DIR; the
// checkout's .data in development), not Electron's per-user userData: every Windows user of a counter PC sees the
// same store, slip numbers, backups and logs.
const dataDir = dataDirFor({ platform: process.platform, env: process.env, packaged: app.isPackaged, appRoot });
const paths = dataPaths(dataDir, process.platform, process.env);
const log = createLog(dataDir, { level: logLevel(process.env) });
const development = isDevelopment(app.isPackaged, process.env);
/** Issue 12 #5: each window's calls in the back end, so closing waits for a payment or a card write. */
const inFlight = new InFlight();
/** The first counter window: a second launch brings it forward. */
let mainWindow: BrowserWindow | null = null;
/** Issue 11 #3: the windows showing a customer display, by connection. */
const displayWindows = new Map<string, WebContents>();

const connectionOf = (contents: WebContents) => `wc-${contents.id}`;

function senderAllowed(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url, rendererDir);
}

const backend = createBackendLink({
  fork: () => {
    const start: BackendStart = {
      dbFile: paths.dbFile,
      migrationsDir: join(appRoot, 'db', 'migrations'),
      backupDir: paths.backupDir,
      ...(paths.backupMirrorDir ? { backupMirrorDir: paths.backupMirrorDir } : {}),
      // issue 12 #6: the restart the damaged-store dialog asked for restores the newest sound backup first
      ...(process.argv.includes(RESTORE_NEWEST_BACKUP_ARG) ? { restoreNewestBackup: true } : {}),
    };
    log.info('starting the back end', backendPath);
    const child = utilityProcess.fork(backendPath, [], {
      serviceName: '燃气营业厅后台服务',
      stdio: 'pipe',
      env: { ...process.env, [BACKEND_START_ENV]: JSON.stringify(start) },
    });
    // the back end's own output (device frames with GAS_LOG_LEVEL=debug among it) goes to the log at debug level
    child.stdout?.on('data', (chunk: Buffer) => logLines('debug', chunk));
    child.stderr?.on('data', (chunk: Buffer) => logLines('warn', chunk));
    return child;
  },
  log: (message) => log.error(message),
  onPush: (connection, topic, value) => {
    const contents = topic === 'display' ? displayWindows.get(connection) : undefined;
    if (contents && !contents.isDestroyed()) contents.send(DISPLAY_PUSH.state, value);
  },
  onRestarted: () => {
    log.warn('the back end ended unexpectedly and runs again');
    // The back end's sessions went with it: every window says so and opens at the sign-in again.
    for (const win of BrowserWindow.getAllWindows()) {
      void dialog
        .showMessageBox(win, { type: 'warning', title: '后台服务已重新启动', message: '后台服务意外中断，已重新启动。请重新登录；中断时正在办理的业务请核对后再办理。' })
        .then(() => {
          if (!win.isDestroyed()) win.webContents.reload();
        });
    }
  },
  // Issue 13 #5: the integrity check ran after the start and found the store damaged: the same dialog as a
  // damaged store at start (what to do, the newest sound backup offered), then the app quits
  onDamaged: (reason) => void failStart(reason),
  onGaveUp: (reason) => {
    log.error('the back end is not started again:', reason);
    dialog.showErrorBox('后台服务无法启动', `${reason}\n请关闭本程序后重新启动；如仍不能使用，请联系管理员。\n日志文件：${log.file}`);
  },
});

function registerIpc(): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!senderAllowed(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } };
      const connection = connectionOf(event.sender);
      return inFlight.track(connection, method, backend.call(connection, method, input));
    });
  }
  ipcMain.on(DISPLAY_PUSH.subscribe, (event) => {
    if (!senderAllowed(event)) return;
    const connection = connectionOf(event.sender);
    displayWindows.set(connection, event.sender);
    backend.subscribeDisplay(connection);
  });
  ipcMain.on(DISPLAY_PUSH.unsubscribe, (event) => {
    if (!senderAllowed(event)) return;
    const connection = connectionOf(event.sender);
    displayWindows.delete(connection);
    backend.unsubscribeDisplay(connection);
  });
}

function logLines(level: 'debug' | 'warn', chunk: Buffer): void {
  for (const line of chunk.toString('utf8').split(/\r?\n/)) if (line.trim()) log[level]('[后台]', line);
}

/** Issue 12 #5: closing a window with a payment or card write in flight waits for it or asks. */
function guardClose(win: BrowserWindow, connection: string): void {
  /** Set just before the shell closes the window itself; while asking or waiting, a further close is held. */
  let allowed = false;
  let busy = false;
  const closeNow = () => {
    allowed = true;
    if (!win.isDestroyed()) win.close();
  };
  win.on('close', (event) => {
    if (allowed || (!busy && inFlight.pending(connection).length === 0)) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    void (async () => {
      // a quick call (a search, a read) is simply waited for
      if (await inFlight.settled(connection, 1500)) return closeNow();
      const what = inFlight.mustFinish(connection);
      if (what.length === 0) return closeNow();
      log.warn('closing a window with calls in flight:', inFlight.pending(connection).join(', '));
      const { response } = await dialog.showMessageBox(win, closeQuestion(what));
      if (response === CLOSE_WAIT) {
        await inFlight.settled(connection, 10 * 60_000);
        return closeNow();
      }
      if (response === CLOSE_ANYWAY) {
        log.warn('closed anyway by the clerk with calls in flight:', inFlight.pending(connection).join(', '));
        return closeNow();
      }
      busy = false;
    })();
  });
}

function openCounterWindow(): void {
  // Navigation guards are installed for every webContents in 'web-contents-created' below.
  const win = new BrowserWindow(counterWindowOptions(preloadPath, '燃气营业厅柜台系统 — 前台收费', development));
  mainWindow ??= win;
  const connection = connectionOf(win.webContents);
  guardClose(win, connection);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    displayWindows.delete(connection);
    backend.end(connection);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(rendererDir, 'index.html'));
}

/** The window a menu command acts on: the focused one, else the first. */
const targetWindow = (): BrowserWindow | null => BrowserWindow.getFocusedWindow() ?? mainWindow;

/** Ctrl+P: the A4 form the focused window shows, through the system print dialog. */
function printFocused(): void {
  const win = targetWindow();
  if (!win) return;
  win.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, reason) => {
    if (!success && reason !== 'cancelled') {
      log.error('printing failed:', reason);
      void dialog.showMessageBox(win, { type: 'error', title: '打印失败', message: `打印失败：${reason}`, detail: '请检查打印机是否开机、联机并已设为可用后再试。' });
    }
  });
}

/** 保存为PDF: the focused window's form as an A4 PDF, where the clerk chooses. */
async function saveFocusedAsPdf(): Promise<void> {
  const win = targetWindow();
  if (!win) return;
  const stamp = new Date().toISOString().slice(0, 10);
  const { canceled, filePath } = await dialog.showSaveDialog(win, {
    title: '保存为PDF',
    defaultPath: join(app.getPath('documents'), `燃气营业厅-${stamp}.pdf`),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  });
  if (canceled || !filePath) return;
  try {
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    await writeFile(filePath, pdf);
    log.info('saved a PDF:', filePath);
  } catch (error) {
    log.error('saving a PDF failed:', error);
    await dialog.showMessageBox(win, { type: 'error', title: '保存失败', message: `无法保存PDF：${error instanceof Error ? error.message : String(error)}` });
  }
}

function openArea(area: CounterArea): void {
  const win = targetWindow();
  if (!win) return;
  void win.loadFile(join(rendererDir, 'index.html'), { hash: area.hash.slice(1) });
}

function showAbout(): void {
  const win = targetWindow();
  const options = { type: 'info' as const, title: '关于', message: `燃气营业厅柜台系统 ${app.getVersion()}`, detail: `数据文件夹：${dataDir}\n日志文件：${log.file}` };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** Issue 12 #5: the app cannot start: say why, what to do and where the log is, then quit and free the lock. */
async function failStart(reason: string): Promise<void> {
  log.error('start-up failed:', reason);
  const { title, content } = startupFailure(reason, { logFile: log.file, dataDir });
  // Issue 12 #6: a damaged store with backups beside it: offer the newest sound one (checked by the back end at
  // the restart, the damaged file kept aside), not a command line
  const backups = existsSync(paths.backupDir) ? readdirSync(paths.backupDir) : [];
  if (isDamagedStore(reason) && hasBackupFiles(backups) && !process.argv.includes(RESTORE_NEWEST_BACKUP_ARG)) {
    const { response } = await dialog.showMessageBox({ type: 'error', title, message: content, buttons: ['从最近的完好备份恢复并重新启动', '退出'], defaultId: 1, cancelId: 1, noLink: true });
    if (response === 0) {
      log.warn('restarting to restore the newest sound backup');
      app.relaunch({ args: [...process.argv.slice(1), RESTORE_NEWEST_BACKUP_ARG] });
    }
  } else {
    dialog.showErrorBox(title, content);
  }
  app.releaseSingleInstanceLock();
  app.quit();
}

app.enableSandbox();
const primary = app.requestSingleInstanceLock();
if (!primary) {
  // another copy runs: it brings its window forward ('second-instance'); this one ends at once
  app.quit();
} else {
  log.info(`start ${app.getVersion()} (electron ${process.versions.electron ?? '?'}, ${process.platform}); data folder ${dataDir}${development ? '; development' : ''}`);
  app.on('second-instance', () => {
    const win = mainWindow ?? BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, rendererDir);
  });
  void app.whenReady().then(start).catch((error: unknown) => failStart(error instanceof Error ? error.message : String(error)));
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu({ development, actions: { print: printFocused, saveAsPdf: () => void saveFocusedAsPdf(), openArea, about: showAbout } })));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  registerIpc();
  // device discovery and the store are the back end's (main/backend.ts); a failure rejects to failStart
  await backend.start();
  log.info('the back end is ready');
  openCounterWindow();
}

app.on('window-all-closed', () => {
  // a call a window was closed on ("仍然关闭") still finishes in the back end before it stops
  void inFlight
    .settled(null, 60_000)
    .then(() => backend.stop())
    .finally(() => {
      log.info('quit');
      app.quit();
    });
});
