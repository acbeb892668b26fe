/**
 * Issue 13 #4: row ids are time-ordered even when many are made in one millisecond (a bulk write-off or
 * 入库 under a fixed clock), so bulk inserts append to the key's B-tree instead of landing at random.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { reserveUuidv7Block, uuidv7 } from '../../main/ids.js';
import { uuidv7Sql } from '../../main/services/bulk.js';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const msOf = (id: string) => parseInt(id.replaceAll('-', '').slice(0, 12), 16);

describe('uuidv7 (RFC 9562, monotonic within a millisecond)', () => {
  it('keeps the given millisecond, the version and the variant', () => {
    const ms = Date.UTC(2026, 10, 23, 2, 0, 0);
    const id = uuidv7(ms);
    expect(id).toMatch(FORMAT);
    expect(msOf(id)).toBe(ms);
  });

  it('makes strictly increasing ids under a fixed clock (one millisecond for 100,000 ids)', () => {
    const ms = Date.UTC(2026, 10, 23, 2, 0, 0) + 7;
    const ids = Array.from({ length: 100_000 }, () => uuidv7(ms));
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!, `id ${i}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [ids[0]!, ids[50_000]!, ids.at(-1)!]) expect(id).toMatch(FORMAT);
    expect(msOf(ids[0]!)).toBe(ms);
  });

  it('stays increasing when the clock steps back (a test clock reset, an NTP step)', () => {
    const ms = Date.UTC(2026, 10, 23, 3, 0, 0);
    const a = uuidv7(ms);
    const b = uuidv7(ms - 60_000);
    const c = uuidv7(ms + 1);
    expect(b > a).toBe(true);
    expect(c > b).toBe(true);
    expect(msOf(c)).toBe(ms + 1);
  });

  it('keeps a random part: two fresh milliseconds do not start from the same tail', () => {
    const a = uuidv7(Date.UTC(2027, 0, 1)).slice(14);
    const b = uuidv7(Date.UTC(2027, 0, 2)).slice(14);
    expect(a).not.toBe(b);
  });
});

describe('uuidv7 blocks spelled in SQL (issue 13 #4)', () => {
  it('spells the ids of a reserved block in order, in the same layout, and later ids continue above it', () => {
    const db = new Database(':memory:');
    const ms = Date.UTC(2028, 0, 1);
    const before = uuidv7(ms);
    const block = reserveUuidv7Block(ms, 1000);
    const ids = db
      .prepare(`WITH RECURSIVE k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < 999) SELECT ${uuidv7Sql('@first + k', '@msHex')} FROM k ORDER BY k`)
      .pluck()
      .all(block) as string[];
    const after = uuidv7(ms);
    db.close();
    expect(ids).toHaveLength(1000);
    for (const id of ids) expect(id).toMatch(FORMAT);
    expect(msOf(ids[0]!)).toBe(ms);
    expect([before, ...ids, after]).toEqual([before, ...ids, after].sort());
    expect(new Set(ids).size).toBe(1000);
  });
});
