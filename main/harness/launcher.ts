/**
 * Opening the harness page in a browser without putting its token on the browser's command line, where
 * any local user could read it in /proc/<pid>/cmdline (issue 10 #11): the URL goes into a launcher page
 * only this user can read (0600 in a 0700 folder), and the browser is started on that file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Launcher {
  /** file:// URL of the launcher page; safe to pass on a command line. */
  url: string;
  file: string;
  remove(): void;
}

function htmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function writeLauncher(pageUrl: string): Launcher {
  const dir = mkdtempSync(join(tmpdir(), 'gas-hall-open-')); // mkdtemp: mode 0700
  const file = join(dir, 'open.html');
  const href = htmlAttr(pageUrl);
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>燃气营业厅柜台系统</title><a href="${href}">打开柜台界面</a>\n`,
    { mode: 0o600 },
  );
  return { url: pathToFileURL(file).href, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
