/**
 * GHR/1 driver (hardware/handheld/PROTOCOL.md): route upload in CRC-checked chunks, readings download in
 * chunks verified against the announced CRC-32, commit only on the host's word.
 */
import { crc32 } from '../serial/crc32.js';
import { ProtocolClient, type ByteTransport, type Timeouts } from '../serial/protocol-client.js';
import {
  batchIdBytes,
  CHUNK,
  CMD,
  decodeManifest,
  decodeReadings,
  encodeManifest,
  encodeRoute,
  manifestOf,
  MAX_PAYLOAD,
  STATUS,
  statusName,
  VERSION,
} from './codec.js';
import { HandheldStatusError, type DownloadedReadings, type Handheld, type Progress, type RouteRecord } from './handheld.js';

export const HANDHELD_TIMEOUTS: Timeouts = { readMs: 1000, writeMs: 3000, readRetries: 2 };

export class HandheldClient implements Handheld {
  private readonly core: ProtocolClient;

  constructor(transport: ByteTransport, timeouts: Timeouts = HANDHELD_TIMEOUTS) {
    this.core = new ProtocolClient(transport, VERSION, MAX_PAYLOAD, timeouts);
  }

  get droppedFrames(): number {
    return this.core.droppedFrames;
  }

  private async call(cmd: number, payload: Buffer, name: string, idempotent: boolean): Promise<Buffer> {
    const frame = await this.core.command(cmd, payload, name, idempotent);
    const status = frame.payload[0] ?? 0xff;
    if (status !== STATUS.OK) throw new HandheldStatusError(statusName(status));
    return frame.payload.subarray(1);
  }

  async identify(): Promise<string> {
    return (await this.call(CMD.IDENTIFY, Buffer.alloc(0), 'IDENTIFY', true)).toString('ascii');
  }

  async getClock(): Promise<Date> {
    const data = await this.call(CMD.GET_CLOCK, Buffer.alloc(0), 'GET_CLOCK', true);
    return new Date(data.readUInt32BE(0) * 1000);
  }

  async setClock(at: Date): Promise<void> {
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(Math.floor(at.getTime() / 1000));
    await this.call(CMD.SET_CLOCK, payload, 'SET_CLOCK', false);
  }

  async uploadRoute(batchId: string, records: readonly RouteRecord[], progress?: Progress): Promise<void> {
    const bytes = encodeRoute(records);
    await this.call(CMD.ROUTE_BEGIN, encodeManifest(manifestOf(batchId, records.length, bytes)), 'ROUTE_BEGIN', false);
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const head = Buffer.alloc(4);
      head.writeUInt32BE(offset);
      await this.call(CMD.ROUTE_CHUNK, Buffer.concat([head, bytes.subarray(offset, offset + CHUNK)]), 'ROUTE_CHUNK', true);
      progress?.(Math.min(offset + CHUNK, bytes.length), bytes.length);
    }
    await this.call(CMD.ROUTE_END, Buffer.alloc(0), 'ROUTE_END', false);
    if (bytes.length === 0) progress?.(0, 0);
  }

  async downloadReadings(progress?: Progress): Promise<DownloadedReadings | null> {
    let manifestBytes: Buffer;
    try {
      manifestBytes = await this.call(CMD.READINGS_INFO, Buffer.alloc(0), 'READINGS_INFO', true);
    } catch (error) {
      if (error instanceof HandheldStatusError && error.status === 'NO_READINGS') return null;
      throw error;
    }
    const manifest = decodeManifest(manifestBytes);
    const parts: Buffer[] = [];
    let received = 0;
    while (received < manifest.size) {
      const req = Buffer.alloc(6);
      req.writeUInt32BE(received);
      req.writeUInt16BE(MAX_PAYLOAD - 1, 4);
      const chunk = await this.call(CMD.READINGS_CHUNK, req, 'READINGS_CHUNK', true);
      if (chunk.length === 0) throw new HandheldStatusError('BAD_PAYLOAD');
      parts.push(chunk);
      received += chunk.length;
      progress?.(received, manifest.size);
    }
    const bytes = Buffer.concat(parts);
    if (bytes.length !== manifest.size || crc32(bytes) !== manifest.crc) throw new HandheldStatusError('CRC_MISMATCH');
    const records = decodeReadings(bytes);
    if (records.length !== manifest.count) throw new HandheldStatusError('BAD_PAYLOAD');
    return { batchId: manifest.batchId, crc: manifest.crc, records };
  }

  async commit(batchId: string, crc: number): Promise<void> {
    const payload = Buffer.alloc(20);
    batchIdBytes(batchId).copy(payload, 0);
    payload.writeUInt32BE(crc, 16);
    await this.call(CMD.COMMIT, payload, 'COMMIT', false);
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
