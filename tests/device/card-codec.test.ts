/** GHC-CARD/1 codec: exact bytes, random splits, garbage and bad checksums (hardware/card/PROTOCOL.md). */
import { describe, expect, it } from 'vitest';
import { crc16, decodeRecord, encodeFrame, encodeRecord, FrameDecoder, MAX_PAYLOAD, nextCounter, type Frame } from '../../hardware/card/codec.js';

/** Small deterministic PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

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
    expect(nextCounter(65535)).toBe(0);
  });
});

describe('decoder under random splits, garbage and corruption', () => {
  it('recovers every intact frame, in order, from 300 noisy streams', () => {
    const rand = rng(20261123);
    for (let round = 0; round < 300; round++) {
      const frames: Frame[] = [];
      const parts: Buffer[] = [];
      const expected: Frame[] = [];
      for (let i = 0; i < 6; i++) {
        const payload = Buffer.from(Array.from({ length: Math.floor(rand() * 60) }, () => Math.floor(rand() * 256)));
        const frame = { seq: Math.floor(rand() * 256), cmd: Math.floor(rand() * 256), payload };
        frames.push(frame);
        const bytes = encodeFrame(frame);
        const roll = rand();
        if (roll < 0.2) {
          // a flipped bit somewhere after the start byte: the frame must be dropped
          const at = 1 + Math.floor(rand() * (bytes.length - 1));
          bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(rand() * 8));
        } else {
          expected.push(frame);
        }
        // garbage between frames never contains a start byte followed by a valid frame by chance
        const garbage = Buffer.from(Array.from({ length: Math.floor(rand() * 5) }, () => Math.floor(rand() * 0xa5)));
        parts.push(garbage, bytes);
      }
      const stream = Buffer.concat(parts);
      const decoder = new FrameDecoder();
      const out: Frame[] = [];
      let at = 0;
      while (at < stream.length) {
        const n = 1 + Math.floor(rand() * 17);
        out.push(...decoder.push(stream.subarray(at, at + n)));
        at += n;
      }
      // a corrupted length field makes the decoder wait for bytes that belong to later frames; once
      // enough bytes are there the CRC fails and it resynchronises, so idle line noise flushes it
      out.push(...decoder.push(Buffer.alloc(MAX_PAYLOAD + 8, 0)));
      expect(out.map((f) => [f.seq, f.cmd, f.payload.toString('hex')])).toEqual(expected.map((f) => [f.seq, f.cmd, f.payload.toString('hex')]));
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
