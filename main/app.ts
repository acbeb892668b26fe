/**
 * The Electron shell: lifecycle, the counter window, and the IPC bridge to the router. Everything else is
 * built by the headless host. Bundled to dist/main/app.cjs (scripts/build-main.mjs).
 */
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { join } from 'node:path';
import { channelOf, METHODS } from '../preload/contract.js';
import { findCardPort } from '../hardware/card/serial.js';
import { findHandheldPort } from '../hardware/handheld/serial.js';
import { createHost, type Host } from './host.js';
import { CONTENT_SECURITY_POLICY, counterWindowOptions, installNavigationGuards, isAppUrl } from './window-options.js';

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'renderer', 'dist');
const preloadPath = join(appRoot, 'dist', 'preload', 'index.cjs');
let host: Host | null = null;

function senderAllowed(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url, rendererDir);
}

function registerIpc(h: Host): void {
  for (const method of METHODS) {
    ipcMain.handle(channelOf(method), async (event, input: unknown) => {
      if (!senderAllowed(event)) return { ok: false, error: { code: 'FORBIDDEN', message: '非法的调用来源' } };
      return h.router.call(`wc-${event.sender.id}`, method, input);
    });
  }
}

function openCounterWindow(): void {
  // Navigation guards are installed for every webContents in 'web-contents-created' below.
  const win = new BrowserWindow(counterWindowOptions(preloadPath, '燃气营业厅柜台系统 — 前台收费'));
  const connection = `wc-${win.webContents.id}`;
  win.on('closed', () => host?.sessions.end(connection));
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
  // The card reader: GAS_CARD_PORT, else discovery by VID:PID (GAS_CARD_VIDPID) + IDENTIFY, else the simulator.
  const cardPort = process.env.GAS_CARD_PORT ?? (await findCardPort(process.env.GAS_CARD_VIDPID).catch(() => null));
  // The handheld: GAS_HANDHELD_PORT, else discovery (GAS_HANDHELD_VIDPID, default 0483:5740) + IDENTIFY, else the simulator.
  const handheldPort = process.env.GAS_HANDHELD_PORT ?? (await findHandheldPort(process.env.GAS_HANDHELD_VIDPID).catch(() => null));
  host = createHost({
    dbFile: join(app.getPath('userData'), 'gas-hall.db'),
    migrationsDir: join(appRoot, 'db', 'migrations'),
    backupDir: join(app.getPath('userData'), 'backups'),
    ...(cardPort ? { cardPort } : {}),
    ...(handheldPort ? { handheldPort } : {}),
  });
  registerIpc(host);
  openCounterWindow();
});

app.on('window-all-closed', () => {
  host?.close();
  host = null;
  app.quit();
});
