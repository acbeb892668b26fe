/**
 * The whole back end without Electron (ARCHITECTURE "Headless host"): the store, the services, the
 * simulated devices and the IPC router. The Electron shell, the browser harness, scripts and tests all
 * build it through here.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openStore, type Store } from '../db/open.js';
import { checkInWorker, type IntegrityChecker } from '../db/integrity.js';
import { refuseWritesUntilChecked, StoreCheck, type StoreCheckState } from './store-check.js';
import type { ReceiptPrinter } from '../hardware/printer/printer.js';
import { SimulatedPrinter } from '../hardware/printer/simulator.js';
import { printerAt, UnconfiguredPrinter } from '../hardware/printer/open.js';
import { DEFAULT_RAW_TIMEOUTS } from '../hardware/printer/raw-printer.js';
import { SpoolerPrinter, type Spooler } from '../hardware/printer/spooler.js';
import { PrinterHolder } from '../hardware/printer/holder.js';
import { applyPaperWidth, storedPrinter } from './services/devices.js';
import { createHandlers } from './ipc/handlers.js';
import type { Devices } from './ipc/areas/kit.js';
import { AfterCommit } from './ipc/after-commit.js';
import { createRouter, type Router } from './ipc/router.js';
import { DEFAULT_IDLE_MS, SessionStore } from './ipc/sessions.js';
import { defaultSettings, systemClock, type Clock, type ServiceDeps, type Settings } from './services/context.js';
import { ReceiptService } from './services/receipts.js';
import { IcCardService } from './services/ic-cards.js';
import { HandheldService } from './services/handheld.js';
import { ReadWorkerClient } from './services/read-worker.js';
import { appendAudit } from './services/audit.js';
import { applyPendingRestore, backupNow, checkBackup, listBackups, listedBackup, requestRestore, scheduleBackups, type StartRestore } from './services/backup.js';
import { DomainError } from '../preload/kernel/errors.js';
import { businessDateOf } from '../preload/kernel/dates.js';
import { CustomerDisplays } from './services/customer-display.js';
import { createDisplayPush, type DisplayPush } from './display-push.js';
import { findHandheldPort, openSerialHandheld, ReconnectingHandheld, simulatedHandheldDevice, type SimulatedHandheldDevice } from '../hardware/handheld/serial.js';
import type { Timeouts } from '../hardware/card/client.js';
import { findCardPort, openSerialCardReader, ReconnectingCardReader, simulatedCardDevice, type SimulatedCardDevice } from '../hardware/card/serial.js';
import type { CardReader } from '../hardware/card/reader.js';
import type { Handheld } from '../hardware/handheld/handheld.js';
import { DeviceSlot } from '../hardware/serial/device-slot.js';
import { listSerialPorts, type PortInfoLike } from '../hardware/serial/discovery.js';
import { DevicePorts, startChoice } from './services/device-ports.js';
import { mirrorSetting, setMirror } from './services/backup-mirror.js';
import { credentialsFileFor, SyncService, type SyncPusherOptions } from './sync/service.js';
import { resetApplying } from './sync/apply-switch.js';
import { Puller, type PullerOptions } from './sync/puller.js';

export interface HostOptions {
  /** The SQLite file. */
  dbFile: string;
  migrationsDir: string;
  clock?: Clock;
  settings?: Partial<Settings>;
  /** Defaults to a simulated printer (with no device attached, the app still runs). */
  printer?: ReceiptPrinter;
  /**
   * Issue 12 #1: the receipt printer's address when no `printer` is given (hardware/printer/address.ts:
   * tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, usblp:/dev/usb/lp0, sim:); a bad one throws its Chinese reason.
   */
  printerUrl?: string;
  /**
   * Issue 12 #1: the operating system's print spooler, for a `spooler:` printer (a printer installed with a
   * driver). Only the Electron shell has one (main/backend.ts gives it, main/shell-spooler.ts); without it a
   * spooler printer refuses every slip with what to do, and 设备设置 refuses to choose one.
   */
  spooler?: Spooler;
  /**
   * A serial device path for the card reader/writer at start (GAS_CARD_PORT). Without one: discovery when
   * `discoverDevices`, else the in-process simulator in demo mode only, else not connected (issue 12 #2). A
   * choice stored in 设备设置 wins over it.
   */
  cardPort?: string;
  cardTimeouts?: Timeouts;
  /** A serial device path for the handheld meter reader at start (GAS_HANDHELD_PORT); as `cardPort`. */
  handheldPort?: string;
  /** Issue 12 #2: find the card reader and the handheld by VID:PID + IDENTIFY when no port is named (the app). */
  discoverDevices?: boolean;
  /** VID:PID the discovery looks for (GAS_CARD_VIDPID, default 1a86:7523; GAS_HANDHELD_VIDPID, default 0483:5740). */
  cardVidPid?: string;
  handheldVidPid?: string;
  /** The serial ports 设备设置 lists (default: serialport's list). */
  listSerialPorts?: () => Promise<PortInfoLike[]>;
  /** How a named port is opened (default: the reference drivers over serialport; a vendor driver or a test's). */
  openCardReader?: (path: string) => Promise<CardReader>;
  openHandheld?: (path: string) => Promise<Handheld>;
  handheldTimeouts?: Timeouts;
  /** Paces the simulated handheld's cable (bench: 115200 baud). */
  handheldLineBps?: number;
  /** Where scheduled online backups go (none when absent), how often, how many are kept. */
  backupDir?: string;
  backupEveryMs?: number;
  backupKeep?: number;
  /** A second path every backup is copied to too (R-INV-09: a USB disk or a network share). */
  backupMirrorDir?: string;
  /** The screen locks after this long without a call (default 15 minutes). */
  sessionIdleMs?: number;
  /**
   * Issue 10 #13: a demo store, where staff may keep the initial password 123456. Defaults to the
   * environment variable GAS_DEMO=1 (set by `npm run demo`; the test fixtures pass demo themselves);
   * otherwise staff with the initial password must change it at first log-in.
   */
  demo?: boolean;
  /**
   * Issue 13 #5: 'at-open' (default: tools, scripts, tests) checks the store's integrity before anything else;
   * 'background' (the app's back end, main/backend.ts) opens, migrates and serves reads at once while a worker thread
   * checks a read-only connection, and refuses writes until the check has passed (main/store-check.ts).
   */
  storeCheck?: 'at-open' | 'background';
  /** The background check (default: quick_check in a worker thread); tests inject a slow or failing one. */
  integrityChecker?: IntegrityChecker;
  /** The background check found the store damaged (with the reason, as the start-up dialog shows it). */
  onStoreDamaged?: (reason: string) => void;
  /** How long a sign-in waits for a running check before it is refused (default 3 s). */
  storeCheckWaitMs?: number;
  /**
   * Issue 14: the central server. `credentialsFile` (default `sync-device.json` beside the store, mode 0600), the
   * pusher's batch, back-off and retention; `start: false` keeps the pusher stopped (tests drive it themselves).
   */
  sync?: { credentialsFile?: string; pusher?: SyncPusherOptions; start?: boolean; puller?: Omit<PullerOptions, 'sqlite' | 'credentialsFile' | 'now'> };
}

/**
 * Issue 12 #1: the printer of the app's back end (main/backend.ts): GAS_PRINTER's address; without one the
 * simulator only in demo mode (GAS_DEMO=1), else no printer, so every slip waits in the reprint queue with
 * what to set, never silently on a simulator. A bad address throws its Chinese reason (the start fails).
 */
export function printerFromEnv(env: NodeJS.ProcessEnv = process.env, spooler: Spooler | null = null): ReceiptPrinter {
  const url = env.GAS_PRINTER?.trim();
  if (url) return printerAt(url, DEFAULT_RAW_TIMEOUTS, spooler);
  return demoFromEnv(env) ? new SimulatedPrinter() : new UnconfiguredPrinter();
}

/** Issue 10 #13: demo mode is switched on explicitly, never by default. */
export function demoFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GAS_DEMO === '1';
}

export interface Host {
  store: Store;
  deps: ServiceDeps;
  router: Router;
  sessions: SessionStore;
  receipts: ReceiptService;
  /** Issue 12 #2: the printer behind a swappable holder (设备设置 changes it without a restart). */
  printer: PrinterHolder;
  cards: IcCardService;
  /** The in-process simulated card reader, used in demo mode or when chosen in 设备设置 (issue 12 #2). */
  cardDevice: SimulatedCardDevice | null;
  handheld: HandheldService;
  /** The in-process simulated handheld, used in demo mode or when chosen in 设备设置. */
  handheldDevice: SimulatedHandheldDevice | null;
  /** Issue 12 #2: how the card reader and the handheld are connected, switchable at run time. */
  devicePorts: DevicePorts;
  /** The counters' customer displays (issue 11 #3: their changes are pushed through `displayPush`). */
  displays: CustomerDisplays;
  displayPush: DisplayPush;
  /** What follows a committed call (issue 11 #3): subscribe with `afterCommit.on` (the sync and display pushes). */
  afterCommit: AfterCommit;
  /** Issue 14: enrolment, the pusher, the counter's day end and the USB day file. */
  sync: SyncService;
  /** Issue 14 #2: the change feed's puller (started with the pusher). */
  puller: Puller;
  /** Issue 13 #5: settles when the store's integrity check is done ('ok' at once when it was checked at open). */
  storeCheck: Promise<StoreCheckState>;
  storeCheckState(): StoreCheckState;
  close(): void;
}

export function createHost(options: HostOptions): Host {
  // first: a bad printer address refuses the start before the store is opened
  const spooler = options.spooler ?? null;
  const startPrinter = options.printer ?? (options.printerUrl ? printerAt(options.printerUrl, DEFAULT_RAW_TIMEOUTS, spooler) : new SimulatedPrinter());
  mkdirSync(join(options.dbFile, '..'), { recursive: true });
  // Issue 12 #6: a restore chosen in the app runs now, before the store opens.
  const restoredAtStart = applyPendingRestore(options.dbFile, (options.clock ?? systemClock).now());
  const clock = options.clock ?? systemClock;
  // Issue 14 #1: the outbox's capture triggers date a row without a business_date column by the host's clock
  const store = openStore(options.dbFile, {
    migrationsDir: options.migrationsDir,
    integrity: options.storeCheck === 'background' ? 'deferred' : 'at-open',
    businessDate: () => businessDateOf(clock.now()),
  });
  recordStartRestore(store, restoredAtStart, (options.clock ?? systemClock).now());
  const deps: ServiceDeps = {
    db: store.db,
    clock: options.clock ?? systemClock,
    settings: { ...defaultSettings, ...options.settings, demoMode: options.demo ?? options.settings?.demoMode ?? demoFromEnv() },
  };
  // Issue 12 #2: a printer chosen in 设备设置 (stored, so validated when it was saved) wins over the start's choice.
  const stored = storedPrinter(deps);
  const printer = new PrinterHolder(stored ? printerAt(stored.address, DEFAULT_RAW_TIMEOUTS, spooler) : startPrinter, spooler, () => deps.clock.now());
  if (stored) applyPaperWidth(deps, stored.paperMm);
  // a Windows printer named at start (GAS_PRINTER=spooler:…?width=58) says its paper width: the slips are laid out to it
  else if (startPrinter instanceof SpoolerPrinter) applyPaperWidth(deps, startPrinter.paperMm);
  const sessions = new SessionStore(options.sessionIdleMs ?? DEFAULT_IDLE_MS, () => deps.clock.now().getTime());
  const receipts = new ReceiptService(deps, printer);
  // Issue 12 #2: the card reader and the handheld connect through slots that 设备设置 can point elsewhere at
  // run time; the simulators exist always but are used only in demo mode or when chosen explicitly.
  const cardDevice = simulatedCardDevice(options.cardTimeouts);
  const cardSlot = new DeviceSlot<CardReader>('读卡器');
  const reader = new ReconnectingCardReader(cardSlot.open);
  cardSlot.attach({ get connected() { return reader.connection.connected; }, identify: () => reader.identify(), close: () => reader.close() });
  const cards = new IcCardService(deps, reader);
  const handheldDevice = simulatedHandheldDevice(options.handheldTimeouts, options.handheldLineBps);
  const handheldSlot = new DeviceSlot<Handheld>('抄表机');
  const handheldLink = new ReconnectingHandheld(handheldSlot.open);
  handheldSlot.attach({ get connected() { return handheldLink.connection.connected; }, identify: () => handheldLink.identify(), close: () => handheldLink.close() });
  const demo = deps.settings.demoMode;
  const cardVidPid = options.cardVidPid ?? '1a86:7523';
  const handheldVidPid = options.handheldVidPid ?? '0483:5740';
  const devicePorts = new DevicePorts(
    deps,
    {
      card: {
        slot: cardSlot,
        protocol: 'GHC-CARD/1',
        vidPid: cardVidPid,
        openPort: options.openCardReader ?? ((path) => openSerialCardReader(path, options.cardTimeouts)),
        simulator: () => cardDevice.connect(),
        find: () => findCardPort(cardVidPid, options.cardTimeouts),
        identifyLive: () => reader.identify(),
        start: startChoice({ port: options.cardPort, discover: options.discoverDevices, demo }),
      },
      handheld: {
        slot: handheldSlot,
        protocol: 'GHR/1',
        vidPid: handheldVidPid,
        openPort: options.openHandheld ?? ((path) => openSerialHandheld(path, options.handheldTimeouts)),
        simulator: () => handheldDevice.connect(),
        find: () => findHandheldPort(handheldVidPid, options.handheldTimeouts),
        identifyLive: () => handheldLink.identify(),
        start: startChoice({ port: options.handheldPort, discover: options.discoverDevices, demo }),
      },
    },
    options.listSerialPorts ?? listSerialPorts,
  );
  devicePorts.applyAtStart();
  const handheld = new HandheldService(deps, handheldLink, () => handheldLink.connection.ensure());
  const backupDir = options.backupDir;
  const configuredBackupDir = (): string => {
    if (!backupDir) throw new DomainError('VALIDATION', '未配置备份目录', 'backup');
    return backupDir;
  };
  // Issue 12 #6: the second path set in the app (stored) wins over the start's; read at every backup.
  const startMirror = options.backupMirrorDir ?? null;
  const mirrorDir = (): string | undefined => mirrorSetting(deps, startMirror).dir ?? undefined;
  const backups: Devices['backups'] = {
    now: () => {
      // Issue 13 #5: no backup of a store not (yet) found sound
      const refused = storeCheck.refusal();
      if (refused) throw refused;
      return backupNow(store, configuredBackupDir(), deps.clock.now(), options.backupKeep, mirrorDir());
    },
    mirror: () => mirrorSetting(deps, startMirror),
    setMirror: (actor, input) => setMirror(deps, actor, input, backupDir, startMirror),
    list: () => (backupDir ? listBackups(backupDir) : []),
    check: (file) => checkBackup(listedBackup(configuredBackupDir(), file, '只能检查备份列表中的备份').file),
    restore: (actor, choice) => requestRestore(store, options.dbFile, configuredBackupDir(), choice, actor.staffId, deps.clock.now()),
  };
  const stopBackups = backupDir ? scheduleBackups(store, backupDir, options.backupEveryMs, options.backupKeep, undefined, mirrorDir, () => storeCheck.state === 'ok') : () => undefined;
  const afterCommit = new AfterCommit(receipts, printer, () => deps.settings.receiptColumns);
  const displays = new CustomerDisplays(deps);
  const displayPush = createDisplayPush(displays, sessions, afterCommit);
  // Issue 13 #6: reports, exports, statistics and bank checks read on the worker's read-only connection
  const reads = new ReadWorkerClient(options.dbFile, deps);
  // Issue 13 #5: from here on, writes wait for the integrity check (none of the above writes the store)
  const storeCheck = store.integrityDeferred
    ? new StoreCheck(store, options.dbFile, options.integrityChecker ?? checkInWorker, options.onStoreDamaged ?? (() => undefined))
    : StoreCheck.passed();
  // Issue 14: the pusher starts once the store is found sound (it writes its acknowledged position); a commit kicks it
  const sync = new SyncService(deps, options.sync?.credentialsFile ?? credentialsFileFor(options.dbFile), options.sync?.pusher);
  const stopKicks = afterCommit.on(() => sync.pusher.kick());
  // Issue 14 #2: the puller brings the feed down (and a new counter's snapshot) while enrolled, beside the pusher
  const puller = new Puller({ ...options.sync?.puller, sqlite: store.sqlite, credentialsFile: sync.credentialsFile, now: () => deps.clock.now() });
  let closed = false;
  void storeCheck.done.then((state) => {
    if (state !== 'ok' || closed) return;
    resetApplying(store.sqlite);
    if (options.sync?.start !== false) {
      sync.start();
      puller.start();
    }
  });
  const handlers = refuseWritesUntilChecked(createHandlers(deps, sessions, receipts, { cards, handheld, printer, backups, displays, ports: devicePorts, sync, puller }, afterCommit, reads), storeCheck, options.storeCheckWaitMs);
  const router = createRouter(handlers, sessions);
  return {
    store,
    deps,
    router,
    sessions,
    receipts,
    printer,
    cards,
    cardDevice,
    handheld,
    handheldDevice,
    devicePorts,
    displays,
    displayPush,
    afterCommit,
    sync,
    puller,
    storeCheck: storeCheck.done,
    storeCheckState: () => storeCheck.state,
    close: () => {
      closed = true;
      stopKicks();
      void sync.close();
      void puller.stop();
      displayPush.close();
      stopBackups();
      void reader.close();
      void handheldLink.close();
      reads.close();
      // Issue 13 #5: a store not (yet) found sound is closed without a checkpoint: nothing is written to it
      store.close({ keepWal: storeCheck.state !== 'ok' });
    },
  };
}

/** Issue 12 #6: the restore carried out at start goes into the restored store's audit log (a failed one is logged). */
function recordStartRestore(store: Store, outcome: StartRestore, at: Date): void {
  if (outcome.kind === 'failed') console.error(`恢复备份 ${outcome.backup} 未完成，数据库保持原样：${outcome.reason}`);
  if (outcome.kind !== 'restored') return;
  const { backup, replaced, payments, lost, requestedBy } = outcome;
  store.db.transaction((tx) => appendAudit(tx, { actorId: requestedBy, action: 'backup.restored', entity: 'store', entityId: backup, detail: { backup, replaced, payments, lost } }, at));
}
