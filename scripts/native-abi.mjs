// Issue 12 #7: the decisions behind the switch of native modules between Node's ABI (tests, scripts, the
// harness) and Electron's (the app), as pure functions (tests/unit/native-abi.test.ts drives them with a fake
// fs); scripts/ensure-node-abi.mjs and scripts/start.mjs carry them out.
//
// The truth is the binary itself, never a marker: a V8-API addon (better-sqlite3) exports
// `node_register_module_v<ABI>`, so the ABI it was built for is read off the .node file. @electron/rebuild's
// `build/Release/.forge-meta` only says what it built last; after a Node rebuild (prebuild-install extracts
// over build/Release) it can still say "electron", and electron-builder would then skip its rebuild and ship
// a Node build. So the marker is removed after every Node rebuild and before every Electron rebuild (which
// then cannot be skipped: a forced rebuild), and the Electron rebuild runs without npm_config_nodedir (Node's
// headers would make node-gyp build for Node while @electron/rebuild stamps it Electron).
import { join } from 'node:path';

/** The native modules built against V8 directly (serialport's bindings are Node-API: one build runs in both). */
export const ABI_MODULES = [{ name: 'better-sqlite3', binary: join('build', 'Release', 'better_sqlite3.node') }];

/** The marker @electron/rebuild leaves in a module it built (and trusts next time unless forced). */
export const markerPath = (moduleDir) => join(moduleDir, 'build', 'Release', '.forge-meta');

/** The ABI a .node file was built for (its `node_register_module_v<N>` export), or null when it has none. */
export function abiOfBinary(bytes) {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : String(bytes);
  const found = /node_register_module_v(\d+)/.exec(text);
  return found ? Number(found[1]) : null;
}

/**
 * What is built now in a module folder: the binary's ABI (null: missing or unreadable) and whether a marker is
 * there. `fs` needs existsSync and readFileSync.
 */
export function buildState(fs, moduleDir, binary) {
  const file = join(moduleDir, binary);
  let abi = null;
  if (fs.existsSync(file)) {
    try {
      abi = abiOfBinary(fs.readFileSync(file));
    } catch {
      abi = null;
    }
  }
  return { file, abi, marker: fs.existsSync(markerPath(moduleDir)) };
}

/** True when the module must be rebuilt for `targetAbi`. The marker is never consulted. */
export function needsRebuild(state, targetAbi) {
  return state.abi !== Number(targetAbi);
}

/**
 * How to spawn npm/npx on this platform: on Windows they are npm.cmd/npx.cmd, which Node (since the
 * CVE-2024-27980 fix) only runs through a shell.
 */
export function npmSpawn(platform, command, args, options = {}) {
  return { command, args, options: { stdio: 'inherit', ...options, shell: platform === 'win32' } };
}

/** The environment of the Node rebuild: Node's own headers where the system has them (Linux), never on Windows. */
export function nodeRebuildEnv(platform, env, hasNodeHeaders) {
  const next = { ...env };
  if (platform !== 'win32' && !next.npm_config_nodedir && !next.NPM_CONFIG_NODEDIR && hasNodeHeaders) next.npm_config_nodedir = '/usr';
  return next;
}

/** The environment of the Electron rebuild: without any nodedir (in any case spelling), so Electron's headers are used. */
export function electronRebuildEnv(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
}

/** The rebuild for Node: `npm rebuild <name>`, then the marker goes (it would say the last Electron build). */
export function nodeRebuildPlan({ platform, env, hasNodeHeaders, moduleDir, name }) {
  return {
    removeBefore: [],
    spawn: npmSpawn(platform, 'npm', ['rebuild', name], { env: nodeRebuildEnv(platform, env, hasNodeHeaders) }),
    removeAfter: [markerPath(moduleDir)],
  };
}

/** The rebuild for Electron: no marker to skip on, electron-builder's install-app-deps, no nodedir. */
export function electronRebuildPlan({ platform, env, moduleDirs }) {
  return {
    removeBefore: moduleDirs.map(markerPath),
    spawn: npmSpawn(platform, 'npx', ['electron-builder', 'install-app-deps'], { env: electronRebuildEnv(env) }),
    removeAfter: [],
  };
}

/**
 * A marker beside a build of `runtimeAbi` (this Node's) is stale by definition: @electron/rebuild writes one only
 * for an Electron build, and trusting it would let electron-builder skip its rebuild and ship this Node build.
 */
export function staleMarker(state, runtimeAbi) {
  return state.marker && state.abi === Number(runtimeAbi);
}

/** The check after a rebuild: a message when the binary is still not for `targetAbi`, else null. */
export function verifyBuild(state, targetAbi, runtime) {
  if (state.abi === Number(targetAbi)) return null;
  return `${state.file} is built for ABI ${state.abi ?? 'unknown'}, not ${runtime}'s ${targetAbi}`;
}
