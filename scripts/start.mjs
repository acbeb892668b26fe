// npm start: the Electron app where Electron's binary is installed; otherwise (machines that cannot
// download it) the same back end and UI through the loopback browser harness in Chromium.
// Issue 12 #7: npm/npx are spawned through a shell on Windows (npm.cmd), and the switch to Electron's ABI
// never trusts @electron/rebuild's marker: it is removed first (a forced rebuild), the rebuild runs without
// npm_config_nodedir, and the built better-sqlite3 is checked to be an Electron build (scripts/native-abi.mjs).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABI_MODULES, buildState, electronRebuildPlan, npmSpawn, verifyBuild } from './native-abi.mjs';

const require = createRequire(import.meta.url);
const forceHarness = process.argv.includes('--harness');

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

function exitOn(result) {
  if (result.error) console.error(result.error.message);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function runNpm(command, args, options = {}) {
  const spec = npmSpawn(process.platform, command, args, options);
  exitOn(spawnSync(spec.command, spec.args, spec.options));
}

/** The Electron ABI of the installed electron (node-abi comes with electron-builder's @electron/rebuild). */
function electronAbi() {
  const version = require('electron/package.json').version;
  try {
    return require('node-abi').getAbi(version, 'electron');
  } catch {
    return null;
  }
}

function rebuildForElectron() {
  const moduleDirs = ABI_MODULES.map((m) => dirname(require.resolve(`${m.name}/package.json`)));
  const plan = electronRebuildPlan({ platform: process.platform, env: process.env, moduleDirs });
  for (const file of plan.removeBefore) fs.rmSync(file, { force: true });
  exitOn(spawnSync(plan.spawn.command, plan.spawn.args, plan.spawn.options));
  const abi = electronAbi();
  ABI_MODULES.forEach((m, i) => {
    const state = buildState(fs, moduleDirs[i], m.binary);
    const wrong = abi ? verifyBuild(state, abi, 'Electron') : state.abi === Number(process.versions.modules) ? `${state.file} is still a Node build` : null;
    if (wrong) {
      console.error(`${wrong}; the app cannot open its store. Run npm start again, or remove node_modules/${m.name}/build and retry.`);
      process.exit(1);
    }
  });
}

// Issue 12 #3: demo data only with the explicit demo switch. `npm start` / `npm run harness` open the real
// store (.data/gas-hall.db): empty at first, so the windows show the setup wizard. `npm run demo` (--demo, or
// GAS_DEMO=1) runs the demo store apart in .data/demo, where staff may keep the initial password (issue 10 #13).
const demo = process.argv.includes('--demo') || process.env.GAS_DEMO === '1';
if (demo) {
  process.env.GAS_DEMO = '1';
  process.env.GAS_DATA_DIR ??= join(dirname(fileURLToPath(import.meta.url)), '..', '.data', 'demo');
}

runNpm('npm', ['run', 'build']);
const electron = forceHarness ? null : electronBinary();
if (electron) {
  // Native modules must match Electron's ABI; `npm test` switches them back for Node (ensure-node-abi).
  rebuildForElectron();
  // the binary's path may hold spaces: spawned directly, never through a shell
  spawn(electron, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceHarness) console.log('未安装 Electron 可执行文件，改用浏览器模式 (loopback harness)。');
  exitOn(spawnSync(process.execPath, ['scripts/ensure-node-abi.mjs'], { stdio: 'inherit' }));
  const spec = npmSpawn(process.platform, 'npx', ['tsx', 'scripts/harness.ts', '--open', ...process.argv.slice(2).filter((a) => a !== '--harness' && a !== '--demo')]);
  spawn(spec.command, spec.args, spec.options).on('exit', (code) => process.exit(code ?? 0));
}
