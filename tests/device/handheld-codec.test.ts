/** GHR/1: records, framing under noise for version 0x02, retried chunks, CRC checks (hardware/handheld/PROTOCOL.md). */
import { describe, expect, it } from 'vitest';
import { decodeReadings, decodeRoute, encodeReadings, encodeRoute, MAX_PAYLOAD, VERSION, type RouteRecord } from '../../hardware/handheld/codec.js';
import { noisyRound, rng } from '../fixtures/frame-fuzz.js';
import { simulatedHandheldDevice } from '../../hardware/handheld/serial.js';
import { crc32 } from '../../hardware/serial/crc32.js';
import { encodeFrame, FrameDecoder } from '../../hardware/serial/frame.js';
import { TEST_HANDHELD_TIMEOUTS } from '../fixtures/host.js';

const route: RouteRecord[] = Array.from({ length: 300 }, (_, i) => ({
  accountNo: `6${String(i).padStart(7, '0')}`,
  seqNo: `0123${String(i).padStart(6, '0')}`,
  name: i === 7 ? '名字\t带制表符' : `用户${i}`,
  address: `温州市鹿城区学院路${i}号`,
  meterNo: `M${i}`,
  lastReading: 10000 + i,
  monthlyAverage: 1200,
}));

describe('records', () => {
  it('CRC-32 of "123456789" is 0xCBF43926', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
  it('route and readings round-trip; tabs inside a field become spaces', () => {
    const back = decodeRoute(encodeRoute(route));
    expect(back).toHaveLength(300);
    expect(back[7]?.name).toBe('名字 带制表符');
    expect(back[299]).toEqual(route[299]);
    const readings = [{ accountNo: '1', reading: 12345, readAt: '2026-11-22 09:30', status: 1 as const, meterNo: 'M1' }];
    expect(decodeReadings(encodeReadings(readings))).toEqual(readings);
  });
  it('refuses malformed reading lines', () => {
    expect(() => decodeReadings(Buffer.from('1\t100\t2026-11-22\t0\tM'))).toThrow(RangeError);
    expect(() => decodeReadings(Buffer.from('1\tx\t2026-11-22 09:30\t0\tM'))).toThrow(RangeError);
    expect(() => decodeReadings(Buffer.from('1\t100\t2026-11-22 09:30\t7\tM'))).toThrow(RangeError);
  });
  it('recovers every intact GHR/1 frame from 300 noisy streams (random splits, garbage, bad CRCs)', () => {
    const rand = rng(5740);
    for (let round = 0; round < 300; round++) {
      const { expected, decoded } = noisyRound(rand, VERSION, MAX_PAYLOAD);
      expect(decoded).toEqual(expected);
    }
  });
  it('a version 0x02 decoder ignores card-reader frames (version 0x01) on the same line', () => {
    const d = new FrameDecoder(0x02, 1024);
    const mixed = Buffer.concat([encodeFrame({ seq: 1, cmd: 0x90, payload: Buffer.from([0]) }, 0x01), encodeFrame({ seq: 2, cmd: 0x81, payload: Buffer.from([0]) }, 0x02)]);
    expect(d.push(mixed).map((f) => f.seq)).toEqual([2]);
  });
});

describe('driver ↔ simulator on SerialPortMock', () => {
  it('uploads 300 accounts with progress; a garbled chunk reply is retried without duplicating data', async () => {
    const device = simulatedHandheldDevice(TEST_HANDHELD_TIMEOUTS);
    const client = await device.connect();
    const progress: number[] = [];
    device.sim.faults.garbleNextReply = false;
    const upload = client.uploadRoute('HB202611230001', route, (done) => {
      progress.push(done);
      if (progress.length === 3) device.sim.faults.garbleNextReply = true;
    });
    await upload;
    expect(device.sim.route?.records).toHaveLength(300);
    expect(device.sim.route?.records[42]).toEqual(route[42]);
    expect(progress.at(-1)).toBe(encodeRoute(route).length);
    expect(client.droppedFrames).toBeGreaterThan(0);
    device.sim.walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + 1, readAt: '2026-11-22 10:00', status: 0, meterNo: r.meterNo }));
    device.sim.faults.dropNextReply = true; // READINGS_INFO is retried
    const got = await client.downloadReadings();
    expect(got?.records).toHaveLength(300);
    expect(got?.crc).toBe(crc32(encodeReadings(got?.records ?? [])));
    await expect(client.commit('HB202611230001', 1)).rejects.toMatchObject({ status: 'BATCH_MISMATCH' });
    await client.commit('HB202611230001', got?.crc ?? 0);
    expect(device.sim.readings).toBeNull();
    expect(await client.downloadReadings()).toBeNull();
    await client.close();
  });
});
