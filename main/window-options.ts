/**
 * Electron hardening (ARCHITECTURE "Electron hardening"), kept free of the electron import so it can be
 * tested headless: the BrowserWindow options of every counter window, the CSP, and the navigation guards.
 */
import { pathToFileURL } from 'node:url';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `devTools`: the shell passes its development switch (issue 12 #5: unpackaged AND GAS_DEVTOOLS=1). */
export function counterWindowOptions(preloadPath: string, title: string, devTools = process.env.GAS_DEVTOOLS === '1') {
  return {
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#eef2f6',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
    },
  } as const;
}

/**
 * Issue 12 #1: the hidden window a slip page is printed from (a printer installed with a driver): it only shows
 * the back end's HTML (no preload, no script, no node) and is destroyed after the print.
 */
export function slipPrintWindowOptions() {
  return {
    show: false,
    width: 480,
    height: 800,
    title: '核对单打印',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    },
  } as const;
}

/** The options of webContents.print for one slip page: silent, to the named printer, the page's size, no margins. */
export function slipPrintOptions(job: { deviceName: string; widthMicrons: number; heightMicrons: number }) {
  return {
    silent: true,
    printBackground: false,
    deviceName: job.deviceName,
    pageSize: { width: job.widthMicrons, height: job.heightMicrons },
    margins: { marginType: 'none' as const },
  };
}

/**
 * Issue 12 #4: the customer display's window, as hardened as a counter window. On the customer's monitor (a
 * display other than the primary) it is frameless and full screen on that display; without one it is a
 * normal window the clerk places (and whose position is remembered).
 */
export function customerDisplayWindowOptions(preloadPath: string, target: { bounds: { x: number; y: number; width: number; height: number } } | null, devTools = false) {
  const base = counterWindowOptions(preloadPath, '顾客显示屏', devTools);
  const { minWidth: _minWidth, minHeight: _minHeight, ...rest } = base;
  if (!target) return { ...rest, width: 1024, height: 768, minWidth: 640, minHeight: 480 };
  return { ...rest, ...target.bounds, frame: false, fullscreen: true };
}

/** True only for files inside the built renderer folder. */
export function isAppUrl(url: string, rendererDir: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:') return false;
  const root = pathToFileURL(rendererDir.endsWith('/') ? rendererDir : `${rendererDir}/`).href;
  return parsed.href.startsWith(root) && !decodeURIComponent(parsed.pathname).includes('/../');
}

export interface Preventable {
  preventDefault(): void;
}

export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Blocks every navigation away from the app, every redirect, every webview and every window.open. */
export function installNavigationGuards(contents: GuardableContents, rendererDir: string): void {
  const guard = (event: Preventable, url: string) => {
    if (!isAppUrl(url, rendererDir)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
