/**
 * The IPC channel of a contract method, without zod, so the preload bundle stays small. The method names come
 * from preload/channels.generated.ts, written from the contract's keys by `npm run gen:channels`; `contract.ts`
 * is checked at compile time to have exactly these keys (a stale file is a tsc error).
 */
import type { METHOD_NAMES } from './channels.generated.js';

export type MethodName = (typeof METHOD_NAMES)[number];

export function channelOf(method: MethodName): string {
  return `gas:${method}`;
}
