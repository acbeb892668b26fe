/**
 * GHR/1 commands, statuses and records (hardware/handheld/PROTOCOL.md). Pure.
 */
import { crc32 } from '../serial/crc32.js';
import { readAsciiField, statusNameIn, writeAsciiField } from '../serial/fields.js';

export const VERSION = 0x02;
export const MAX_PAYLOAD = 1024;
/** Route bytes per ROUTE_CHUNK (4 bytes of the payload carry the offset). */
export const CHUNK = 1000;

export const CMD = {
  IDENTIFY: 0x01,
  GET_CLOCK: 0x02,
  SET_CLOCK: 0x03,
  ROUTE_BEGIN: 0x10,
  ROUTE_CHUNK: 0x11,
  ROUTE_END: 0x12,
  READINGS_INFO: 0x20,
  READINGS_CHUNK: 0x21,
  COMMIT: 0x22,
} as const;

export const STATUS = {
  OK: 0x00,
  BAD_STATE: 0x01,
  CRC_MISMATCH: 0x02,
  OUT_OF_ORDER: 0x03,
  NO_READINGS: 0x04,
  BATCH_MISMATCH: 0x05,
  UNKNOWN_COMMAND: 0x11,
  BAD_PAYLOAD: 0x12,
} as const;
export type HandheldStatus = keyof typeof STATUS;

export function statusName(code: number): HandheldStatus | 'UNKNOWN' {
  return statusNameIn(STATUS, code);
}

export interface RouteRecord {
  accountNo: string;
  seqNo: string;
  name: string;
  address: string;
  meterNo: string;
  lastReading: number;
  monthlyAverage: number;
}

/** 0 正常, 1 估抄, 2 未抄, 3 换表. */
export type ReadingStatus = 0 | 1 | 2 | 3;

export interface ReadingRecord {
  accountNo: string;
  reading: number;
  readAt: string; // YYYY-MM-DD HH:mm
  status: ReadingStatus;
  meterNo: string;
}

const clean = (s: string) => s.replace(/[\t\r\n]/g, ' ');

export function encodeRoute(records: readonly RouteRecord[]): Buffer {
  return Buffer.from(
    records.map((r) => [r.accountNo, r.seqNo, r.name, r.address, r.meterNo, r.lastReading, r.monthlyAverage].map((f) => clean(String(f))).join('\t')).join('\n'),
    'utf8',
  );
}

function int(field: string | undefined, what: string): number {
  const n = Number(field);
  if (field === undefined || field === '' || !Number.isSafeInteger(n)) throw new RangeError(`bad ${what}: ${field ?? ''}`);
  return n;
}

export function decodeRoute(bytes: Buffer): RouteRecord[] {
  const text = bytes.toString('utf8');
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const f = line.split('\t');
    if (f.length !== 7) throw new RangeError(`bad route line: ${line}`);
    return { accountNo: f[0] ?? '', seqNo: f[1] ?? '', name: f[2] ?? '', address: f[3] ?? '', meterNo: f[4] ?? '', lastReading: int(f[5], 'reading'), monthlyAverage: int(f[6], 'average') };
  });
}

export function encodeReadings(records: readonly ReadingRecord[]): Buffer {
  return Buffer.from(records.map((r) => [r.accountNo, r.reading, r.readAt, r.status, r.meterNo].map((f) => clean(String(f))).join('\t')).join('\n'), 'utf8');
}

export function decodeReadings(bytes: Buffer): ReadingRecord[] {
  const text = bytes.toString('utf8');
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const f = line.split('\t');
    if (f.length !== 5 || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(f[2] ?? '')) throw new RangeError(`bad reading line: ${line}`);
    const status = int(f[3], 'status');
    if (status < 0 || status > 3) throw new RangeError(`bad status: ${status}`);
    return { accountNo: f[0] ?? '', reading: int(f[1], 'reading'), readAt: f[2] ?? '', status: status as ReadingStatus, meterNo: f[4] ?? '' };
  });
}

export function batchIdBytes(batchId: string): Buffer {
  const out = Buffer.alloc(16);
  writeAsciiField(out, batchId, 0, true);
  return out;
}

export interface Manifest {
  batchId: string;
  count: number;
  size: number;
  crc: number;
}

export function encodeManifest(m: Manifest): Buffer {
  const out = Buffer.alloc(28);
  batchIdBytes(m.batchId).copy(out, 0);
  out.writeUInt32BE(m.count, 16);
  out.writeUInt32BE(m.size, 20);
  out.writeUInt32BE(m.crc, 24);
  return out;
}

export function decodeManifest(buf: Buffer): Manifest {
  if (buf.length !== 28) throw new RangeError('bad manifest');
  return { batchId: readAsciiField(buf), count: buf.readUInt32BE(16), size: buf.readUInt32BE(20), crc: buf.readUInt32BE(24) };
}

export function manifestOf(batchId: string, count: number, bytes: Buffer): Manifest {
  return { batchId, count, size: bytes.length, crc: crc32(bytes) };
}
