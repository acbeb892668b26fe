/**
 * Issue 12 #3 bench: 100,000 generated legacy accounts (the accounts template, saved as GBK as Excel in China
 * does) go through the real path: chunked upload, imports.check (dry run), imports.run (one transaction), then
 * the same file again (idempotent: all unchanged). Prints the times; asserts nothing. Goal: under a minute.
 * Alone: `npx tsx tests/bench/legacy-import.ts [accounts]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { TEMPLATE_COLUMNS } from '../../main/domain/legacy-import.js';
import { toCsv } from '../../main/domain/csv.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { FixedClock, signIn, TEST_NOW, type TestClient } from '../fixtures/host.js';

/** One valid row per account: 老区 多层, 9 units × 999 rooms per building, a book per 100 buildings. */
export function legacyAccountsCsv(accounts: number): string {
  const rows: string[][] = [];
  for (let i = 0; i < accounts; i++) {
    const room = (i % 99) + 101;
    const unit = (Math.floor(i / 99) % 9) + 1;
    const building = (Math.floor(i / 891) % 99) + 1;
    const book = 1000 + Math.floor(i / 88_209);
    const reading = `${100 + (i % 5000)}.${String(i % 100).padStart(2, '0')}`;
    rows.push([
      String(80_000_000 + i), `用户${i}`, `鹿城区测试路${building}幢${unit}单元${room}`, '测试小区', '鹿城', `138${String(i).padStart(8, '0')}`, '抄表', '现金', '', '', '', '散户',
      '2015-03-02', '', '2800.00', '老', '多层', String(book), String(building), String(unit), String(room), '周抄表', '每月', '普通用户', '普通表', `B${i}`, 'J2.5', '左进', '0', reading, '2015-04-01', '通气',
    ]);
  }
  return toCsv(TEMPLATE_COLUMNS.accounts.map((c) => c.name), rows);
}

async function upload(admin: TestClient, bytes: Buffer): Promise<string> {
  const begun = await admin.ok('upload.begin', { size: bytes.length });
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += begun.chunkBytes)
    await admin.ok('upload.chunk', { uploadId: begun.uploadId, seq, data: bytes.subarray(at, at + begun.chunkBytes).toString('base64') });
  await admin.ok('upload.end', { uploadId: begun.uploadId });
  return begun.uploadId;
}

export async function benchLegacyImport(accounts = 100_000): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-bench-import-'));
  const host = createHost({ demo: true, dbFile: join(dir, 'import.db'), migrationsDir, clock: new FixedClock(TEST_NOW) });
  try {
    seedReferenceData(host.store.sqlite);
    const admin = await signIn(host, 'admin01');
    const bytes = iconv.encode(legacyAccountsCsv(accounts).replace(/^\uFEFF/, ''), 'gbk');
    console.log(`\nLegacy import, ${accounts.toLocaleString('en')} accounts with phone and meter, GBK CSV of ${(bytes.length / 1e6).toFixed(1)} MB`);
    const time = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const t0 = performance.now();
      const value = await run();
      console.log(`${name.padEnd(34)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s`);
      return value;
    };
    const total = performance.now();
    const id = await time('chunked upload', () => upload(admin, bytes));
    const checked = await time('imports.check (dry run)', () => admin.ok('imports.check', { kind: 'accounts', upload: id }));
    const done = await time('imports.run (one transaction)', () => admin.ok('imports.run', { kind: 'accounts', upload: id }));
    console.log(`upload + check + run                ${((performance.now() - total) / 1000).toFixed(2).padStart(7)} s   (goal: under 60 s; errors ${checked.errorCount}, inserted ${done.counts.inserted})`);
    const again = await time('re-import, same file', async () => admin.ok('imports.run', { kind: 'accounts', upload: await upload(admin, bytes) }));
    console.log(`re-import: inserted ${again.counts.inserted}, updated ${again.counts.updated}, unchanged ${again.counts.unchanged}`);
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchLegacyImport(Number(process.argv[2] ?? 100_000));
