/**
 * Issue 10 #10: the return's worker thread also runs from the esbuild bundle the Electron app ships
 * (scripts/build-main.mjs: dist/main/app.cjs with dist/main/bank-return-worker.cjs beside it), not only
 * under tsx/vitest. The job runner and the worker are bundled the same way and a return is checked.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';
import { BUNDLED_WORKER } from '../../main/services/bank-return-job.js';
import { answerBankFile } from '../fixtures/bank-answer.js';

// inside the repository so the bundles' external packages (iconv-lite) resolve from its node_modules
const dir = join(repoRoot, 'node_modules', '.cache', 'gas-hall', `bank-worker-${process.pid}`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bank return worker in the bundle', () => {
  it('is found next to the bundled main and checks a return there', async () => {
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
    writeFileSync(entry, `import { runReturnJob } from ${JSON.stringify(join(repoRoot, 'main/services/bank-return-job.ts'))};\nexport { runReturnJob };\n`);
    await build({ ...common, entryPoints: [entry], outfile: join(dir, 'app.cjs') });
    await build({ ...common, entryPoints: [join(repoRoot, 'main/workers/bank-return.ts')], outfile: join(dir, BUNDLED_WORKER) });
    const sent = ['HBK20261123001   202611230000000200000000001100', 'D70000001    6227001234567890123张三                00000000100020260920', 'D70000002    6227009876543210987李四                00000000010020261020'].join('\r\n');
    const text = answerBankFile('建行', `${sent}\r\n`, (i) => (i === 1 ? '余额不足' : null));
    const file = iconv.encode(text, 'gbk').toString('base64');
    // a plain node process: no tsx, no vitest, only the bundle
    const script = `require(${JSON.stringify(join(dir, 'app.cjs'))}).runReturnJob({ bank: '建行', runId: 'BK20261123001', file: Buffer.from(process.argv[1], 'base64'), sent: [{ accountNo: '70000001', amountFen: 1000 }, { accountNo: '70000002', amountFen: 100 }] }).then((r) => process.stdout.write(JSON.stringify(r.check)));`;
    const out = execFileSync(process.execPath, ['-e', script, file], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ okCount: 1, okFen: 1000, failedCount: 1, failedFen: 100, problems: [] });
  });
});
