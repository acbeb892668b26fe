/**
 * Issue 13 #6: the read worker also runs from the esbuild bundle the Electron app ships
 * (scripts/build-main.mjs: dist/main/backend.cjs with dist/main/read-worker.cjs beside it), not only under
 * tsx/vitest: the client and the worker are bundled the same way and a report is read from a store there.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { BUNDLED_READ_WORKER } from '../../main/services/read-worker.js';

// inside the repository so the bundles' external packages (better-sqlite3) resolve from its node_modules
const dir = join(repoRoot, 'node_modules', '.cache', 'gas-hall', `read-worker-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the read worker in the bundle', () => {
  it('is found next to the bundled back end and reads a report there', async () => {
    mkdirSync(dir, { recursive: true });
    const pkg = (await import('../../package.json', { with: { type: 'json' } })).default as { dependencies: Record<string, string> };
    const common = {
      bundle: true,
      platform: 'node' as const,
      format: 'cjs' as const,
      target: 'node20',
      logLevel: 'error' as const,
      absWorkingDir: repoRoot,
      external: ['electron', ...Object.keys(pkg.dependencies)],
      banner: { js: 'const __bundle_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__bundle_import_meta_url' },
    };
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `export { ReadWorkerClient } from ${JSON.stringify(join(repoRoot, 'main/services/read-worker.ts'))};\n`);
    await build({ ...common, entryPoints: [entry], outfile: join(dir, 'backend.cjs') });
    await build({ ...common, entryPoints: [join(repoRoot, 'main/workers/reads.ts')], outfile: join(dir, BUNDLED_READ_WORKER) });
    const dbFile = join(dir, 'store.db');
    const store = openStore(dbFile, { migrationsDir });
    seedReferenceData(store.sqlite);
    store.close();
    // a plain node process: no tsx, no vitest, only the bundle
    const actor = { staffId: 'staff-clerk01', staffName: '王丽', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅', counterId: 'counter-lc01', counterCode: 'LC01', counterName: '1号窗口' };
    const script = `const { ReadWorkerClient } = require(${JSON.stringify(join(dir, 'backend.cjs'))});
      const reads = new ReadWorkerClient(${JSON.stringify(dbFile)}, { clock: { now: () => new Date('2026-11-23T02:00:00Z') }, settings: {} });
      reads.run('reports.cash', ${JSON.stringify(actor)}, { from: '2026-11-01', to: '2026-11-30' }).then((r) => { process.stdout.write(JSON.stringify(r.byCharge)); reads.close(); });`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([]);
  });
});
