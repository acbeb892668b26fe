/**
 * Starts one of the back end's worker threads: in the built app the bundled file beside the back end
 * (dist/main/<bundled>), from the sources (tests, harness) the TypeScript entry through tsx. `source` is asked
 * only from the sources, where `import.meta.url` exists.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startBackEndWorker(bundled: string, source: () => URL): Worker {
  if (typeof __filename !== 'undefined' && __filename.endsWith('.cjs')) return new Worker(join(__dirname, bundled));
  const entry = fileURLToPath(source());
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { eval: true });
}
