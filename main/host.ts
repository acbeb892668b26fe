/**
 * The whole back end without Electron (ARCHITECTURE "Headless host"): the store, the services, the
 * simulated devices and the IPC router. The Electron shell, the browser harness, scripts and tests all
 * build it through here.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openStore, type Store } from '../db/open.js';
import type { ReceiptPrinter } from '../hardware/printer/printer.js';
import { SimulatedPrinter } from '../hardware/printer/simulator.js';
import { printerAt, UnconfiguredPrinter } from '../hardware/printer/open.js';
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
import { CustomerDisplays } from './services/customer-display.js';
import { createDisplayPush, type DisplayPush } from './display-push.js';
import { openSerialHandheld, ReconnectingHandheld, simulatedHandheldDevice, type SimulatedHandheldDevice } from '../hardware/handheld/serial.js';
import type { Timeouts } from '../hardware/card/client.js';
import { openSerialCardReader, ReconnectingCardReader, simulatedCardDevice, type SimulatedCardDevice } from '../hardware/card/serial.js';

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
  /** A serial device path for the card reader/writer; without one the in-process simulator is used. */
  cardPort?: string;
  cardTimeouts?: Timeouts;
  /** A serial device path for the handheld meter reader; without one the in-process simulator is used. */
  handheldPort?: string;
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
   * environment variable GAS_DEMO=1 (set by `npm start` / `npm run harness` and the test fixtures);
   * otherwise staff with the initial password must change it at first log-in.
   */
  demo?: boolean;
}

/**
 * Issue 12 #1: the printer of the app's back end (main/backend.ts): GAS_PRINTER's address; without one the
 * simulator only in demo mode (GAS_DEMO=1), else no printer, so every slip waits in the reprint queue with
 * what to set, never silently on a simulator. A bad address throws its Chinese reason (the start fails).
 */
export function printerFromEnv(env: NodeJS.ProcessEnv = process.env): ReceiptPrinter {
  const url = env.GAS_PRINTER?.trim();
  if (url) return printerAt(url);
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
  /** The simulated card reader when no real one is configured (demo, tests). */
  cardDevice: SimulatedCardDevice | null;
  handheld: HandheldService;
  /** The simulated handheld when no real one is configured (demo, tests). */
  handheldDevice: SimulatedHandheldDevice | null;
  /** The counters' customer displays (issue 11 #3: their changes are pushed through `displayPush`). */
  displays: CustomerDisplays;
  displayPush: DisplayPush;
  /** What follows a committed call (issue 11 #3): subscribe with `afterCommit.on` (the sync and display pushes). */
  afterCommit: AfterCommit;
  close(): void;
}

export function createHost(options: HostOptions): Host {
  // first: a bad printer address refuses the start before the store is opened
  const startPrinter = options.printer ?? (options.printerUrl ? printerAt(options.printerUrl) : new SimulatedPrinter());
  mkdirSync(join(options.dbFile, '..'), { recursive: true });
  // Issue 12 #6: a restore chosen in the app runs now, before the store opens.
  const restoredAtStart = applyPendingRestore(options.dbFile, (options.clock ?? systemClock).now());
  const store = openStore(options.dbFile, { migrationsDir: options.migrationsDir });
  recordStartRestore(store, restoredAtStart, (options.clock ?? systemClock).now());
  const deps: ServiceDeps = {
    db: store.db,
    clock: options.clock ?? systemClock,
    settings: { ...defaultSettings, ...options.settings, demoMode: options.demo ?? options.settings?.demoMode ?? demoFromEnv() },
  };
  // Issue 12 #2: a printer chosen in 设备设置 (stored, so validated when it was saved) wins over the start's choice.
  const stored = storedPrinter(deps);
  const printer = new PrinterHolder(stored ? printerAt(stored.address) : startPrinter);
  if (stored) applyPaperWidth(deps, stored.paperMm);
  const sessions = new SessionStore(options.sessionIdleMs ?? DEFAULT_IDLE_MS, () => deps.clock.now().getTime());
  const receipts = new ReceiptService(deps, printer);
  const cardDevice = options.cardPort ? null : simulatedCardDevice(options.cardTimeouts);
  const cardPort = options.cardPort;
  const reader = new ReconnectingCardReader(cardPort ? () => openSerialCardReader(cardPort, options.cardTimeouts) : () => (cardDevice as SimulatedCardDevice).connect());
  const cards = new IcCardService(deps, reader);
  const handheldDevice = options.handheldPort ? null : simulatedHandheldDevice(options.handheldTimeouts, options.handheldLineBps);
  const handheldPort = options.handheldPort;
  const handheldLink = new ReconnectingHandheld(
    handheldPort ? () => openSerialHandheld(handheldPort, options.handheldTimeouts) : () => (handheldDevice as SimulatedHandheldDevice).connect(),
  );
  const handheld = new HandheldService(deps, handheldLink);
  const backupDir = options.backupDir;
  const configuredBackupDir = (): string => {
    if (!backupDir) throw new DomainError('VALIDATION', '未配置备份目录', 'backup');
    return backupDir;
  };
  const backups: Devices['backups'] = {
    now: () => backupNow(store, configuredBackupDir(), deps.clock.now(), options.backupKeep, options.backupMirrorDir),
    list: () => (backupDir ? listBackups(backupDir) : []),
    check: (file) => checkBackup(listedBackup(configuredBackupDir(), file, '只能检查备份列表中的备份').file),
    restore: (actor, choice) => requestRestore(store, options.dbFile, configuredBackupDir(), choice, actor.staffId, deps.clock.now()),
  };
  const stopBackups = backupDir ? scheduleBackups(store, backupDir, options.backupEveryMs, options.backupKeep, undefined, options.backupMirrorDir) : () => undefined;
  const afterCommit = new AfterCommit(receipts, printer, () => deps.settings.receiptColumns);
  const displays = new CustomerDisplays(deps);
  const displayPush = createDisplayPush(displays, sessions, afterCommit);
  // Issue 13 #6: reports, exports, statistics and bank checks read on the worker's read-only connection
  const reads = new ReadWorkerClient(options.dbFile, deps);
  const router = createRouter(createHandlers(deps, sessions, receipts, { cards, handheld, printer, backups, displays }, afterCommit, reads), sessions);
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
    displays,
    displayPush,
    afterCommit,
    close: () => {
      displayPush.close();
      stopBackups();
      void reader.close();
      void handheldLink.close();
      reads.close();
      store.close();
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
