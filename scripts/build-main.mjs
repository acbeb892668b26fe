// Bundles the Electron main process (CommonJS) and the preload (CommonJS, as sandboxed preloads require).
// Runtime dependencies stay external: electron-builder ships them, rebuilt for Electron's ABI.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = ['electron', ...Object.keys(pkg.dependencies ?? {})];
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' };

await build({ ...common, entryPoints: ['main/app.ts'], outfile: 'dist/main/app.cjs', external });
await build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload/index.cjs', external: ['electron'] });
console.log('built dist/main/app.cjs and dist/preload/index.cjs');
