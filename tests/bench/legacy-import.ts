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
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { FixedClock, signIn, TEST_NOW, type TestClient } from '../fixtures/host.js';
import { legacyAccountsCsv } from '../fixtures/legacy-import.js';
import type { BenchFigures } from './figures.js';

async function upload(admin: TestClient, bytes: Buffer): Promise<string> {
  const begun = await admin.ok('upload.begin', { size: bytes.length });
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += begun.chunkBytes)
    await admin.ok('upload.chunk', { uploadId: begun.uploadId, seq, data: bytes.subarray(at, at + begun.chunkBytes).toString('base64') });
  await admin.ok('upload.end', { uploadId: begun.uploadId });
  return begun.uploadId;
}

export async function benchLegacyImport(accounts = 100_000): Promise<BenchFigures> {
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
    return {};
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchLegacyImport(Number(process.argv[2] ?? 100_000));
