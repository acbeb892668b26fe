/** Electron hardening without Electron: window options, CSP and navigation guards (ARCHITECTURE). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';
import {
  CONTENT_SECURITY_POLICY,
  counterWindowOptions,
  installNavigationGuards,
  isAppUrl,
  type GuardableContents,
  type Preventable,
} from '../../main/window-options.js';

class FakeContents implements GuardableContents {
  readonly listeners = new Map<string, (event: Preventable, url: string) => void>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (event: Preventable, url: string) => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  fire(event: string, url = ''): boolean {
    let prevented = false;
    this.listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const rendererDir = '/opt/gas-hall/resources/app/renderer/dist';

describe('counter window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const { webPreferences } = counterWindowOptions('/x/preload.cjs', 'T');
    expect(webPreferences).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('has a strict CSP with no inline or remote script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
    const html = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
  });
});

describe('navigation guards', () => {
  const contents = new FakeContents();
  installNavigationGuards(contents, rendererDir);

  it('blocks navigation and redirects away from the app', () => {
    expect(contents.fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', `file://${rendererDir}/../../../secret.html`)).toBe(true);
  });
  it('allows the app’s own pages', () => {
    expect(contents.fire('will-navigate', `file://${rendererDir}/index.html`)).toBe(false);
    expect(isAppUrl(`file://${rendererDir}/index.html#/pay`, rendererDir)).toBe(true);
    expect(isAppUrl('not a url', rendererDir)).toBe(false);
  });
  it('refuses webviews and every window.open', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
  it('is wired in the Electron shell for every webContents and every IPC sender', () => {
    const app = readFileSync(join(repoRoot, 'main', 'app.ts'), 'utf8');
    expect(app).toMatch(/web-contents-created[\s\S]*installNavigationGuards\(contents, rendererDir\)/);
    expect(app).toContain('counterWindowOptions(preloadPath');
    expect(app).toMatch(/senderAllowed\(event\)/);
  });
});
