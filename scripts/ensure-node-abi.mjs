// Native modules (better-sqlite3, serialport) are built either for Electron (npm start) or for Node (tests,
// scripts). This checks that they are built for this Node and rebuilds them for Node when they are not, so
// `npm test` after `npm start` still passes. Issue 12 #7: the ABI is read off the binary (never a marker),
// npm is spawned through a shell on Windows, and @electron/rebuild's marker is removed after a Node rebuild
// so the next Electron rebuild cannot be skipped (scripts/native-abi.mjs holds the decisions).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { ABI_MODULES, buildState, markerPath, needsRebuild, nodeRebuildPlan, staleMarker, verifyBuild } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const moduleDir = (name) => dirname(require.resolve(`${name}/package.json`));

/** Loading is the last word for Node: a module that does not load is rebuilt too. */
const probes = {
  'better-sqlite3': "require('better-sqlite3')(':memory:').close()",
  '@serialport/bindings-cpp': "require('@serialport/bindings-cpp')",
};
const WRONG_BUILD = /NODE_MODULE_VERSION|was compiled against a different|invalid ELF|not a valid Win32|Could not locate the bindings/;

function loads(name) {
  const check = spawnSync(process.execPath, ['-e', probes[name]], { encoding: 'utf8' });
  if (check.status === 0) return true;
  if (!WRONG_BUILD.test(check.stderr)) {
    console.error(`${name} does not load:\n${check.stderr}`);
    process.exit(1);
  }
  return false;
}

function rebuild(name, dir) {
  console.log(`${name} is built for another runtime; rebuilding for Node ${process.version}…`);
  const plan = nodeRebuildPlan({ platform: process.platform, env: process.env, hasNodeHeaders: fs.existsSync('/usr/include/node/node.h'), moduleDir: dir, name });
  for (const file of plan.removeBefore) fs.rmSync(file, { force: true });
  const rebuilt = spawnSync(plan.spawn.command, plan.spawn.args, plan.spawn.options);
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
  for (const file of plan.removeAfter) fs.rmSync(file, { force: true });
}

for (const { name, binary } of ABI_MODULES) {
  const dir = moduleDir(name);
  if (!needsRebuild(buildState(fs, dir, binary), process.versions.modules) && loads(name)) continue;
  rebuild(name, dir);
  const wrong = verifyBuild(buildState(fs, dir, binary), process.versions.modules, 'Node');
  if (wrong) {
    console.error(wrong);
    process.exit(1);
  }
}
// a Node build never keeps an Electron marker (electron-builder would skip its rebuild on it)
for (const { name, binary } of ABI_MODULES) {
  const dir = moduleDir(name);
  if (staleMarker(buildState(fs, dir, binary), process.versions.modules)) fs.rmSync(markerPath(dir), { force: true });
}
for (const name of Object.keys(probes)) {
  if (ABI_MODULES.some((m) => m.name === name) || loads(name)) continue;
  rebuild(name, moduleDir(name));
  if (!loads(name)) process.exit(1);
}
