/**
 * Issue 14: the simulation by hand, bigger than the test's setting.
 *   npx tsx tests/sim/run.ts [--ops 60] [--accounts 6000] [--partitions 20] [--counter-kills 8] [--server-kills 4] [--seed 7]
 */
import { parseArgs } from 'node:util';
import { QUICK_SIM, runSimulation } from './simulation.js';

const { values } = parseArgs({
  options: {
    ops: { type: 'string' }, accounts: { type: 'string' }, partitions: { type: 'string' }, 'counter-kills': { type: 'string' },
    'server-kills': { type: 'string' }, seed: { type: 'string' }, replay: { type: 'string' },
  },
});
const n = (v: string | undefined, d: number) => (v === undefined ? d : Number(v));
const report = await runSimulation({
  ...QUICK_SIM,
  opsPerCounter: n(values.ops, 60),
  accounts: n(values.accounts, 6000),
  partitions: n(values.partitions, 20),
  counterKills: n(values['counter-kills'], 8),
  serverKills: n(values['server-kills'], 4),
  replayShare: n(values.replay, 0.2),
  conflictHalls: 3,
  seed: n(values.seed, Date.now() % 100000),
  convergeTimeoutMs: 300_000,
  log: (line) => console.log(`[sim] ${line}`),
});
for (const [k, v] of Object.entries(report.figures)) console.log(`SIM ${k} ${v}`);
if (report.failures.length > 0) {
  console.log(`FAILURES (${report.failures.length}):`);
  for (const f of report.failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log('SIM all checks hold');
