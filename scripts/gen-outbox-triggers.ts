/**
 * Issue 14 #1: writes the custom migration that brings the outbox's capture triggers up to date with the drizzle
 * schema (db/sync-capture.ts): `npm run gen:outbox-triggers -- --name <x>`. It migrates a scratch store with the
 * committed migrations, compares its sync_capture_* triggers with the ones the schema asks for now, and, when they
 * differ, runs `drizzle-kit generate --custom --name <x>` and writes the drops and creates into that file. Run it
 * after adding a table or a column (tests/integration/sync-capture.test.ts fails until you do).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openStore } from '../db/open.js';
import { captureMigrationSql } from '../db/sync-capture.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../db/migrations', import.meta.url));

/** The capture triggers a store migrated with the committed migrations has, by name. */
export function committedCaptureTriggers(migrationsDir = MIGRATIONS_DIR): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'gas-outbox-gen-'));
  try {
    const store = openStore(join(dir, 'scratch.db'), { migrationsDir });
    const rows = store.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%' ORDER BY name").all() as { name: string; sql: string }[];
    store.close();
    return new Map(rows.map((r) => [r.name, r.sql]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { name: { type: 'string', default: 'sync_capture_triggers' } } });
  const statements = captureMigrationSql(committedCaptureTriggers());
  if (statements.length === 0) {
    console.log('the capture triggers already match the schema: no migration written');
  } else {
    const before = new Set(readdir());
    execFileSync('npx', ['drizzle-kit', 'generate', '--custom', '--name', values.name ?? 'sync_capture_triggers'], { stdio: 'inherit' });
    const made = readdir().filter((f) => !before.has(f));
    if (made.length !== 1 || !made[0]) throw new Error(`expected one new migration, found ${made.join(', ') || 'none'}`);
    const file = join(MIGRATIONS_DIR, made[0]);
    const header = '-- Issue 14 #1: outbox capture triggers generated from the schema by scripts/gen-outbox-triggers.ts (db/sync-capture.ts). Do not edit; regenerate.\n';
    writeFileSync(file, header + statements.join('\n--> statement-breakpoint\n') + '\n');
    console.log(`wrote ${file}: ${statements.length} statements`);
  }
}

function readdir(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
}
