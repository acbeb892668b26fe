/**
 * Issue 11 #7: the back end off the Electron main thread. The shell (main/app.ts) forks this bundle
 * (dist/main/backend.cjs) as an Electron utility process; it finds the devices, builds the headless host
 * (store, services, devices, router) and answers the windows' calls that the shell forwards over the
 * process's parent port (main/backend-protocol.ts). A bank write-off, a day close, a report or a handheld
 * 入库 runs here, so no window's input waits for it. It never imports electron: `process.parentPort` is
 * what Electron gives a utility process.
 */
import { BACKEND_START_ENV, type BackendStart, type FromBackend, type ToBackend } from './backend-protocol.js';
import { createHost, printerFromEnv, type Host } from './host.js';
import { chooseNewestSoundBackup } from './services/backup.js';
import { createShellSpooler } from './shell-spooler.js';

/** Electron's `process.parentPort` in a utility process (a MessagePortMain towards the main process). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) {
  console.error('dist/main/backend.cjs runs as the Electron utility process of the app (utilityProcess.fork)');
  process.exit(2);
}
const post = (message: FromBackend) => port.postMessage(message);
/** Issue 12 #1: slips for a printer installed with a driver are printed by the shell (webContents.print). */
const spooler = createShellSpooler(post);

function startOptions(): BackendStart {
  const options = JSON.parse(process.env[BACKEND_START_ENV] ?? 'null') as BackendStart | null;
  if (!options || typeof options.dbFile !== 'string' || typeof options.migrationsDir !== 'string') throw new Error('后台服务启动参数不正确');
  return options;
}

async function start(): Promise<Host> {
  const options = startOptions();
  // Issue 12 #6: the data folder is shared by the counter PC's users (group gas-hall on Linux): files SQLite
  // creates (the store, its WAL, backups) stay writable by the group.
  if (process.platform !== 'win32') process.umask(0o002);
  if (options.restoreNewestBackup && options.backupDir) chooseNewestSoundBackup(options.dbFile, options.backupDir, new Date());
  // The receipt printer: GAS_PRINTER (tcp://…, serial:…, usblp:…, sim:); the simulator only in demo mode (issue 12 #1).
  const printer = printerFromEnv(process.env, spooler);
  // Issue 12 #2: the card reader and the handheld as chosen in 设备设置; without a stored choice GAS_CARD_PORT /
  // GAS_HANDHELD_PORT, else discovery by VID:PID (GAS_CARD_VIDPID, default 1a86:7523; GAS_HANDHELD_VIDPID,
  // default 0483:5740) + IDENTIFY in the background; nothing found: the simulator in demo mode, else not connected.
  const cardPort = process.env.GAS_CARD_PORT?.trim();
  const handheldPort = process.env.GAS_HANDHELD_PORT?.trim();
  const cardVidPid = process.env.GAS_CARD_VIDPID?.trim();
  const handheldVidPid = process.env.GAS_HANDHELD_VIDPID?.trim();
  return createHost({
    dbFile: options.dbFile,
    migrationsDir: options.migrationsDir,
    printer,
    spooler,
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
    ...(options.backupMirrorDir ? { backupMirrorDir: options.backupMirrorDir } : {}),
    discoverDevices: true,
    ...(cardPort ? { cardPort } : {}),
    ...(handheldPort ? { handheldPort } : {}),
    ...(cardVidPid ? { cardVidPid } : {}),
    ...(handheldVidPid ? { handheldVidPid } : {}),
  });
}

function serve(host: Host, message: ToBackend): void {
  switch (message.type) {
    case 'call':
      host.router
        .call(message.connection, message.method, message.input)
        .catch(() => ({ ok: false as const, error: { code: 'INTERNAL', message: '系统内部错误，请联系管理员' } }))
        .then((result) => post({ type: 'result', id: message.id, result }));
      return;
    case 'end':
      host.displayPush.drop(message.connection);
      host.sessions.end(message.connection);
      return;
    case 'subscribe':
      if (message.topic === 'display') {
        host.displayPush.subscribe(message.connection, (value) => post({ type: 'push', connection: message.connection, topic: 'display', value }));
      }
      return;
    case 'unsubscribe':
      if (message.topic === 'display') host.displayPush.drop(message.connection);
      return;
    case 'stop':
      host.close();
      // the card and handheld links close asynchronously; give them a moment, then end
      setTimeout(() => process.exit(0), 100);
      return;
  }
}

// Calls come only after 'ready', but a message is never dropped: they wait for the host.
const early: ToBackend[] = [];
let host: Host | null = null;
port.on('message', ({ data }) => {
  const message = data as ToBackend;
  if (spooler.receive(message)) return;
  if (host) serve(host, message);
  else early.push(message);
});

start().then(
  (built) => {
    host = built;
    post({ type: 'ready' });
    for (const message of early.splice(0)) serve(built, message);
  },
  (error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    setTimeout(() => process.exit(1), 50);
  },
);
