/**
 * All handlers in one table (issue 11 #2): each contract area registers its methods in
 * main/ipc/areas/<area>.ts; here they are combined, with a compile-time check that every contract method has
 * exactly one handler, and every successful call is announced to the post-commit hook (after-commit.ts).
 */
import type { Method } from '../../preload/contract.js';
import type { ServiceDeps } from '../services/context.js';
import type { ReceiptService } from '../services/receipts.js';
import { readsInProcess, type Reads } from '../services/read-jobs.js';
import { UploadStore } from '../services/uploads.js';
import { AfterCommit } from './after-commit.js';
import { accountsHandlers } from './areas/accounts.js';
import { arrearsHandlers } from './areas/arrears.js';
import { bankHandlers } from './areas/bank.js';
import { businessesHandlers } from './areas/businesses.js';
import { cardsHandlers } from './areas/cards.js';
import { dayCloseHandlers } from './areas/day-close.js';
import { managementHandlers } from './areas/management.js';
import { devicesHandlers } from './areas/devices.js';
import { devicePortsHandlers } from './areas/device-ports.js';
import { backupMirrorHandlers } from './areas/backup-mirror.js';
import { syncHandlers } from './areas/sync.js';
import { syncDownHandlers } from './areas/sync-down.js';
import { correctionsHandlers } from './areas/corrections.js';
import { complaintsHandlers } from './areas/complaints.js';
import { timingHandlers } from './areas/timing.js';
import { photosHandlers } from './areas/photos.js';
import { handheldHandlers } from './areas/handheld.js';
import { importsHandlers } from './areas/imports.js';
import type { Devices, HandlerKit } from './areas/kit.js';
import { paymentsHandlers } from './areas/payments.js';
import { sessionHandlers } from './areas/session.js';
import { setupHandlers } from './areas/setup.js';
import { uploadsHandlers } from './areas/uploads.js';
import type { CallContext, Handlers } from './router.js';
import type { SessionStore } from './sessions.js';

export type { Devices };

/** The method names registered by more than one area, and the contract methods no area registers. */
type Repeated<T extends readonly unknown[], Seen = never> = T extends readonly [infer H, ...infer R] ? (keyof H & Seen) | Repeated<R, Seen | keyof H> : never;
type Named<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R] ? keyof H | Named<R> : never;
type EveryMethodOnce<T extends readonly unknown[]> = [Repeated<T>] extends [never]
  ? [Exclude<Method, Named<T>>] extends [never]
    ? true
    : { missingHandlerFor: Exclude<Method, Named<T>> }
  : { duplicateHandlerFor: Repeated<T> };

/** The areas' handlers as one table; each successful call is announced once, after its commit and prints. */
function combine(areas: readonly object[], _checked: true, after: AfterCommit): Handlers {
  const table: Record<string, (ctx: CallContext, input: unknown) => unknown> = {};
  for (const handlers of areas) {
    for (const [method, handler] of Object.entries(handlers as Record<string, (ctx: CallContext, input: unknown) => unknown>)) {
      table[method] = async (ctx, input) => {
        const value = await handler(ctx, input);
        after.announce({ method: method as Method, actor: ctx.actor, value });
        return value;
      };
    }
  }
  return table as Handlers;
}

export function createHandlers(
  deps: ServiceDeps,
  sessions: SessionStore,
  receipts: ReceiptService,
  devices: Devices,
  /** The post-commit hook; a host that subscribes to it (AfterCommit.on) passes its own. */
  after: AfterCommit = new AfterCommit(receipts, devices.printer, () => deps.settings.receiptColumns),
  /** Issue 13 #6: the read worker of the host; without one the heavy reads run in this thread. */
  reads: Reads = readsInProcess(deps),
): Handlers {
  const uploads = new UploadStore(() => deps.clock.now().getTime());
  const kit: HandlerKit = { deps, sessions, receipts, devices, uploads, after, reads };
  const areas = [
    sessionHandlers(kit),
    accountsHandlers(kit),
    paymentsHandlers(kit),
    businessesHandlers(kit),
    cardsHandlers(kit),
    handheldHandlers(kit),
    bankHandlers(kit),
    uploadsHandlers(kit),
    dayCloseHandlers(kit),
    setupHandlers(kit),
    importsHandlers(kit),
    devicesHandlers(kit),
    devicePortsHandlers(kit),
    backupMirrorHandlers(kit),
    syncHandlers(kit),
    syncDownHandlers(kit),
    arrearsHandlers(kit),
    correctionsHandlers(kit),
    complaintsHandlers(kit),
    timingHandlers(kit),
    managementHandlers(kit),
    photosHandlers(kit),
  ] as const;
  // Compile-time (issue 11 #2): every contract method has exactly one handler across the areas.
  const everyMethodOnce: EveryMethodOnce<typeof areas> = true;
  return combine(areas, everyMethodOnce, after);
}
