/**
 * Issue 10 #11: the harness's token never appears on a command line other local users can read
 * (/proc/<pid>/cmdline): not on the harness's own, and not on the browser it opens (which gets a 0600
 * launcher file instead of the URL).
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'gas-harness-token-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the harness token stays off command lines (issue 10 #11)', () => {
  it('is not in the argv of the harness or of the browser it opens; the browser reads a 0600 launcher', async () => {
    const argvOut = join(dir, 'browser-argv.txt');
    const fakeBrowser = join(dir, 'fake-browser.sh');
    writeFileSync(fakeBrowser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvOut}'\n`);
    chmodSync(fakeBrowser, 0o755);
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'harness.ts'), '--open', '--db', join(dir, 'h.db'), '--accounts', '3'], {
      cwd: repoRoot,
      env: { ...process.env, GAS_HARNESS_BROWSER: fakeBrowser },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout! });
      const url = await new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => {
          const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`harness exited ${code}`)));
      });
      const token = new URL(url).searchParams.get('token') ?? '';
      expect(token.length).toBeGreaterThan(20);
      expect(readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')).not.toContain(token);
      await expect.poll(() => existsSync(argvOut)).toBe(true);
      await expect.poll(() => readFileSync(argvOut, 'utf8').includes('--app=')).toBe(true);
      const argv = readFileSync(argvOut, 'utf8');
      expect(argv).not.toContain(token);
      const app = /--app=file:\/\/(\S+)/.exec(argv)?.[1];
      expect(app).toBeDefined();
      const launcher = decodeURIComponent(app ?? '');
      expect(statSync(launcher).mode & 0o777).toBe(0o600);
      expect(statSync(join(launcher, '..')).mode & 0o077).toBe(0);
      expect(readFileSync(launcher, 'utf8')).toContain(url);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
