/**
 * GHC-CARD/1 framing and records (hardware/card/PROTOCOL.md). Pure: bytes in, frames out; no IO.
 */

import { encodeFrame as encodeAnyFrame, FrameDecoder as AnyFrameDecoder, type Frame } from '../serial/frame.js';

export { crc16, START, type Frame } from '../serial/frame.js';
import { readAsciiField, statusNameIn, writeAsciiField } from '../serial/fields.js';

/** GHC-CARD/1 frames carry version 0x01 and at most 512 payload bytes. */
export const VERSION = 0x01;
export const MAX_PAYLOAD = 512;

export function encodeFrame(frame: Frame): Buffer {
  return encodeAnyFrame(frame, VERSION, MAX_PAYLOAD);
}

export class FrameDecoder extends AnyFrameDecoder {
  constructor() {
    super(VERSION, MAX_PAYLOAD);
  }
}

export const CMD = { IDENTIFY: 0x01, READ: 0x10, ISSUE: 0x20, PURCHASE: 0x30 } as const;

export const STATUS = {
  OK: 0x00,
  NO_CARD: 0x01,
  BLANK_CARD: 0x02,
  NOT_BLANK: 0x03,
  COUNTER_MISMATCH: 0x04,
  CARD_MISMATCH: 0x05,
  INSUFFICIENT_CREDIT: 0x06,
  WRITE_FAILED: 0x07,
  UNKNOWN_COMMAND: 0x11,
  BAD_PAYLOAD: 0x12,
} as const;
export type StatusName = keyof typeof STATUS;

export function statusName(code: number): StatusName | 'UNKNOWN' {
  return statusNameIn(STATUS, code);
}

/** What a card holds (PROTOCOL.md "Card record"). Volumes in 0.01 m³. */
export interface CardRecord {
  cardNo: string;
  accountNo: string;
  counter: number;
  creditCenti: number;
  totalCenti: number;
  blank: boolean;
}

export const RECORD_LENGTH = 43;
export function encodeRecord(r: CardRecord): Buffer {
  const out = Buffer.alloc(RECORD_LENGTH);
  writeAsciiField(out, r.cardNo, 0);
  writeAsciiField(out, r.accountNo, 16);
  out.writeUInt16BE(r.counter, 32);
  out.writeUInt32BE(r.creditCenti, 34);
  out.writeUInt32BE(r.totalCenti, 38);
  out[42] = r.blank ? 1 : 0;
  return out;
}

export function decodeRecord(buf: Buffer): CardRecord {
  if (buf.length !== RECORD_LENGTH) throw new RangeError(`card record must be ${RECORD_LENGTH} bytes, got ${buf.length}`);
  return {
    cardNo: readAsciiField(buf, 0),
    accountNo: readAsciiField(buf, 16),
    counter: buf.readUInt16BE(32),
    creditCenti: buf.readUInt32BE(34),
    totalCenti: buf.readUInt32BE(38),
    blank: ((buf[42] ?? 0) & 1) === 1,
  };
}

export function encodeIssue(cardNo: string, accountNo: string, counter: number): Buffer {
  const out = Buffer.alloc(34);
  writeAsciiField(out, cardNo, 0);
  writeAsciiField(out, accountNo, 16);
  out.writeUInt16BE(counter, 32);
  return out;
}

export function decodeIssue(buf: Buffer): { cardNo: string; accountNo: string; counter: number } {
  if (buf.length !== 34) throw new RangeError('bad ISSUE payload');
  return { cardNo: readAsciiField(buf, 0), accountNo: readAsciiField(buf, 16), counter: buf.readUInt16BE(32) };
}

export interface PurchaseRequest {
  cardNo: string;
  counterBefore: number;
  counterAfter: number;
  deltaCenti: number;
}

export function encodePurchase(p: PurchaseRequest): Buffer {
  const out = Buffer.alloc(24);
  writeAsciiField(out, p.cardNo, 0);
  out.writeUInt16BE(p.counterBefore, 16);
  out.writeUInt16BE(p.counterAfter, 18);
  out.writeInt32BE(p.deltaCenti, 20);
  return out;
}

export function decodePurchase(buf: Buffer): PurchaseRequest {
  if (buf.length !== 24) throw new RangeError('bad PURCHASE payload');
  return { cardNo: readAsciiField(buf, 0), counterBefore: buf.readUInt16BE(16), counterAfter: buf.readUInt16BE(18), deltaCenti: buf.readInt32BE(20) };
}
