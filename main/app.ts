/**
 * The Electron shell: lifecycle, the counter window, and the IPC bridge to the back end. Issue 11 #7: the
 * back end (store, services, devices, router: main/host.ts) runs in an Electron utility process
 * (main/backend.ts, bundled to dist/main/backend.cjs); this main process owns the windows only, checks each
 * call's sender frame and forwards the call to it (main/backend-link.ts), so a long job never blocks a
 * window. Bundled to dist/main/app.cjs (scripts/build-main.mjs); it never loads the store or a device driver.
 */
import { app, BrowserWindow, dialog, ipcMain, session, utilityProcess, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { channelOf } from '../preload/channels.js';
import { METHOD_NAMES } from '../preload/channels.generated.js';
import { DISPLAY_PUSH } from '../preload/display-push.js';
import { createBackendLink } from './backend-link.js';
import { dataDirFor, dataPaths } from './data-dir.js';
import { BACKEND_START_ENV, type BackendStart } from './backend-protocol.js';
import { CONTENT_SECURITY_POLICY, counterWindowOptions, installNavigationGuards, isAppUrl } from './window-options.js';

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'renderer', 'dist');
const preloadPath = join(appRoot, 'dist', 'preload', 'index.cjs');
const backendPath = join(appRoot, 'dist', 'main', 'backend.cjs');
/** Issue 11 #3: the windows showing a customer display, by connection. */
const displayWindows = new Map<string, WebContents>();

const connectionOf = (contents: WebContents) => `wc-${contents.id}`;

function senderAllowed(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url, rendererDir);
}

const backend = createBackendLink({
  fork: () => {
    // Issue 12 #6: one data folder per machine (%ProgramData%, /var/lib, or GAS_DATA_DIR), not per Windows user
    const paths = dataPaths(dataDirFor({ platform: process.platform, env: process.env, packaged: app.isPackaged, appRoot }), process.platform, process.env);
    const start: BackendStart = {
      dbFile: paths.dbFile,
      migrationsDir: join(appRoot, 'db', 'migrations'),
      backupDir: paths.backupDir,
      ...(paths.backupMirrorDir ? { backupMirrorDir: paths.backupMirrorDir } : {}),
    };
    return utilityProcess.fork(backendPath, [], {
      serviceName: '燃气营业厅后台服务',
      stdio: 'inherit',
      env: { ...process.env, [BACKEND_START_ENV]: JSON.stringify(start) },
    });
  },
  onPush: (connection, topic, value) => {
    const contents = topic === 'display' ? displayWindows.get(connection) : undefined;
    if (contents && !contents.isDestroyed()) contents.send(DISPLAY_PUSH.state, value);
  },
  onRestarted: () => {
    // The back end's sessions went with it: every window says so and opens at the sign-in again.
    for (const win of BrowserWindow.getAllWindows()) {
      void dialog
        .showMessageBox(win, { type: 'warning', title: '后台服务已重新启动', message: '后台服务意外中断，已重新启动。请重新登录；中断时正在办理的业务请核对后再办理。' })
        .then(() => {
          if (!win.isDestroyed()) win.webContents.reload();
        });
    }
  },
  onGaveUp: (reason) => {
    dialog.showErrorBox('后台服务无法启动', `${reason}\n请联系管理员。`);
  },
});

function registerIpc(): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), (event, input: unknown) => {
      if (!senderAllowed(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } };
      return backend.call(connectionOf(event.sender), method, input);
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

function openCounterWindow(): void {
  // Navigation guards are installed for every webContents in 'web-contents-created' below.
  const win = new BrowserWindow(counterWindowOptions(preloadPath, '燃气营业厅柜台系统 — 前台收费'));
  const connection = connectionOf(win.webContents);
  win.on('closed', () => {
    displayWindows.delete(connection);
    backend.end(connection);
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(rendererDir, 'index.html'));
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  installNavigationGuards(contents, rendererDir);
});

void app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  registerIpc();
  try {
    // device discovery and the store are the back end's (main/backend.ts)
    await backend.start();
  } catch (error) {
    dialog.showErrorBox('无法启动燃气营业厅柜台系统', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  openCounterWindow();
});

app.on('window-all-closed', () => {
  void backend.stop().finally(() => app.quit());
});
