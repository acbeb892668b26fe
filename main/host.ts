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
import { createHandlers } from './ipc/handlers.js';
import { createRouter, type Router } from './ipc/router.js';
import { SessionStore } from './ipc/sessions.js';
import { defaultSettings, systemClock, type Clock, type ServiceDeps, type Settings } from './services/context.js';
import { ReceiptService } from './services/receipts.js';

export interface HostOptions {
  /** The SQLite file. */
  dbFile: string;
  migrationsDir: string;
  clock?: Clock;
  settings?: Partial<Settings>;
  /** Defaults to a simulated printer (with no device attached, the app still runs). */
  printer?: ReceiptPrinter;
}

export interface Host {
  store: Store;
  deps: ServiceDeps;
  router: Router;
  sessions: SessionStore;
  receipts: ReceiptService;
  printer: ReceiptPrinter;
  close(): void;
}

export function createHost(options: HostOptions): Host {
  mkdirSync(join(options.dbFile, '..'), { recursive: true });
  const store = openStore(options.dbFile, { migrationsDir: options.migrationsDir });
  const deps: ServiceDeps = {
    db: store.db,
    clock: options.clock ?? systemClock,
    settings: { ...defaultSettings, ...options.settings },
  };
  const printer = options.printer ?? new SimulatedPrinter();
  const sessions = new SessionStore();
  const receipts = new ReceiptService(deps, printer);
  const router = createRouter(createHandlers(deps, sessions, receipts), sessions);
  return { store, deps, router, sessions, receipts, printer, close: () => store.close() };
}
