/**
 * What every area's handler registration gets (issue 11 #2): the services' dependencies, the sessions, the
 * receipts, the devices, the upload store shared by the session, upload and bank areas, and the post-commit
 * effects (main/ipc/after-commit.ts). `area()` types each handler from its contract entry.
 */
import type { Fen } from '../../../preload/kernel/money.js';
import type { Method } from '../../../preload/contract.js';
import type { PrinterHolder } from '../../../hardware/printer/holder.js';
import { DomainError } from '../../../preload/kernel/errors.js';
import type { BackupInfo, RestoreChoice, TakenBackup } from '../../services/backup.js';
import type { MirrorSetting } from '../../services/backup-mirror.js';
import type { CustomerDisplays } from '../../services/customer-display.js';
import type { DevicePorts } from '../../services/device-ports.js';
import type { Actor, ServiceDeps } from '../../services/context.js';
import type { HandheldService } from '../../services/handheld.js';
import type { IcCardService } from '../../services/ic-cards.js';
import type { Reads } from '../../services/read-jobs.js';
import type { ReceiptService } from '../../services/receipts.js';
import type { UploadStore } from '../../services/uploads.js';
import type { SyncService } from '../../sync/service.js';
import type { Puller } from '../../sync/puller.js';
import type { AfterCommit } from '../after-commit.js';
import type { CallContext, Handlers } from '../router.js';
import type { SessionStore } from '../sessions.js';

export interface Devices {
  cards: IcCardService;
  handheld: HandheldService;
  /** Issue 12 #2: swappable, so a printer chosen in 设备设置 prints the next slip. */
  printer: PrinterHolder;
  backups: {
    now(): Promise<TakenBackup>;
    list(): BackupInfo[];
    check(file: string): { ok: boolean; detail: string; payments: number };
    /** Issue 12 #6: checks a listed backup and restores it at the next start. */
    restore(actor: Actor, choice: RestoreChoice): { payments: number; lost: string[]; restartRequired: true };
    /** Issue 12 #6 (R-INV-09): the second backup path now, stored or the start's. */
    mirror(): MirrorSetting;
    /** Sets (checked) or clears (null) the second backup path; the next backup uses it. */
    setMirror(actor: Actor, input: { dir: string | null }): MirrorSetting;
  };
  /** Issue 12 #2: the card reader's and the handheld's connection, chosen in 设备设置. */
  ports: DevicePorts;
  /** The counters' customer displays, held by the host (their changes are pushed: main/display-push.ts). */
  displays: CustomerDisplays;
  /** Issue 14: the central server: enrolment, the pusher's state, the counter's day end, the USB day file. */
  sync: SyncService;
  /** Issue 14 #2: the change feed's puller (a decision on the 异常 list kicks it to send the decision). */
  puller: Puller;
}

export interface HandlerKit {
  deps: ServiceDeps;
  sessions: SessionStore;
  receipts: ReceiptService;
  devices: Devices;
  uploads: UploadStore;
  after: AfterCommit;
  /** Issue 13 #6: the heavy reads (reports, exports, statistics, bank checks) go to the read worker. */
  reads: Reads;
}

/** An area's handlers, each typed by its contract entry: parsed input in, the contract's output out. */
export function area<const M extends Method>(handlers: { [K in M]: Handlers[K] }): { [K in M]: Handlers[K] } {
  return handlers;
}

export function signedIn(ctx: CallContext): Actor {
  if (!ctx.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return ctx.actor;
}

/** Ticket lines as the contract parsed them, with the face value under the services' name. */
export function ticketLines<T extends { faceValue: Fen }>(lines: readonly T[]): (Omit<T, 'faceValue'> & { faceValueFen: Fen })[] {
  return lines.map(({ faceValue, ...rest }) => ({ ...rest, faceValueFen: faceValue }));
}

/** A fee taken with a counter business, as the answer shows it (its slip printed by `after.printsSlips`). */
export function feeShown(payment: { slipNo: string; changeFen: number } | null): { slipNo: string | null; changeFen: number | null } {
  return { slipNo: payment?.slipNo ?? null, changeFen: payment?.changeFen ?? null };
}
