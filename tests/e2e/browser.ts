/** Debian Chromium driven by playwright-core (never `playwright install`), with the flags this machine needs. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../main/harness/server.js';
import { rendererDistDir, repoRoot } from '../../main/paths.js';
import type { TestHost } from '../fixtures/host.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-zenhei`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The harness on a test host, and a Chromium page on it; close() tears everything down. */
export interface CounterPage {
  harness: Harness;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openCounterPage(host: TestHost, viewport = { width: 1440, height: 900 }): Promise<CounterPage> {
  mkdirSync(artifacts, { recursive: true });
  const harness = await startHarness(host.router, rendererDistDir, 0, { displayPush: host.displayPush });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  return {
    harness,
    browser,
    page,
    close: async () => {
      await browser.close();
      await harness.close();
      host.dispose();
    },
  };
}

export const artifacts = join(repoRoot, 'tests', 'e2e', 'artifacts');
