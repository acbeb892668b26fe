/**
 * Runs the headless host and the loopback browser harness: the real counter UI in any Chromium, where
 * Electron cannot run. Seeds a demo store on first start.
 *   tsx scripts/harness.ts [--db FILE] [--port N] [--accounts N] [--open] [--card-port DEV] [--handheld-port DEV] [--printer ADDRESS|tcp-sim[:PORT]]
 * --printer (or GAS_PRINTER): the receipt printer's address (tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, usblp:/dev/usb/lp0),
 * or tcp-sim: the TCP printer simulator started here (terminal: `prn paperout`, `prn state`, …); default the
 * simulated printer writing each job to .data/printer/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, DEMO_STAFF, seedAccounts, seedReferenceData } from '../main/seed/generate.js';
import { SimulatedPrinter } from '../hardware/printer/simulator.js';
import { printerAt } from '../hardware/printer/open.js';
import { TcpPrinterSimulator } from '../hardware/printer/tcp-simulator.js';
import { decodeEscPos } from '../hardware/printer/decode.js';
import { businessDateOf } from '../preload/kernel/dates.js';
import { startHarness } from '../main/harness/server.js';
import { writeLauncher } from '../main/harness/launcher.js';
import { createInterface } from 'node:readline';
import { simControl } from '../hardware/card/sim-control.js';
import { createHost } from '../main/host.js';
import { migrationsDir, repoRoot, rendererDistDir } from '../main/paths.js';
import { setupStatus } from '../main/services/setup.js';

// The checkout's data folder, or GAS_DATA_DIR (`npm run demo` keeps its demo store apart in .data/demo).
const dataDir = process.env.GAS_DATA_DIR?.trim() || join(repoRoot, '.data');
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: join(dataDir, 'gas-hall.db') },
    port: { type: 'string', default: '0' },
    accounts: { type: 'string', default: '2000' },
    open: { type: 'boolean', default: false },
    'card-port': { type: 'string' },
    'handheld-port': { type: 'string' },
    printer: { type: 'string' },
  },
});

if (!existsSync(join(rendererDistDir, 'index.html'))) {
  console.error('界面尚未构建，请先运行 npm run build');
  process.exit(2);
}
const fresh = !existsSync(values.db);
// Issue 12 #1: a real printer by address, the TCP printer simulator (tcp-sim[:PORT]) or the file simulator.
const printerOption = values.printer ?? (process.env.GAS_PRINTER?.trim() || undefined);
const tcpSim = printerOption?.startsWith('tcp-sim') ? new TcpPrinterSimulator() : null;
const tcpSimPort = tcpSim ? await tcpSim.listen(Number(printerOption?.split(':')[1] ?? 0)) : 0;
const printerFrom = (address: string) => {
  try {
    return printerAt(address);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return process.exit(2);
  }
};
const printer = tcpSim
  ? printerFrom(`tcp://127.0.0.1:${tcpSimPort}`)
  : printerOption
    ? printerFrom(printerOption)
    : new SimulatedPrinter('模拟打印机', join(repoRoot, '.data', 'printer'));
const cardPort = values['card-port'];
const handheldPort = values['handheld-port'];
// Issue 12 #2: named ports are the start's choice; 设备设置 can change them (a stored choice wins at the next start).
const host = createHost({ dbFile: values.db, migrationsDir, printer, backupDir: join(dataDir, 'backups'), ...(cardPort ? { cardPort } : {}), ...(handheldPort ? { handheldPort } : {}) });
// Issue 12 #3: demo data only with the explicit demo switch (GAS_DEMO=1, set by `npm run demo`);
// otherwise a fresh store stays empty and the windows open the setup wizard.
const demo = host.deps.settings.demoMode;
if (fresh && demo) {
  seedReferenceData(host.store.sqlite);
  seedAccounts(host.store.sqlite, { accounts: Number(values.accounts), today: businessDateOf(new Date()) });
}
const harness = await startHarness(host.router, rendererDistDir, Number(values.port), { displayPush: host.displayPush });
console.log(`柜台界面 (浏览器): ${harness.url}`);
if (demo) console.log(`演示工号: ${DEMO_STAFF.map((s) => s.login).join(', ')}  密码: ${DEMO_PASSWORD}`);
// issue 10 #13: only `npm run demo` sets GAS_DEMO=1; otherwise the initial password must be changed first
if (!host.deps.settings.demoMode && setupStatus(host.deps).needsSetup) console.log('非演示模式 (GAS_DEMO≠1)：空数据库，请在界面中完成初始设置（公司与营业厅、柜台、管理员、员工），然后可导入旧系统数据（示例文件在 db/templates/*-sample.csv）');
else if (!host.deps.settings.demoMode) console.log('非演示模式 (GAS_DEMO≠1)：首次登录须修改初始密码');
console.log(
  tcpSim
    ? `打印机: TCP 模拟打印机 tcp://127.0.0.1:${tcpSimPort}；输入 prn paperout / prn paperin / prn paperout-after 200 / prn nearend / prn cover open|close / prn drop 300 / prn state   按 Ctrl+C 退出`
    : printerOption
      ? `打印机: ${printer.name}   按 Ctrl+C 退出`
      : `打印输出: ${join(repoRoot, '.data', 'printer')}   按 Ctrl+C 退出`,
);
if (tcpSim) {
  // what the simulated printer printed, as text, so a first look sees its slip
  tcpSim.onJob = (job, jobNo) => console.log(`[TCP 模拟打印机] 第 ${jobNo} 张：\n${decodeEscPos(job).join('\n')}`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [prefix, ...rest] = line.trim().split(/\s+/);
    if (prefix === 'prn') console.log(JSON.stringify(tcpSim.control(rest.join(' '))));
  });
}
const cardSim = host.cardDevice?.sim;
if (cardSim) {
  // The simulated card reader (used in demo mode or when chosen in 设备设置) takes its cards from this terminal.
  const control = simControl(cardSim);
  if (cardPort) console.log(`读卡器: ${cardPort}（模拟读卡器可在“设备设置”中选择）`);
  if (handheldPort) console.log(`抄表机: ${handheldPort}（模拟抄表机可在“设备设置”中选择）`);
  console.log('模拟读卡器: 输入 blank (插入空白卡) / remove (拔卡) / reinsert (重新插卡) / meter (卡插入气表) / state');
  console.log('模拟抄表机: 输入 hh walk 12.5 (抄表员按路线抄完，每户用气 12.5 方) / hh state');
  createInterface({ input: process.stdin }).on('line', (line) => {
    const hh = host.handheldDevice?.sim;
    const [prefix, cmd, arg] = line.trim().split(/\s+/);
    if (prefix === 'prn') return; // the TCP printer simulator's lines (above)
    if (prefix !== 'hh') return console.log(control(line));
    if (!hh) return console.log('未使用模拟抄表机');
    if (cmd === 'walk') {
      if (!hh.route) return console.log('抄表机上没有路线，请先在“抄表机”窗口上传');
      const add = Math.round(Number(arg ?? 10) * 100);
      hh.walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + add, readAt: `${businessDateOf(new Date())} 09:00`, status: 0, meterNo: r.meterNo }));
    }
    console.log(JSON.stringify({ route: hh.route?.records.length ?? 0, readings: hh.readings?.records.length ?? 0 }));
  });
} else {
  console.log(`读卡器: ${cardPort ?? ''}`);
}

// The browser: Debian Chromium, or GAS_HARNESS_BROWSER. It gets a 0600 launcher file, never the token (issue 10 #11).
const browser = process.env.GAS_HARNESS_BROWSER ?? '/usr/bin/chromium';
const launcher = values.open && existsSync(browser) ? writeLauncher(harness.url) : null;
if (launcher) {
  const profile = mkdtempSync(join(tmpdir(), 'gas-hall-chromium-'));
  spawn(
    browser,
    [
      `--app=${launcher.url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore', detached: true },
  ).unref();
}

const stop = () => {
  launcher?.remove();
  void harness.close().then(async () => {
    host.close();
    await tcpSim?.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
