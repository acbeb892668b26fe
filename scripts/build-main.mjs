// Bundles the Electron main process (CommonJS) and the preload (CommonJS, as sandboxed preloads require).
// Runtime dependencies stay external: electron-builder ships them, rebuilt for Electron's ABI.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
/**
 * Pure-JS libraries bundled in rather than loaded from node_modules at run time (issue 12 #3): electron-builder
 * 25's module collector leaves out transitive dependencies an npm tree shares with dev dependencies (exceljs →
 * … → call-bind-apply-helpers, also needed by electron-builder itself), so the packaged back end failed to start.
 * write-excel-file (issue 15 #8, report .xlsx) and its fflate are pure JS too.
 */
const BUNDLED = new Set(['exceljs', 'csv-parse', 'write-excel-file']);
const external = ['electron', ...Object.keys(pkg.dependencies ?? {}).filter((d) => !BUNDLED.has(d))];
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // import.meta.url means the bundle's own file in CommonJS too
  banner: { js: 'const __bundle_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundle_import_meta_url' },
};

await build({ ...common, entryPoints: ['main/app.ts'], outfile: 'dist/main/app.cjs', external });
// Issue 11 #7: the back end (store, services, devices, router) as the Electron utility process app.cjs forks.
await build({ ...common, entryPoints: ['main/backend.ts'], outfile: 'dist/main/backend.cjs', external });
// The bank return's parse/check worker thread (main/services/bank-return-job.ts loads it next to backend.cjs).
await build({ ...common, entryPoints: ['main/workers/bank-return.ts'], outfile: 'dist/main/bank-return-worker.cjs', external });
// Issue 13 #6: the heavy reads' worker thread with its read-only connection (main/services/read-worker.ts).
await build({ ...common, entryPoints: ['main/workers/reads.ts'], outfile: 'dist/main/read-worker.cjs', external });
await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
console.log('built dist/main/app.cjs, dist/main/backend.cjs, dist/main/bank-return-worker.cjs, dist/main/read-worker.cjs and dist/preload/index.cjs');
