/**
 * The frame every serial device protocol of this app uses (hardware/card/PROTOCOL.md "Frame"): start
 * byte, version, sequence number, command, length, payload, CRC-16/CCITT-FALSE. Each protocol has its
 * own version byte, so a card reader and a handheld never take each other's frames. Pure.
 */

export const START = 0xa5;
const HEADER = 6; // START VER SEQ CMD LEN(2)

export interface Frame {
  seq: number;
  cmd: number;
  payload: Buffer;
}

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

export function encodeFrame(frame: Frame, version: number, maxPayload = 512): Buffer {
  if (frame.payload.length > maxPayload) throw new RangeError('payload too long');
  const out = Buffer.alloc(HEADER + frame.payload.length + 2);
  out[0] = START;
  out[1] = version;
  out[2] = frame.seq & 0xff;
  out[3] = frame.cmd & 0xff;
  out.writeUInt16BE(frame.payload.length, 4);
  frame.payload.copy(out, HEADER);
  out.writeUInt16BE(crc16(out.subarray(1, HEADER + frame.payload.length)), HEADER + frame.payload.length);
  return out;
}

/**
 * Incremental decoder: feed any split of the byte stream; whole valid frames come out. Garbage, bad
 * versions, oversized lengths and bad CRCs are dropped and counted, and decoding resynchronises on the
 * next start byte.
 */
export class FrameDecoder {
  private buffer = Buffer.alloc(0);
  dropped = 0;

  constructor(
    private readonly version: number,
    private readonly maxPayload = 512,
  ) {}

  push(chunk: Uint8Array): Frame[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const frames: Frame[] = [];
    for (;;) {
      const start = this.buffer.indexOf(START);
      if (start < 0) {
        if (this.buffer.length > 0) this.dropped++;
        this.buffer = Buffer.alloc(0);
        return frames;
      }
      if (start > 0) {
        this.dropped++;
        this.buffer = this.buffer.subarray(start);
      }
      if (this.buffer.length < HEADER) return frames;
      const length = this.buffer.readUInt16BE(4);
      if (this.buffer[1] !== this.version || length > this.maxPayload) {
        this.skipOne();
        continue;
      }
      const total = HEADER + length + 2;
      if (this.buffer.length < total) return frames;
      const crc = this.buffer.readUInt16BE(HEADER + length);
      if (crc !== crc16(this.buffer.subarray(1, HEADER + length))) {
        this.skipOne();
        continue;
      }
      frames.push({ seq: this.buffer[2] ?? 0, cmd: this.buffer[3] ?? 0, payload: Buffer.from(this.buffer.subarray(HEADER, HEADER + length)) });
      this.buffer = this.buffer.subarray(total);
    }
  }

  /** Forgets a partial frame (the client calls this after a timeout, so a damaged length cannot stall it). */
  reset(): void {
    if (this.buffer.length > 0) this.dropped++;
    this.buffer = Buffer.alloc(0);
  }

  private skipOne(): void {
    this.dropped++;
    this.buffer = this.buffer.subarray(1);
  }
}

