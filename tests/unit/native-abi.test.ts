/**
 * Issue 12 #7: the native-module switch's decisions (scripts/native-abi.mjs) with a fake fs: which command
 * is spawned with which options on Windows and Linux, and whether the current build is the right ABI — read
 * off the binary, never off @electron/rebuild's marker. A real rebuild is slow and is not run here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ABI_MODULES,
  abiOfBinary,
  buildState,
  electronRebuildEnv,
  electronRebuildPlan,
  markerPath,
  needsRebuild,
  staleMarker,
  nodeRebuildPlan,
  npmSpawn,
  verifyBuild,
  type FsLike,
} from '../../scripts/native-abi.mjs';

const dir = '/app/node_modules/better-sqlite3';
const binary = join('build', 'Release', 'better_sqlite3.node');
const addon = (abi: number) => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0]), Buffer.from(`\0napi\0node_register_module_v${abi}\0sqlite3\0`, 'latin1')]);

function fakeFs(files: Record<string, Buffer | string>): FsLike {
  return {
    existsSync: (p) => p in files,
    readFileSync: (p) => {
      const content = files[p];
      if (content === undefined) throw new Error(`ENOENT ${p}`);
      return Buffer.isBuffer(content) ? content : Buffer.from(content);
    },
  };
}

describe('is the current build the right ABI', () => {
  it('reads the ABI off the binary', () => {
    expect(abiOfBinary(addon(115))).toBe(115);
    expect(abiOfBinary(addon(140))).toBe(140);
    expect(abiOfBinary(Buffer.from('no symbol here'))).toBeNull();
  });

  it('the real better-sqlite3 here is built for this Node (as the tests need)', () => {
    const real = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    expect(abiOfBinary(readFileSync(join(real, ABI_MODULES[0]?.binary ?? '')))).toBe(Number(process.versions.modules));
  });

  it('never trusts a stale marker: a Node build with an "electron" marker needs the Electron rebuild', () => {
    const fs = fakeFs({ [join(dir, binary)]: addon(115), [markerPath(dir)]: 'x64--140' });
    const state = buildState(fs, dir, binary);
    expect(state).toEqual({ file: join(dir, binary), abi: 115, marker: true });
    expect(needsRebuild(state, 140)).toBe(true);
    expect(needsRebuild(state, '115')).toBe(false);
    // ensure-node-abi removes it: beside this Node's build it can only be stale
    expect(staleMarker(state, 115)).toBe(true);
    expect(staleMarker(buildState(fakeFs({ [join(dir, binary)]: addon(140), [markerPath(dir)]: 'x64--140' }), dir, binary), 115)).toBe(false);
  });

  it('an Electron build without a marker is still an Electron build; a missing or unreadable binary is rebuilt', () => {
    expect(needsRebuild(buildState(fakeFs({ [join(dir, binary)]: addon(140) }), dir, binary), 140)).toBe(false);
    expect(needsRebuild(buildState(fakeFs({}), dir, binary), 115)).toBe(true);
    expect(needsRebuild(buildState(fakeFs({ [join(dir, binary)]: 'garbage' }), dir, binary), 115)).toBe(true);
  });

  it('verifies a rebuild by the binary', () => {
    const state = buildState(fakeFs({ [join(dir, binary)]: addon(115) }), dir, binary);
    expect(verifyBuild(state, 115, 'Node')).toBeNull();
    expect(verifyBuild(state, 140, 'Electron')).toBe(`${join(dir, binary)} is built for ABI 115, not Electron's 140`);
  });
});

describe('which command is spawned with which options', () => {
  it('npm and npx go through a shell on Windows (npm.cmd), directly on Linux', () => {
    expect(npmSpawn('win32', 'npm', ['run', 'build'])).toEqual({ command: 'npm', args: ['run', 'build'], options: { stdio: 'inherit', shell: true } });
    expect(npmSpawn('linux', 'npm', ['run', 'build'])).toEqual({ command: 'npm', args: ['run', 'build'], options: { stdio: 'inherit', shell: false } });
  });

  it('the Node rebuild uses Node headers where the system has them, then removes the marker', () => {
    const linux = nodeRebuildPlan({ platform: 'linux', env: { PATH: '/bin' }, hasNodeHeaders: true, moduleDir: dir, name: 'better-sqlite3' });
    expect(linux.spawn).toEqual({ command: 'npm', args: ['rebuild', 'better-sqlite3'], options: { stdio: 'inherit', shell: false, env: { PATH: '/bin', npm_config_nodedir: '/usr' } } });
    expect(linux.removeAfter).toEqual([markerPath(dir)]);
    expect(markerPath(dir)).toBe(join(dir, 'build', 'Release', '.forge-meta'));
    const windows = nodeRebuildPlan({ platform: 'win32', env: { Path: 'C:\\x' }, hasNodeHeaders: true, moduleDir: dir, name: 'better-sqlite3' });
    expect(windows.spawn.options).toEqual({ stdio: 'inherit', shell: true, env: { Path: 'C:\\x' } });
    // a nodedir already set is kept
    expect(nodeRebuildPlan({ platform: 'linux', env: { npm_config_nodedir: '/opt/node' }, hasNodeHeaders: true, moduleDir: dir, name: 'x' }).spawn.options.env).toEqual({ npm_config_nodedir: '/opt/node' });
  });

  it('the Electron rebuild removes the marker first (forced) and runs without npm_config_nodedir', () => {
    const plan = electronRebuildPlan({ platform: 'linux', env: { PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' }, moduleDirs: [dir] });
    expect(plan.removeBefore).toEqual([markerPath(dir)]);
    expect(plan.spawn).toEqual({ command: 'npx', args: ['electron-builder', 'install-app-deps'], options: { stdio: 'inherit', shell: false, env: { PATH: '/bin' } } });
    expect(electronRebuildPlan({ platform: 'win32', env: {}, moduleDirs: [dir] }).spawn.options.shell).toBe(true);
    expect(electronRebuildEnv({ Npm_Config_NodeDir: 'x', A: '1' })).toEqual({ A: '1' });
  });
});

describe('the scripts use the decisions', () => {
  it('spawns npm/npx only through npmSpawn or a plan (no bare spawn of npm)', () => {
    for (const script of ['scripts/start.mjs', 'scripts/ensure-node-abi.mjs']) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', script), 'utf8');
      expect(text).not.toMatch(/spawn(Sync)?\(\s*'np[mx]'/);
    }
  });
});
