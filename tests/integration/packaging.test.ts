/**
 * Issue 12 #9(b): the app packaged offline, the way `npm run dist` packages it, without Electron's binary and
 * without a network. electron-builder runs `--linux dir` from electron-builder.yml with `electronDist` pointing
 * at a fake Electron folder (a stub `electron` executable, chrome-sandbox, locales, resources/default_app.asar)
 * and `npmRebuild: false` (the native modules go in as installed here, built for Node: a real package rebuilds
 * them for Electron's ABI, which needs Electron's headers or prebuilt binaries from the network). Any download
 * is sent to a closed local port, and the log must show none was tried. Then the produced app.asar is opened
 * with @electron/asar (electron-builder's own): dist (main, back end, worker, preload), renderer/dist,
 * db/migrations, templates and fonts when the repo has them, no dev dependency, every .node file unpacked; and
 * the extracted app is started with the stubbed electron (tests/fixtures/fake-electron.ts) far enough to see
 * its back end answer from the packaged migrations.
 * The icons come from build/icon.svg (scripts/gen-icons.mjs) and the deb's scripts are electron-builder
 * templates: both are checked here too, since neither the NSIS installer nor the deb can be built offline.
 *
 * Needs `npm run build` first (npm test builds before vitest). About 10 s on the 2-core CI machine, most of it
 * electron-builder.
 */
import * as asar from '@electron/asar';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';
import { loadShell, type Shell } from '../fixtures/fake-electron.js';

/** An entry of the archive's header (a directory, a link or a file, `unpacked` when it lives in app.asar.unpacked). */
type PackedEntry = ReturnType<typeof asar.statFile>;

const EXECUTABLE = 'gas-hall-teller';
const PRODUCT_NAME = '燃气营业厅柜台系统';
/** What the app needs at run time; templates and fonts are checked when the repo has them. */
const SHIPPED_DIRS = ['dist/main', 'dist/preload', 'renderer/dist', 'db/migrations', 'db/templates', 'fonts'];
/** Repo folders that never go into the staged project (the rest is copied, so `files` in the yml decides). */
const NOT_STAGED = new Set(['node_modules', '.git', 'release', 'tests', '.data', '.bench-cache']);
const CLOSED = 'http://127.0.0.1:9';

let work: string;
let stage: string;
let out: string;
let archive: string;
let builderLog: string;
let packed: Map<string, PackedEntry>;
let shell: Shell | undefined;

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => relative(repoRoot, join(d.parentPath, d.name)).split(sep).join('/'))
    : [];

const sameFiles = (a: string, b: string, files: string[]) => files.every((f) => existsSync(join(b, f)) && readFileSync(join(a, f)).equals(readFileSync(join(b, f))));

/** A copy of the project (node_modules linked), so a concurrent `build-main.mjs` in another test file cannot change dist/ mid-copy. */
function stageProject(): void {
  const built = [...filesUnder(join(repoRoot, 'dist')), ...filesUnder(join(repoRoot, 'renderer', 'dist'))];
  for (let attempt = 0; ; attempt++) {
    rmSync(stage, { recursive: true, force: true });
    mkdirSync(stage, { recursive: true });
    for (const entry of readdirSync(repoRoot)) {
      if (NOT_STAGED.has(entry) || /\.db(-wal|-shm)?$/.test(entry)) continue;
      cpSync(join(repoRoot, entry), join(stage, entry), { recursive: true, verbatimSymlinks: true });
    }
    symlinkSync(join(repoRoot, 'node_modules'), join(stage, 'node_modules'), 'dir');
    if (sameFiles(repoRoot, stage, built)) return;
    if (attempt === 3) throw new Error('dist/ kept changing while it was copied');
  }
}

/** The Electron folder electron-builder copies (found by trying: it renames `electron`, strips locales, drops default_app.asar). */
function fakeElectronDist(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\necho "fake electron: the real binary is not part of this test" >&2\nexit 1\n');
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '');
  for (const locale of ['zh-CN', 'en-US', 'de', 'fr']) writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
  writeFileSync(join(dir, 'resources', 'default_app.asar'), '');
  writeFileSync(join(dir, 'LICENSE'), 'fake');
  writeFileSync(join(dir, 'version'), '39.5.0');
}

beforeAll(() => {
  for (const built of ['dist/main/app.cjs', 'dist/main/backend.cjs', 'dist/preload/index.cjs', 'renderer/dist/index.html']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
  }
  work = mkdtempSync(join(tmpdir(), 'gas-hall-pack-'));
  stage = join(work, 'project');
  out = join(work, 'out');
  const electronDist = join(work, 'electron-dist');
  fakeElectronDist(electronDist);
  stageProject();
  const offline = {
    ...process.env,
    // every download electron-builder or app-builder could try goes to a closed port
    HTTP_PROXY: CLOSED,
    HTTPS_PROXY: CLOSED,
    http_proxy: CLOSED,
    https_proxy: CLOSED,
    ELECTRON_GET_USE_PROXY: '1',
    GLOBAL_AGENT_HTTP_PROXY: CLOSED,
    GLOBAL_AGENT_HTTPS_PROXY: CLOSED,
    ELECTRON_MIRROR: `${CLOSED}/`,
    ELECTRON_BUILDER_BINARIES_MIRROR: `${CLOSED}/`,
    NO_PROXY: '',
    no_proxy: '',
    npm_config_offline: 'true',
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
  };
  const cli = join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  const run = spawnSync(
    process.execPath,
    [cli, '--linux', 'dir', '--projectDir', stage, '--config', 'electron-builder.yml', '--publish', 'never', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${out}`],
    { cwd: stage, env: offline, encoding: 'utf8', timeout: 110_000 },
  );
  builderLog = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`electron-builder --linux dir failed (${run.status ?? run.signal}):\n${builderLog}`);
  archive = join(out, 'linux-unpacked', 'resources', 'app.asar');
  packed = new Map(asar.listPackage(archive, { isPack: false }).map((p) => [p.slice(1), asar.statFile(archive, p.slice(1))]));
}, 120_000);

afterAll(async () => {
  if (shell) {
    // the way the app ends: its last window closed stops the back end (no restart of a killed one behind the test's back)
    shell.emitApp('window-all-closed');
    const ended = Date.now();
    while (shell.quits === 0 && Date.now() - ended < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
    shell.restore();
    for (const proc of shell.forks) if (proc.child.exitCode === null) proc.kill();
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

const isFile = (entry: PackedEntry | undefined) => entry !== undefined && !('files' in entry) && !('link' in entry);

describe('electron-builder --linux dir, offline, against a fake Electron folder (issue 12 #9b)', () => {
  it('packages without downloading anything: the fake Electron becomes the named executable', () => {
    expect(builderLog).toContain('skipped dependencies rebuild');
    expect(builderLog.toLowerCase()).not.toMatch(/download/);
    const appDir = join(out, 'linux-unpacked');
    expect(existsSync(join(appDir, EXECUTABLE))).toBe(true);
    expect(existsSync(join(appDir, 'electron'))).toBe(false);
    expect(existsSync(join(appDir, 'resources', 'default_app.asar'))).toBe(false);
    // electronLanguages: only the app's languages stay
    expect(readdirSync(join(appDir, 'locales')).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('ships dist (main, back end, worker, preload), renderer/dist, every migration and templates/fonts when there are any', () => {
    for (const file of ['dist/main/app.cjs', 'dist/main/backend.cjs', 'dist/main/bank-return-worker.cjs', 'dist/main/read-worker.cjs', 'dist/preload/index.cjs', 'renderer/dist/index.html', 'db/migrations/meta/_journal.json', 'db/templates/accounts.csv', 'db/templates/accounts.xlsx']) {
      expect(isFile(packed.get(file)), file).toBe(true);
    }
    for (const dir of SHIPPED_DIRS) {
      for (const file of filesUnder(join(stage, dir)).map((f) => relative(stage, join(repoRoot, f)).split(sep).join('/'))) expect(packed.has(file), file).toBe(true);
    }
    const migrations = readdirSync(join(repoRoot, 'db', 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(30);
    for (const sql of migrations) expect(isFile(packed.get(`db/migrations/${sql}`)), sql).toBe(true);
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as { main: string; productName?: string };
    expect(pkg.main).toBe('dist/main/app.cjs');
    // the packaged bundles are the ones built from the sources under test
    expect(asar.extractFile(archive, 'dist/main/app.cjs').equals(readFileSync(join(stage, 'dist', 'main', 'app.cjs')))).toBe(true);
  });

  it('ships the runtime dependencies and nothing of the sources, tests or dev dependencies', () => {
    for (const dep of ['better-sqlite3', 'drizzle-orm', 'serialport', 'zod', 'ws', 'iconv-lite']) expect(packed.has(`node_modules/${dep}/package.json`), dep).toBe(true);
    for (const dep of ['electron', 'electron-builder', 'vitest', 'typescript', 'vite', 'react', 'esbuild', '@resvg/resvg-js']) expect(packed.has(`node_modules/${dep}`), dep).toBe(false);
    const topLevel = new Set([...packed.keys()].map((p) => p.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['db', 'dist', 'node_modules', 'package.json', 'renderer', ...['fonts'].filter((d) => existsSync(join(repoRoot, d)))].sort());
    expect([...packed.keys()].filter((p) => p.startsWith('renderer/') && !p.startsWith('renderer/dist'))).toEqual([]);
    expect([...packed.keys()].filter((p) => p.startsWith('node_modules/better-sqlite3/deps/') || p.endsWith('test_extension.node'))).toEqual([]);
  });

  it('unpacks every native .node file (the OS loads it from a real file) and keeps the bundles in the asar', () => {
    const natives = [...packed.entries()].filter(([p]) => p.endsWith('.node'));
    expect(natives.map(([p]) => p)).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(natives.some(([p]) => p.startsWith('node_modules/@serialport/bindings-cpp/'))).toBe(true);
    for (const [path, entry] of natives) {
      expect('unpacked' in entry && entry.unpacked, `${path} is unpacked`).toBe(true);
      expect(existsSync(join(`${archive}.unpacked`, path)), `${path} is in app.asar.unpacked`).toBe(true);
    }
    // scripts/after-pack.cjs (electron-builder's afterPack hook) read each addon's ABI: Node's here (nothing was rebuilt);
    // with npmRebuild on, anything but Electron's fails the package
    const afterPack: { nativeAbis(dir: string): { file: string; abi: number | null }[] } = createRequire(import.meta.url)('../../scripts/after-pack.cjs');
    const abis = new Map(afterPack.nativeAbis(`${archive}.unpacked`).map((n) => [relative(`${archive}.unpacked`, n.file).split(sep).join('/'), n.abi]));
    expect(abis.get('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(Number(process.versions.modules));
    expect(abis.get('node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node')).toBeNull(); // N-API
    expect(builderLog).toMatch(
      new RegExp(`native modules  not rebuilt \\(npmRebuild false\\), not for a counter PC: node_modules/better-sqlite3/build/Release/better_sqlite3.node: NODE_MODULE_VERSION ${process.versions.modules}; Electron \\d+\\.\\d+\\.\\d+ needs \\d+`),
    );
    // the back end and its worker run from inside the asar (their requires resolve to app.asar/node_modules)
    for (const bundle of ['dist/main/backend.cjs', 'dist/main/bank-return-worker.cjs', 'dist/main/read-worker.cjs', 'dist/main/app.cjs']) {
      const entry = packed.get(bundle);
      expect(entry && 'unpacked' in entry && entry.unpacked, bundle).toBeFalsy();
    }
  });

  it('starts the extracted app with the stubbed electron: the back end answers from the packaged migrations', async () => {
    const app = join(work, 'app');
    asar.extractAll(archive, app);
    const userData = join(work, 'user-data');
    mkdirSync(userData);
    shell = loadShell(app, userData);
    const started = Date.now();
    while (shell.windows.length === 0 && shell.errorBoxes.length === 0 && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shell.errorBoxes).toEqual([]);
    expect(shell.windows).toHaveLength(1);
    expect(shell.forks[0]?.modulePath).toBe(join(app, 'dist', 'main', 'backend.cjs'));
    expect(shell.required.filter((r) => !r.startsWith('node:'))).toEqual(['electron', 'electron-log/node']);
    const win = shell.windows[0];
    if (!win) throw new Error('no window');
    expect(await shell.invoke(win.webContents, 'auth.session', {})).toEqual({ ok: true, value: null });
    expect((await shell.invoke(win.webContents, 'auth.counters', {})).ok).toBe(true);
    expect(existsSync(join(userData, 'gas-hall.db'))).toBe(true);
  });
});

describe('what the installers are made of, checked offline (issue 12 #8)', () => {
  it('generates the Windows .ico (16 … 256 px) and the Linux icon set from build/icon.svg', () => {
    const icons = join(work, 'icons');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-icons.mjs'), '--out', icons], { stdio: 'pipe' });
    const ico = readFileSync(join(icons, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const pngSize = (file: string) => {
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(pngSize(join(icons, 'icon.png'))).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(join(icons, 'icons', `${size}x${size}.png`))).toEqual([size, size]);
  });

  it("the NSIS additions (build/installer.nsh) and the generated .ico compile with makensis, the uninstaller deleting nothing of the data folder", () => {
    // Debian's makensis (apt-get install nsis): electron-builder downloads its own, which cannot happen offline
    const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' });
    if (makensis.error) throw new Error('makensis not found: apt-get install -y nsis');
    const icons = join(work, 'icons');
    if (!existsSync(join(icons, 'icon.ico'))) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'gen-icons.mjs'), '--out', icons], { stdio: 'pipe' });
    const script = join(work, 'installer-check.nsi');
    // the shape of electron-builder's installer: per machine (all users), zh-CN, customInstall after the files, customUnInstall
    writeFileSync(
      script,
      [
        'Unicode true',
        `OutFile "${join(work, 'installer-check.exe')}"`,
        'RequestExecutionLevel admin',
        `!include "${join(repoRoot, 'build', 'installer.nsh')}"`,
        `Icon "${join(icons, 'icon.ico')}"`,
        `UninstallIcon "${join(icons, 'icon.ico')}"`,
        'LoadLanguageFile "${NSISDIR}\\Contrib\\Language files\\SimpChinese.nlf"',
        'Section "install"',
        '  SetShellVarContext all',
        '  !insertmacro customInstall',
        '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
        'SectionEnd',
        'Section "Uninstall"',
        '  SetShellVarContext all',
        '  !insertmacro customUnInstall',
        'SectionEnd',
        '',
      ].join('\n'),
    );
    const compiled = spawnSync('makensis', ['-V2', '-WX', script], { encoding: 'utf8' });
    expect(compiled.status, `${compiled.stdout}${compiled.stderr}`).toBe(0);
    const nsh = readFileSync(join(repoRoot, 'build', 'installer.nsh'), 'utf8');
    const uninstall = nsh.slice(nsh.indexOf('!macro customUnInstall'));
    expect(uninstall).not.toMatch(/RMDir|Delete /);
    expect(nsh).toContain('icacls "$0" /grant *S-1-5-32-545:(OI)(CI)M');
  });

  it("the deb's scripts use only electron-builder's macros, are valid bash, install the AppArmor profile and keep the data folder", () => {
    const macros: Record<string, string> = { executable: EXECUTABLE, sanitizedProductName: PRODUCT_NAME };
    const render = (file: string) =>
      readFileSync(join(repoRoot, 'build', 'linux', file), 'utf8').replace(/\${([a-zA-Z]+)}/g, (_, name: string) => {
        const value = macros[name];
        if (value === undefined) throw new Error(`${file}: macro ${name} is not defined for electron-builder`);
        return value;
      });
    const install = render('after-install.sh');
    const remove = render('after-remove.sh');
    for (const [name, text] of [
      ['after-install.sh', install],
      ['after-remove.sh', remove],
    ] as const) {
      const script = join(work, name);
      writeFileSync(script, text);
      expect(spawnSync('bash', ['-n', script], { encoding: 'utf8' }).stderr, name).toBe('');
    }
    expect(install).toContain(`profile ${EXECUTABLE} "$EXE" flags=(unconfined) {`);
    expect(install).toContain('  userns,');
    expect(install).toContain(`EXE="$APP_DIR/${EXECUTABLE}"`);
    expect(install).toContain(`APP_DIR='/opt/${PRODUCT_NAME}'`);
    expect(install).toContain('install -d -m 2775 "$DATA_DIR"');
    expect(remove).toContain('rm -f "$PROFILE"');
    expect(remove).not.toMatch(/rm\s+-[a-z]*r[a-z]*\s/);
    expect(remove).not.toMatch(/rm[^\n]*\/var\/lib/);
  });
});
