/**
 * Where rule IDs are cited (issue 15 #9). A citation is an ID as the code writes it: `R-PAY-03`, a range
 * `R-SEC-01..05` / `R-SEC-01…05` / `R-SEC-01–05`, a list `R-TKT-03/09/10`, an area `R-LATE-*`, an assumption `A-18`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folders of the implementation (those that exist are scanned) and of the tests. */
export const IMPLEMENTATION_DIRS = ['main', 'db', 'hardware', 'renderer', 'preload', 'server'] as const;
export const TEST_DIR = 'tests';

const CODE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|sql)$/;
const TEST_FILE = /\.test(-d)?\.(ts|tsx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', '.git']);

const ID_AREA = '(R-[A-Z0-9]+|A)';
/** An ID, then any number of `..NN`, `…NN`, `–NN` (ranges) and `/NN` (lists); or `R-AREA-*`. */
const CITATION = new RegExp(`(?<![A-Za-z0-9-])${ID_AREA}-(\\d{2}((?:(?:\\.\\.|…|–|/)\\d{2})*)|\\*)(?![0-9])`, 'g');

/** The IDs one piece of text cites, ranges, lists and area wildcards expanded against the known IDs. */
export function citedIds(text: string, known: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CITATION)) {
    const area = m[1] ?? '';
    const rest = m[2] ?? '';
    if (rest === '*') {
      if (area === 'A') continue;
      for (const id of known) if (id.startsWith(`${area}-`)) out.add(id);
      continue;
    }
    const first = Number(rest.slice(0, 2));
    let prev = first;
    const add = (n: number): void => {
      const id = `${area}-${String(n).padStart(2, '0')}`;
      if (known.has(id)) out.add(id);
    };
    add(first);
    for (const step of (m[3] ?? '').matchAll(/(\.\.|…|–|\/)(\d{2})/g)) {
      const n = Number(step[2]);
      if (step[1] === '/') add(n);
      else for (let k = prev + 1; k <= n; k++) add(k);
      prev = n;
    }
  }
  return out;
}

function walk(dir: string, accept: (path: string) => boolean, files: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names.sort()) {
    if (SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) walk(path, accept, files);
    else if (accept(path)) files.push(path);
  }
}

export interface Citations {
  /** rule ID → repository-relative files (forward slashes) */
  implementedIn: Map<string, string[]>;
  testedIn: Map<string, string[]>;
}

function index(root: string, files: string[], known: ReadonlySet<string>, into: Map<string, string[]>): void {
  for (const file of files) {
    const rel = relative(root, file).split(sep).join('/');
    for (const id of citedIds(readFileSync(file, 'utf8'), known)) {
      const list = into.get(id) ?? [];
      list.push(rel);
      into.set(id, list);
    }
  }
}

/** Scan the implementation folders and the test files of the repository at `root`. */
export function scanCitations(root: string, known: ReadonlySet<string>): Citations {
  const impl: string[] = [];
  for (const dir of IMPLEMENTATION_DIRS) walk(join(root, dir), (p) => CODE_FILE.test(p), impl);
  const tests: string[] = [];
  walk(join(root, TEST_DIR), (p) => TEST_FILE.test(p), tests);
  const implementedIn = new Map<string, string[]>();
  const testedIn = new Map<string, string[]>();
  index(root, impl, known, implementedIn);
  index(root, tests, known, testedIn);
  return { implementedIn, testedIn };
}
