/**
 * Issue 14: the shared pieces of the sync wire contract between a counter PC and the central server.
 * Everything here is JSON over HTTP(S); every request body and answer is checked with these zod schemas on
 * both sides. Money is always integer fen (ARCHITECTURE "Money is integer fen"); dates are business dates
 * `YYYY-MM-DD` (Asia/Shanghai, preload/kernel/dates.ts); instants are ISO-8601 strings.
 *
 * Imports only zod and preload/kernel, so main/ (the counter side) may import it (lint:layers).
 */
import { z } from 'zod';
import { isValidDate } from '../../preload/kernel/dates.js';

/** A row id, a device id, a hall id …: a non-empty printable string. */
export const syncId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\u0000-\u001f\u007f]+$/, '编号不能包含控制字符');

/** A business date `YYYY-MM-DD` that exists in the calendar. */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidDate, '日期无效');

/** An ISO-8601 instant such as `2026-12-01T10:00:00.000Z` (SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') form fits). */
export const isoInstant = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), '时间格式无效');

/** Integer fen, possibly negative (a 冲正 row is negated). */
export const fenAmount = z.number().int().refine(Number.isSafeInteger, '金额必须是整数分');

/** A SQLite table name as the counter's schema spells it (`payments`, `payment_items`, `bills` …). */
export const tableName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, '表名无效');

/** A SQLite row as JSON: column names exactly as in SQLite (snake_case), values as better-sqlite3 returns them. */
export const sqliteRow = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type SqliteRow = z.infer<typeof sqliteRow>;

/** An audit-chain head (preload/kernel/chain-head.ts): the last audit_log row's seq and its full hash. */
export const auditHead = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{8,128}$/, '哈希格式无效'),
});
export type AuditHeadWire = z.infer<typeof auditHead>;

/**
 * Every non-2xx answer of the server has this body. `code` is stable for programs (the kernel's ErrorCode
 * names where one fits, plus the sync-specific ones below); `message` is zh-CN for the clerk; `field` names the
 * offending input field where there is one.
 *   400 VALIDATION            the body or query does not match the schema (nothing was changed)
 *   401 UNAUTHENTICATED       no/unknown/revoked credential, or a used/expired enrolment code
 *   403 FORBIDDEN             the device asks for another hall's data or pushes in another device's name
 *   404 NOT_FOUND             unknown route or object
 *   409 NOT_YET_PUSHED        a day marker names events the server has not acknowledged yet (push first)
 *   413 TOO_LARGE             body over the limit (MAX_BODY_BYTES)
 *   500 INTERNAL              anything else (logged; nothing half-written: every write is one transaction)
 */
export const SYNC_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_YET_PUSHED',
  'TOO_LARGE',
  'INTERNAL',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const errorBody = z.object({
  error: z.object({
    code: z.enum(SYNC_ERROR_CODES),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Largest request body the server reads (a push batch of MAX_PUSH_EVENTS rich rows fits well). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
