/** Paths inside the source tree, for the headless host, scripts and tests (not used by the Electron bundle). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const migrationsDir = join(repoRoot, 'db', 'migrations');
export const rendererDistDir = join(repoRoot, 'renderer', 'dist');
