/**
 * issue 11 #5: the schema lives by area in db/schema/<area>.ts and db/schema.ts, the one entry point of
 * drizzle.config.ts and the code, re-exports every area; the committed migrations are current with it
 * (drizzle-kit generate, run into a copy of db/migrations, has nothing to migrate).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';

/** Column helpers shared by the areas, not tables. */
const HELPERS = ['columns.ts'];

describe('schema by area (issue 11 #5)', () => {
  it('db/schema.ts re-exports every area file of db/schema/', () => {
    const entry = readFileSync(join(repoRoot, 'db', 'schema.ts'), 'utf8');
    const exported = [...entry.matchAll(/^export \* from '\.\/schema\/([\w-]+)\.js';$/gm)].map((m) => `${m[1]}.ts`);
    const areas = readdirSync(join(repoRoot, 'db', 'schema')).filter((f) => f.endsWith('.ts') && !HELPERS.includes(f));
    expect(exported.sort()).toEqual(areas.sort());
  });

  it('the committed migrations are current: drizzle-kit generate finds no schema change', () => {
    const out = mkdtempSync(join(tmpdir(), 'gas-migrations-'));
    try {
      cpSync(join(repoRoot, 'db', 'migrations'), out, { recursive: true });
      const bin = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'drizzle-kit.cmd' : 'drizzle-kit');
      // drizzle-kit reads the folder as './' + --out: give it relative to the repository.
      const run = spawnSync(bin, ['generate', '--dialect', 'sqlite', '--schema', './db/schema.ts', '--out', relative(repoRoot, out)], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      const said = `${run.stdout}${run.stderr}`;
      expect(run.status, said).toBe(0);
      expect(said).toContain('No schema changes, nothing to migrate');
      expect(readdirSync(out).filter((f) => f.endsWith('.sql')).sort()).toEqual(readdirSync(join(repoRoot, 'db', 'migrations')).filter((f) => f.endsWith('.sql')).sort());
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
