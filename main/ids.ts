/**
 * Row IDs made offline are UUIDv7 (time-ordered, random tail), so a later sync to a central system never
 * collides (ARCHITECTURE "IDs").
 *
 * Issue 13 #4: monotonic within a millisecond (RFC 9562 §6.2, method 2: a 42-bit counter seeded at random
 * in each new millisecond, in rand_a and the top of rand_b; the last 32 bits stay random). A bulk write-off
 * or 入库 makes thousands of ids in one millisecond (all of them, under a fixed test clock); increasing
 * ids append to the key's B-tree instead of landing at random pages. A clock that steps back keeps the last
 * millisecond (ids never go backwards in a process); a counter run out moves on to the next millisecond.
 */
import { randomFillSync } from 'node:crypto';

const COUNTER_SPAN = 2 ** 42;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Random bytes drawn in blocks (one randomFillSync per 1,024 ids instead of one per id). */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function randomByte(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++] ?? 0;
}

let lastMs = -1;
let counter = 0;

/** A fresh counter for a new millisecond: random, top bit clear, so it can count up ~2^41 times. */
function seedCounter(): number {
  let c = randomByte() & 0x01;
  for (let i = 0; i < 5; i++) c = c * 256 + randomByte();
  return c; // 41 random bits
}

const byteOf = (value: number, shift: number) => Math.floor(value / 2 ** shift) % 256;

/**
 * Reserves `count` consecutive ids of the sequence (issue 13 #4), for SQL to spell them (main/services/bulk.ts
 * uuidv7Sql): the millisecond as 12 hex digits and the counter of the first; the k-th id (from 0) has
 * counter `first + k`. Ids made afterwards continue above the block.
 */
export function reserveUuidv7Block(nowMs: number, count: number): { msHex: string; first: number } {
  let ms = Math.floor(nowMs);
  let first: number;
  if (ms > lastMs) first = seedCounter();
  else {
    ms = lastMs;
    first = counter + 1;
  }
  if (first + count > COUNTER_SPAN) {
    ms += 1;
    first = seedCounter();
  }
  lastMs = ms;
  counter = first + Math.max(count, 1) - 1;
  return { msHex: ms.toString(16).padStart(12, '0'), first };
}

export function uuidv7(nowMs: number = Date.now()): string {
  let ms = Math.floor(nowMs);
  if (ms > lastMs) {
    counter = seedCounter();
  } else {
    ms = lastMs;
    counter++;
    if (counter >= COUNTER_SPAN) {
      ms = lastMs + 1;
      counter = seedCounter();
    }
  }
  lastMs = ms;
  const b6 = 0x70 | byteOf(counter, 38);
  const b7 = byteOf(counter, 30);
  const b8 = 0x80 | (byteOf(counter, 24) & 0x3f);
  return (
    HEX[byteOf(ms, 40)]! + HEX[byteOf(ms, 32)]! + HEX[byteOf(ms, 24)]! + HEX[byteOf(ms, 16)]! + '-' +
    HEX[byteOf(ms, 8)]! + HEX[ms % 256]! + '-' +
    HEX[b6]! + HEX[b7]! + '-' +
    HEX[b8]! + HEX[byteOf(counter, 16)]! + '-' +
    HEX[byteOf(counter, 8)]! + HEX[counter % 256]! + HEX[randomByte()]! + HEX[randomByte()]! + HEX[randomByte()]! + HEX[randomByte()]!
  );
}
