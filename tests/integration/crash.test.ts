/**
 * "Killing the process right after pay leaves either a complete payment with its receipt number or
 * nothing": a worker posting payments is killed with SIGKILL at random moments; afterwards every
 * reported payment is there once and complete, slip numbers have no gaps, and the audit chain verifies.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { seedAccounts, seedReferenceData } from '../../main/seed/generate.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { verifyAuditChain } from '../../main/services/audit.js';

/** Issue 6: 200+ kills at random points. The worker is bundled once so each start costs ~0.1 s. */
const KILLS = Number(process.env.CRASH_KILLS ?? 210);
let dir: string;
let dbFile: string;
let worker: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gas-hall-crash-'));
  dbFile = join(dir, 'crash.db');
  // inside the repository so the bundle's external packages resolve from its node_modules
  worker = join(repoRoot, 'node_modules', '.cache', 'gas-hall', `payment-worker-${process.pid}.mjs`);
  await build({
    entryPoints: [join(repoRoot, 'tests/fixtures/payment-worker.ts')],
    outfile: worker,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: repoRoot,
    logLevel: 'error',
  });
  const store = openStore(dbFile, { migrationsDir });
  seedReferenceData(store.sqlite);
  seedAccounts(store.sqlite, { accounts: 12000, today: new Date().toISOString().slice(0, 10), seed: 3 });
  store.close();
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(worker, { force: true });
});

function runAndKill(delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dbFile, migrationsDir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const reported: string[] = [];
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), delayMs);
        if (line.startsWith('PAID ')) reported.push(line.slice(5));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(reported);
      else reject(new Error(`worker failed (${String(code)}): ${stderr}`));
    });
  });
}

describe('SIGKILL during payments', () => {
  it(`leaves only complete payments after ${KILLS} kills`, async () => {
    const reported: string[] = [];
    for (let i = 0; i < KILLS; i++) reported.push(...(await runAndKill(Math.floor(Math.random() * 120))));
    expect(reported.length).toBeGreaterThan(0);
    console.log(`crash test: ${reported.length} payments reported across ${KILLS} kills`);

    const store = openStore(dbFile, { migrationsDir });
    const db = store.sqlite;
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const slips = db.prepare("SELECT slip_no FROM payments WHERE counter_id = 'counter-lc01'").pluck().all() as string[];
      for (const slip of reported) expect(slips).toContain(slip);
      // Slip numbers 1..n without gaps, and the sequence agrees.
      const seqs = db.prepare("SELECT seq FROM check_slips WHERE counter_id = 'counter-lc01' ORDER BY seq").pluck().all() as number[];
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(db.prepare("SELECT last_value FROM counter_sequences WHERE counter_id = 'counter-lc01'").pluck().get()).toBe(seqs.length);
      expect(slips.length).toBe(seqs.length);
      // Every payment is complete: items add up, its bills are paid by it, nothing is paid without one.
      expect(db.prepare(`SELECT count(*) FROM payments p WHERE p.gas_fen + p.late_fee_fen <>
        (SELECT coalesce(sum(i.gas_fen + i.late_fee_fen), 0) FROM payment_items i WHERE i.payment_id = p.id)`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM payment_items i JOIN bills b ON b.id = i.bill_id
        WHERE b.status <> '收讫' OR b.paid_payment_id <> i.payment_id`).pluck().get()).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM bills b WHERE b.status = '收讫'
        AND NOT EXISTS (SELECT 1 FROM payment_items i WHERE i.bill_id = b.id)`).pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'payment.cash'").pluck().get()).toBe(slips.length);
      expect(verifyAuditChain(store.db).ok).toBe(true);
    } finally {
      store.close();
    }
  }, 600_000);
});
