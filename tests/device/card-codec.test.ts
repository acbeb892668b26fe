/** GHC-CARD/1 codec: exact bytes, random splits, garbage and bad checksums (hardware/card/PROTOCOL.md). */
import { describe, expect, it } from 'vitest';
import { crc16, decodeRecord, encodeFrame, encodeRecord, FrameDecoder, MAX_PAYLOAD, VERSION } from '../../hardware/card/codec.js';
import { noisyRound, rng } from '../fixtures/frame-fuzz.js';

describe('frames', () => {
  it('CRC-16/CCITT-FALSE of "123456789" is 0x29B1', () => {
    expect(crc16(Buffer.from('123456789', 'ascii'))).toBe(0x29b1);
  });
  it('encodes READ seq 7 to exact bytes', () => {
    const bytes = encodeFrame({ seq: 7, cmd: 0x10, payload: Buffer.alloc(0) });
    const crc = crc16(Buffer.from([0x01, 0x07, 0x10, 0x00, 0x00]));
    expect([...bytes]).toEqual([0xa5, 0x01, 0x07, 0x10, 0x00, 0x00, crc >> 8, crc & 0xff]);
  });
  it('card records round-trip', () => {
    const r = { cardNo: 'IC20240001-1', accountNo: '20240001', counter: 65535, creditCenti: 123456, totalCenti: 987654, blank: false };
    expect(decodeRecord(encodeRecord(r))).toEqual(r);
  });
});

describe('decoder under random splits, garbage and corruption', () => {
  it('recovers every intact frame, in order, from 300 noisy streams', () => {
    const rand = rng(20261123);
    for (let round = 0; round < 300; round++) {
      const { expected, decoded } = noisyRound(rand, VERSION, MAX_PAYLOAD);
      expect(decoded).toEqual(expected);
    }
  });

  it('a clean stream split at every position decodes to the same frames', () => {
    const frames = [0, 1, 2].map((i) => encodeFrame({ seq: i, cmd: 0x90, payload: Buffer.from([0, i, 0xa5, 0xa5]) }));
    const stream = Buffer.concat(frames);
    for (let cut = 0; cut <= stream.length; cut++) {
      const d = new FrameDecoder();
      const out = [...d.push(stream.subarray(0, cut)), ...d.push(stream.subarray(cut))];
      expect(out.map((f) => f.seq)).toEqual([0, 1, 2]);
      expect(d.dropped).toBe(0);
    }
  });

  it('pure garbage yields nothing and is counted', () => {
    const d = new FrameDecoder();
    expect(d.push(Buffer.from([0xa5, 0x02, 0x00, 0x00, 0xff, 0xff, 1, 2, 3]))).toEqual([]);
    expect(d.dropped).toBeGreaterThan(0);
  });
});
