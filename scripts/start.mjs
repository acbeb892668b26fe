// npm start: the Electron app where Electron's binary is installed; otherwise (machines that cannot
// download it) the same back end and UI through the loopback browser harness in Chromium.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const forceHarness = process.argv.includes('--harness');

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Issue 10 #13: `npm start` runs the demo store (staff may keep the initial password); set GAS_DEMO=0 to try
// the first-log-in password change.
process.env.GAS_DEMO ??= '1';

run('npm', ['run', 'build']);
const electron = forceHarness ? null : electronBinary();
if (electron) {
  // Native modules must match Electron's ABI; `npm test` switches them back for Node (ensure-node-abi).
  run('npx', ['electron-builder', 'install-app-deps']);
  spawn(electron, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceHarness) console.log('未安装 Electron 可执行文件，改用浏览器模式 (loopback harness)。');
  run(process.execPath, ['scripts/ensure-node-abi.mjs']);
  spawn('npx', ['tsx', 'scripts/harness.ts', '--open', ...process.argv.slice(2).filter((a) => a !== '--harness')], {
    stdio: 'inherit',
  }).on('exit', (code) => process.exit(code ?? 0));
}
