/**
 * The Electron shell: lifecycle, the counter window, and the IPC bridge to the back end. Issue 11 #7: the
 * back end (store, services, devices, router: main/host.ts) runs in an Electron utility process
 * (main/backend.ts, bundled to dist/main/backend.cjs); this main process owns the windows only, checks each
 * call's sender frame and forwards the call to it (main/backend-link.ts), so a long job never blocks a
 * window. Bundled to dist/main/app.cjs (scripts/build-main.mjs); it never loads the store or a device driver.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, utilityProcess, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { channelOf } from '../preload/channels.js';
import { METHOD_NAMES } from '../preload/channels.generated.js';
import { COUNTER_PUSH, sessionEventAfter, sharedEvent, type CounterEvent } from '../preload/counter-push.js';
import { DISPLAY_PUSH } from '../preload/display-push.js';
import { createBackendLink } from './backend-link.js';
import { dataDirFor, dataPaths } from './data-dir.js';
import { BACKEND_START_ENV, type BackendStart, type PrintSlipAnswer, type PrintSlipRequest, type ShellPrinter } from './backend-protocol.js';
import { CONTENT_SECURITY_POLICY, counterWindowOptions, customerDisplayWindowOptions, installNavigationGuards, isAppUrl, slipPrintOptions, slipPrintWindowOptions } from './window-options.js';
import { CLOSE_ANYWAY, CLOSE_WAIT, closeQuestion, InFlight } from './shell/in-flight.js';
import { createLog, logLevel } from './shell/log.js';
import { applicationMenu, COUNTER_AREAS, DISPLAY_HASH, isDevelopment, type CounterArea } from './shell/menu.js';
import { areaKind, areaOfUrl, customerDisplayTarget, placement, readWindowStates, writeWindowStates, type WindowKind } from './shell/windows.js';
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
/** Issue 12 #5: each window's calls in the back end (by windowKey), so closing waits for a payment or a card write. */
const inFlight = new InFlight();
/** The first counter window: a second launch brings it forward. */
let mainWindow: BrowserWindow | null = null;
/** Issue 11 #3: the pages showing a customer display (pushed from the PC's one subscription in the back end). */
const displayContents = new Set<WebContents>();
/** Issue 12 #4: the open windows, by kind; their positions are remembered per kind in the data folder. */
const openWindows = new Map<BrowserWindow, WindowKind>();
/** The monitor the customer display is full screen on (null: a normal window, or none open). */
let displayMonitorId: number | null = null;
let windowStates = readWindowStates(paths.windowStateFile);
const rendererIndex = join(rendererDir, 'index.html');

/**
 * Issue 12 #4: one sign-in per counter PC. Every window of the app calls the back end on this one connection,
 * so signing in, locking, unlocking and signing out in one window holds in all of them (the shell tells the
 * others, COUNTER_PUSH); the back end sees the PC's windows as one counter. What each window has in flight
 * is still its own (windowKey), so closing one window waits only for its own payment.
 */
const PC_CONNECTION = 'pc';
const windowKey = (contents: WebContents) => `wc-${contents.id}`;
/** Issue 12 #1: the hidden windows printing a slip page; not counter windows (no reload, no focus). */
const slipPrintWindows = new Set<BrowserWindow>();
const counterWindows = () => BrowserWindow.getAllWindows().filter((w) => !slipPrintWindows.has(w));

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
  printSlip: (job) => printSlipPage(job),
  listPrinters: () => listPrinters(),
  onPush: (connection, topic, value) => {
    if (topic !== 'display' || connection !== PC_CONNECTION) return;
    for (const contents of displayContents) if (!contents.isDestroyed()) contents.send(DISPLAY_PUSH.state, value);
  },
  onRestarted: () => {
    log.warn('the back end ended unexpectedly and runs again');
    // the new back end has no subscription: the reloaded displays subscribe again
    displayContents.clear();
    // The back end's sessions went with it: every window says so and opens at the sign-in again.
    for (const win of counterWindows()) {
      void dialog
        .showMessageBox(win, { type: 'warning', title: '后台服务已重新启动', message: '后台服务意外中断，已重新启动。请重新登录；中断时正在办理的业务请核对后再办理。' })
        .then(() => {
          if (!win.isDestroyed()) win.webContents.reload();
        });
    }
  },
  onGaveUp: (reason) => {
    log.error('the back end is not started again:', reason);
    dialog.showErrorBox('后台服务无法启动', `${reason}\n请关闭本程序后重新启动；如仍不能使用，请联系管理员。\n日志文件：${log.file}`);
  },
});

/** How long one slip page may take to reach the spooler before the hidden window is given up. */
const SLIP_PRINT_TIMEOUT_MS = 25_000;

/**
 * Issue 12 #1: a slip for a printer installed with a driver (`spooler:` address): the back end's HTML page is
 * loaded in a hidden window and printed silently to the named printer at the page's size; the answer is
 * webContents.print's success or failureReason (the back end turns a failure into a reprint-queue entry).
 */
function printSlipPage(job: PrintSlipRequest): Promise<PrintSlipAnswer> {
  return new Promise<PrintSlipAnswer>((resolve) => {
    const win = new BrowserWindow(slipPrintWindowOptions());
    slipPrintWindows.add(win);
    let done = false;
    const finish = (answer: PrintSlipAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!answer.ok) log.error('slip print failed:', job.deviceName, answer.reason);
      slipPrintWindows.delete(win);
      if (!win.isDestroyed()) win.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: '打印无应答（超时）' }), SLIP_PRINT_TIMEOUT_MS);
    win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(job.html)}`).then(
      () => {
        if (win.isDestroyed()) return finish({ ok: false, reason: '打印窗口已关闭' });
        win.webContents.print(slipPrintOptions(job), (success, failureReason) => finish(success ? { ok: true } : { ok: false, reason: failureReason || 'Print job failed' }));
      },
      (error: unknown) => finish({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/** Issue 12 #1: the printers installed in the operating system, for 设备设置 (asked through any window). */
async function listPrinters(): Promise<ShellPrinter[]> {
  const win = mainWindow ?? counterWindows()[0];
  if (!win || win.isDestroyed()) return [];
  const printers = await win.webContents.getPrintersAsync();
  return printers.map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
}

/** Issue 12 #4: tells the PC's other app windows what one window changed (never the sender itself). */
function tellOthers(sender: WebContents, told: CounterEvent): void {
  for (const win of openWindows.keys()) {
    const contents = win.webContents;
    if (contents === sender || win.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL(), rendererDir)) continue;
    contents.send(COUNTER_PUSH.event, told);
  }
}

function dropDisplay(contents: WebContents): void {
  if (displayContents.delete(contents) && displayContents.size === 0) backend.unsubscribeDisplay(PC_CONNECTION);
}

function registerIpc(): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, input: unknown) => {
      if (!senderAllowed(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } };
      const result = await inFlight.track(windowKey(event.sender), method, backend.call(PC_CONNECTION, method, input));
      const told = sessionEventAfter(method, result);
      if (told) tellOthers(event.sender, told);
      return result;
    });
  }
  ipcMain.on(DISPLAY_PUSH.subscribe, (event) => {
    if (!senderAllowed(event)) return;
    const first = displayContents.size === 0;
    displayContents.add(event.sender);
    if (first) backend.subscribeDisplay(PC_CONNECTION);
  });
  ipcMain.on(DISPLAY_PUSH.unsubscribe, (event) => {
    if (!senderAllowed(event)) return;
    dropDisplay(event.sender);
  });
  // Issue 12 #4: the customer a window picked (and the clerk's activity) for the PC's other windows
  ipcMain.on(COUNTER_PUSH.share, (event, message: unknown) => {
    if (!senderAllowed(event)) return;
    const shared = sharedEvent(message);
    if (shared) tellOthers(event.sender, shared);
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

/** Issue 12 #4: where the window of this kind was; written when a window closes (not for the display on its own monitor). */
function rememberBounds(kind: WindowKind, win: BrowserWindow): void {
  if (win.isDestroyed()) return;
  const maximized = win.isMaximized();
  const bounds = maximized || win.isFullScreen() ? win.getNormalBounds() : win.getBounds();
  windowStates = { ...windowStates, windows: { ...windowStates.windows, [kind]: { ...bounds, ...(maximized ? { maximized: true } : {}) } } };
  try {
    writeWindowStates(paths.windowStateFile, windowStates);
  } catch (error) {
    log.warn('could not write the window positions:', error);
  }
}

/** Every window of the app: close guard, remembered position, and the PC's session ended with the last one. */
function track(win: BrowserWindow, kind: WindowKind, remember: boolean): void {
  openWindows.set(win, kind);
  const contents = win.webContents;
  guardClose(win, windowKey(contents));
  if (remember) win.on('close', () => rememberBounds(kind, win));
  win.on('closed', () => {
    openWindows.delete(win);
    if (mainWindow === win) mainWindow = null;
    dropDisplay(contents);
    // the sign-in is the PC's: it ends with the last window, not with each one
    if (openWindows.size === 0) backend.end(PC_CONNECTION);
    // the last counter window closed: the customer display (maybe on the other monitor) goes too, and the app quits
    else if (kind !== 'display' && [...openWindows.values()].every((k) => k === 'display')) windowOfKind('display')?.close();
  });
  win.once('ready-to-show', () => win.show());
}

/** A counter window: the first one ('main'), or an area in its own window; at its remembered place. */
function openCounterWindow(kind: WindowKind = 'main', area: CounterArea | null = null, cascade = false): BrowserWindow {
  const { bounds, maximized } = placement(windowStates.windows[kind], screen.getAllDisplays());
  if (cascade && bounds.x !== undefined && bounds.y !== undefined) Object.assign(bounds, { x: bounds.x + 32, y: bounds.y + 32 });
  // Navigation guards are installed for every webContents in 'web-contents-created' below.
  const win = new BrowserWindow({ ...counterWindowOptions(preloadPath, `燃气营业厅柜台系统 — ${area?.title ?? '前台收费'}`, development), ...bounds });
  if (kind === 'main') mainWindow ??= win;
  track(win, kind, true);
  if (maximized) win.maximize();
  void win.loadFile(rendererIndex, area ? { hash: area.hash.slice(1) } : undefined);
  return win;
}

const windowOfKind = (kind: WindowKind): BrowserWindow | undefined => [...openWindows].find(([win, k]) => k === kind && !win.isDestroyed())?.[0];

function bringForward(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Issue 12 #4 (窗口 menu): the area in its own window; one already open comes forward. */
function openAreaWindow(area: CounterArea): void {
  if (area.hash === DISPLAY_HASH) return openCustomerDisplay();
  const open = windowOfKind(areaKind(area));
  if (open) bringForward(open);
  else openCounterWindow(areaKind(area), area);
}

/** Ctrl+Shift+N: the area the focused window shows now, in a new window (cascaded over one of the same kind). */
function openCurrentInNewWindow(): void {
  const from = targetWindow();
  const area = (from ? areaOfUrl(from.webContents.getURL(), COUNTER_AREAS) : null) ?? COUNTER_AREAS[0];
  if (!area) return;
  if (area.hash === DISPLAY_HASH) return openCustomerDisplay();
  openCounterWindow(areaKind(area), area, windowOfKind(areaKind(area)) !== undefined);
}

/**
 * Issue 12 #4: the customer display in its own window, signed in by the PC's one sign-in. With a second
 * monitor it is frameless and full screen there; otherwise a normal window the clerk places (remembered).
 */
function openCustomerDisplay(): void {
  const open = windowOfKind('display');
  if (open) return bringForward(open);
  const displays = screen.getAllDisplays();
  const target = customerDisplayTarget(displays, screen.getPrimaryDisplay().id);
  const { bounds } = target ? { bounds: {} } : placement(windowStates.windows.display, displays);
  const win = new BrowserWindow({ ...customerDisplayWindowOptions(preloadPath, target, development), ...bounds });
  track(win, 'display', target === null);
  displayMonitorId = target?.id ?? null;
  win.on('closed', () => {
    if (windowOfKind('display') === undefined) displayMonitorId = null;
  });
  void win.loadFile(rendererIndex, { hash: DISPLAY_HASH.slice(1) });
  if (target) log.info('customer display on the second monitor', JSON.stringify(target.bounds));
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
  void win.loadFile(rendererIndex, { hash: area.hash.slice(1) });
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
    const win = mainWindow ?? counterWindows()[0];
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
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenu({ development, actions: { print: printFocused, saveAsPdf: () => void saveFocusedAsPdf(), openArea, about: showAbout, openAreaWindow, openCurrentInNewWindow, openDisplay: openCustomerDisplay } }),
    ),
  );
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
  windowStates = readWindowStates(paths.windowStateFile);
  openCounterWindow();
  // Issue 12 #4: the customer's monitor is there: the display opens on it at start (else from 窗口 → 顾客显示屏)
  if (customerDisplayTarget(screen.getAllDisplays(), screen.getPrimaryDisplay().id)) openCustomerDisplay();
  // unplugged, the frameless full-screen display would land on the clerk's screen: it closes; plugged in, it opens there
  screen.on('display-removed', (_event, removed) => {
    const open = windowOfKind('display');
    if (open && displayMonitorId !== null && removed.id === displayMonitorId) {
      log.info('the customer monitor was unplugged: its display window closes');
      open.close();
    }
  });
  screen.on('display-added', (_event, added) => {
    if (windowOfKind('display') === undefined && added.id !== screen.getPrimaryDisplay().id) openCustomerDisplay();
  });
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
