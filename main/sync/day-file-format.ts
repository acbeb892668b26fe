/**
 * Issue 14 #5: the signed day file a counter PC hands to the hall manager's PC on a USB disk when the central server
 * cannot be reached (export: main/sync/day-file.ts; import on the manager's PC: i14-down). The format in the style of
 * server/protocol: zod schemas both sides check.
 *
 * The file is UTF-8 JSON, `<counter code or id>-<YYYY-MM-DD>-<deviceId>.gasday.json`:
 *
 *   { "format": "gas-hall-day-file", "version": 1, "deviceId": "…", "algorithm": "ed25519",
 *     "payload": "<the DayFilePayload as JSON text>", "signature": "<base64 Ed25519 signature of payload's UTF-8 bytes>" }
 *
 * The payload is carried as text so the signature covers exactly those bytes (no canonical JSON needed): verify the
 * signature over `Buffer.from(file.payload, 'utf8')` FIRST, with the public key the feed brought for `deviceId`
 * (table device_keys; never the copy inside the payload, which is there for a person only), then parse the payload
 * with `dayFilePayload`. `verifyDayFile` does both.
 *
 * The events are the device's outbox events of that business date exactly as the pusher sends them (server/protocol
 * push.ts `syncEvent`, wire seq numbers, so (deviceId, seq) and (table, rowId) make the import idempotent); they are
 * in seq order but not contiguous (events of other dates are left out). `marker` is the counter's latest day marker
 * of that date (null when the counter did not end its day: the import shows the day as incomplete). The same events
 * reach the server later through the pusher; the server ignores what it already has.
 */
import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';
import { auditHead, businessDate, fenAmount, isoInstant, syncEvent, syncId } from '../../server/protocol/index.js';

export const DAY_FILE_FORMAT = 'gas-hall-day-file';
export const DAY_FILE_VERSION = 1;
export const DAY_FILE_SUFFIX = '.gasday.json';
/** A day of a busy counter is a few MB; anything far larger is not a day file. */
export const MAX_DAY_FILE_BYTES = 64 * 1024 * 1024;

export const dayFileMarker = z.object({
  id: syncId,
  hallId: syncId,
  counterId: syncId,
  businessDate,
  paymentCount: z.number().int().nonnegative(),
  totalFen: fenAmount,
  /** Wire seq (as pushed) every event of the day is at or below. */
  throughSeq: z.number().int().nonnegative(),
  auditHead,
  reason: z.enum(['cash_report', 'counter_end']),
  createdAt: isoInstant,
});
export type DayFileMarker = z.infer<typeof dayFileMarker>;

export const dayFilePayload = z
  .object({
    deviceId: syncId,
    companyId: syncId,
    hallId: syncId,
    counterId: syncId,
    businessDate,
    exportedAt: isoInstant,
    /** The events of the date, in seq order. */
    events: z.array(syncEvent),
    marker: dayFileMarker.nullable(),
    /** The device's audit chain head when the file was made. */
    auditHead: auditHead.nullable(),
    /** For a person reading the file; the importer checks the signature with the key from device_keys. */
    publicKeyPem: z.string(),
  })
  .strict();
export type DayFilePayload = z.infer<typeof dayFilePayload>;

export const dayFileEnvelope = z
  .object({
    format: z.literal(DAY_FILE_FORMAT),
    version: z.literal(DAY_FILE_VERSION),
    deviceId: syncId,
    algorithm: z.literal('ed25519'),
    payload: z.string(),
    signature: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, '签名格式无效'),
  })
  .strict();
export type DayFileEnvelope = z.infer<typeof dayFileEnvelope>;

export class DayFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DayFileError';
  }
}

/**
 * Checks a day file's bytes: the envelope, the signature against `publicKeyPemOf(deviceId)` (the key the feed brought;
 * null when unknown), then the payload, whose deviceId must be the envelope's. Throws a DayFileError in Chinese.
 */
export function verifyDayFile(bytes: Uint8Array, publicKeyPemOf: (deviceId: string) => string | null): DayFilePayload {
  if (bytes.byteLength > MAX_DAY_FILE_BYTES) throw new DayFileError('文件过大，不是日终文件');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new DayFileError('文件不是有效的日终文件（JSON 格式错误）');
  }
  const envelope = dayFileEnvelope.safeParse(json);
  if (!envelope.success) throw new DayFileError('文件不是有效的日终文件（格式或版本不符）');
  const pem = publicKeyPemOf(envelope.data.deviceId);
  if (!pem) throw new DayFileError(`不认识设备 ${envelope.data.deviceId} 的公钥：请先与中心服务器同步一次，再导入该柜台的日终文件`);
  let ok = false;
  try {
    ok = verify(null, Buffer.from(envelope.data.payload, 'utf8'), createPublicKey(pem), Buffer.from(envelope.data.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw new DayFileError('日终文件签名不符：文件被改动过或不是该柜台导出的');
  let payloadJson: unknown;
  try {
    payloadJson = JSON.parse(envelope.data.payload);
  } catch {
    throw new DayFileError('日终文件内容无效');
  }
  const payload = dayFilePayload.safeParse(payloadJson);
  if (!payload.success || payload.data.deviceId !== envelope.data.deviceId) throw new DayFileError('日终文件内容无效');
  return payload.data;
}
