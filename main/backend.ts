/**
 * Issue 11 #7: the back end off the Electron main thread. The shell (main/app.ts) forks this bundle
 * (dist/main/backend.cjs) as an Electron utility process; it finds the devices, builds the headless host
 * (store, services, devices, router) and answers the windows' calls that the shell forwards over the
 * process's parent port (main/backend-protocol.ts). A bank write-off, a day close, a report or a handheld
 * 入库 runs here, so no window's input waits for it. It never imports electron: `process.parentPort` is
 * what Electron gives a utility process.
 */
import { findCardPort } from '../hardware/card/serial.js';
import { findHandheldPort } from '../hardware/handheld/serial.js';
import { BACKEND_START_ENV, type BackendStart, type FromBackend, type ToBackend } from './backend-protocol.js';
import { createHost, printerFromEnv, type Host } from './host.js';
import { chooseNewestSoundBackup } from './services/backup.js';

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
  const printer = printerFromEnv();
  // The card reader: GAS_CARD_PORT, else discovery by VID:PID (GAS_CARD_VIDPID) + IDENTIFY, else the simulator.
  const cardPort = process.env.GAS_CARD_PORT ?? (await findCardPort(process.env.GAS_CARD_VIDPID).catch(() => null));
  // The handheld: GAS_HANDHELD_PORT, else discovery (GAS_HANDHELD_VIDPID, default 0483:5740) + IDENTIFY, else the simulator.
  const handheldPort = process.env.GAS_HANDHELD_PORT ?? (await findHandheldPort(process.env.GAS_HANDHELD_VIDPID).catch(() => null));
  return createHost({
    dbFile: options.dbFile,
    migrationsDir: options.migrationsDir,
    // Issue 13 #5: open, migrate and answer at once; the integrity check runs on a worker, writes wait for it
    storeCheck: 'background',
    onStoreDamaged: (reason) => post({ type: 'damaged', message: reason }),
    printer,
    ...(options.backupDir ? { backupDir: options.backupDir } : {}),
    ...(options.backupMirrorDir ? { backupMirrorDir: options.backupMirrorDir } : {}),
    ...(cardPort ? { cardPort } : {}),
    ...(handheldPort ? { handheldPort } : {}),
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
