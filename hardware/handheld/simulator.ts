/**
 * A handheld meter reader speaking GHR/1 over bytes: a clock, the route it was given, the readings the
 * reader took, and faults (lost or garbled replies) for the tests. Readings stay until COMMIT.
 */
import { crc32 } from '../serial/crc32.js';
import { FrameDecoder, type Frame } from '../serial/frame.js';
import { sendReply } from '../serial/sim-reply.js';
import { readAsciiField } from '../serial/fields.js';
import {
  CMD,
  decodeManifest,
  decodeRoute,
  encodeManifest,
  encodeReadings,
  manifestOf,
  MAX_PAYLOAD,
  
  STATUS,
  VERSION,
  type Manifest,
  type ReadingRecord,
  type RouteRecord,
} from './codec.js';

export class HandheldSimulator {
  clockOffsetMs = -3_600_000; // a handheld an hour slow until the host sets it
  route: { manifest: Manifest; records: RouteRecord[] } | null = null;
  readings: { batchId: string; records: ReadingRecord[] } | null = null;
  readonly faults = { dropNextReply: false, garbleNextReply: false };
  readonly identity: string;
  private incoming: { manifest: Manifest; parts: Buffer[]; received: number } | null = null;
  private readonly decoder = new FrameDecoder(VERSION, MAX_PAYLOAD);

  constructor(
    private readonly send: (bytes: Buffer) => void,
    serial = 'HH-0001',
  ) {
    this.identity = `GHR/1 SIM ${serial}`;
  }

  /** The reader walks the route: `read` gives each account's reading (or null to leave it out). */
  walkRoute(read: (r: RouteRecord, i: number) => ReadingRecord | null): void {
    if (!this.route) throw new Error('no route on the handheld');
    const records = this.route.records.map(read).filter((r): r is ReadingRecord => r !== null);
    this.readings = { batchId: this.route.manifest.batchId, records };
  }

  receive(bytes: Uint8Array): void {
    for (const frame of this.decoder.push(bytes)) this.handle(frame);
  }

  private reply(frame: Frame, status: number, data?: Buffer): void {
    sendReply(this.send, this.faults, { version: VERSION, maxPayload: MAX_PAYLOAD }, frame, status, data);
  }

  private readingsBytes(): Buffer {
    return encodeReadings(this.readings?.records ?? []);
  }

  private handle(frame: Frame): void {
    const p = frame.payload;
    switch (frame.cmd) {
      case CMD.IDENTIFY:
        return this.reply(frame, STATUS.OK, Buffer.from(this.identity, 'ascii'));
      case CMD.GET_CLOCK: {
        const out = Buffer.alloc(4);
        out.writeUInt32BE(Math.floor((Date.now() + this.clockOffsetMs) / 1000));
        return this.reply(frame, STATUS.OK, out);
      }
      case CMD.SET_CLOCK:
        if (p.length !== 4) return this.reply(frame, STATUS.BAD_PAYLOAD);
        this.clockOffsetMs = p.readUInt32BE(0) * 1000 - Date.now();
        return this.reply(frame, STATUS.OK);
      case CMD.ROUTE_BEGIN: {
        if (this.readings) return this.reply(frame, STATUS.BAD_STATE);
        try {
          this.incoming = { manifest: decodeManifest(p), parts: [], received: 0 };
        } catch {
          return this.reply(frame, STATUS.BAD_PAYLOAD);
        }
        return this.reply(frame, STATUS.OK);
      }
      case CMD.ROUTE_CHUNK: {
        const inc = this.incoming;
        if (!inc || p.length < 4) return this.reply(frame, STATUS.BAD_STATE);
        const offset = p.readUInt32BE(0);
        const data = p.subarray(4);
        const counted = Buffer.alloc(4);
        if (offset + data.length <= inc.received) {
          counted.writeUInt32BE(inc.received);
          return this.reply(frame, STATUS.OK, counted); // a retry of a chunk already held
        }
        if (offset !== inc.received) return this.reply(frame, STATUS.OUT_OF_ORDER);
        inc.parts.push(Buffer.from(data));
        inc.received += data.length;
        counted.writeUInt32BE(inc.received);
        return this.reply(frame, STATUS.OK, counted);
      }
      case CMD.ROUTE_END: {
        const inc = this.incoming;
        this.incoming = null;
        if (!inc) return this.reply(frame, STATUS.BAD_STATE);
        const bytes = Buffer.concat(inc.parts);
        if (bytes.length !== inc.manifest.size || crc32(bytes) !== inc.manifest.crc) return this.reply(frame, STATUS.CRC_MISMATCH);
        const records = decodeRoute(bytes);
        if (records.length !== inc.manifest.count) return this.reply(frame, STATUS.CRC_MISMATCH);
        this.route = { manifest: inc.manifest, records };
        return this.reply(frame, STATUS.OK);
      }
      case CMD.READINGS_INFO: {
        if (!this.readings) return this.reply(frame, STATUS.NO_READINGS);
        const bytes = this.readingsBytes();
        return this.reply(frame, STATUS.OK, encodeManifest(manifestOf(this.readings.batchId, this.readings.records.length, bytes)));
      }
      case CMD.READINGS_CHUNK: {
        if (!this.readings || p.length !== 6) return this.reply(frame, STATUS.BAD_STATE);
        const offset = p.readUInt32BE(0);
        const max = Math.min(p.readUInt16BE(4), MAX_PAYLOAD - 1);
        return this.reply(frame, STATUS.OK, this.readingsBytes().subarray(offset, offset + max));
      }
      case CMD.COMMIT: {
        if (p.length !== 20) return this.reply(frame, STATUS.BAD_PAYLOAD);
        if (!this.readings) return this.reply(frame, STATUS.OK); // already deleted: a repeated COMMIT
        const batchId = readAsciiField(p);
        if (batchId !== this.readings.batchId || p.readUInt32BE(16) !== crc32(this.readingsBytes())) return this.reply(frame, STATUS.BATCH_MISMATCH);
        this.readings = null;
        this.route = null;
        return this.reply(frame, STATUS.OK);
      }
      default:
        return this.reply(frame, STATUS.UNKNOWN_COMMAND);
    }
  }
}
