/**
 * The one API between a counter window and the main process (ARCHITECTURE "One contract"). Every method
 * has a zod input and output schema and an access rule; main parses every input before a handler runs.
 * Channel names are `gas:<area>.<method>`. The methods live in preload/contract/<area>.ts and are put
 * together here. The contract is the single source of a method's name: preload/channels.generated.ts (the
 * channel list the preload bridge uses) is written from these keys by `npm run gen:channels` and checked below.
 */
import type { z } from 'zod';
import type { MethodName } from './channels.js';
import type { Access } from './contract/schemas.js';
import { sessionContract } from './contract/session.js';
import { accountsContract } from './contract/accounts.js';
import { paymentsContract } from './contract/payments.js';
import { businessesContract } from './contract/businesses.js';
import { cardsContract } from './contract/cards.js';
import { handheldContract } from './contract/handheld.js';
import { bankContract } from './contract/bank.js';
import { uploadContract } from './contract/uploads.js';
import { dayCloseContract } from './contract/day-close.js';
import { setupContract } from './contract/setup.js';
import { importsContract } from './contract/imports.js';
import { devicesContract } from './contract/devices.js';
import { devicePortsContract } from './contract/device-ports.js';
import { backupMirrorContract } from './contract/backup-mirror.js';
import { syncContract } from './contract/sync.js';
import { syncDownContract } from './contract/sync-down.js';
import { arrearsContract } from './contract/arrears.js';
import { correctionsContract } from './contract/corrections.js';
import { complaintsContract } from './contract/complaints.js';
import { managementContract } from './contract/management.js';
import { photosContract } from './contract/photos.js';
import { timingContract } from './contract/timing.js';

export { channelOf } from './channels.js';
export { COUNTER_ROLES, type DomainIssue, HANDHELD_ROLES, PHONE_ROLES, READING_SOURCES_AT_COUNTER, type Access, type Role } from './contract/schemas.js';

export const contract = {
  ...sessionContract,
  ...accountsContract,
  ...paymentsContract,
  ...businessesContract,
  ...cardsContract,
  ...handheldContract,
  ...bankContract,
  ...uploadContract,
  ...dayCloseContract,
  ...setupContract,
  ...importsContract,
  ...devicesContract,
  ...devicePortsContract,
  ...backupMirrorContract,
  ...syncContract,
  ...syncDownContract,
  ...arrearsContract,
  ...correctionsContract,
  ...complaintsContract,
  ...managementContract,
  ...photosContract,
  ...timingContract,
} as const satisfies Record<MethodName, { access: Access; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as readonly Method[];
/** Compile-time: no method in the contract that channels.generated.ts lacks (the reverse is the `satisfies`): run `npm run gen:channels`. */
export const CONTRACT_HAS_NO_EXTRA_METHODS: [Exclude<Method, MethodName>] extends [never] ? true : false = true;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export interface ApiError {
  code: string;
  message: string;
  field?: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What preload exposes as `window.gas` and what the harness client implements. */
export type GasApi = { [M in Method]: (input: Input<M>) => Promise<Result<Output<M>>> };
