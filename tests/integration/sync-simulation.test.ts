/**
 * Issue 14 TESTS: the multi-process simulation (tests/sim/simulation.ts) at its test size: 3 halls × 4 counters as
 * real host processes, 2 server processes on one throwaway PostgreSQL, partitions, SIGKILLs of counters and servers
 * mid-push, replayed pushes, planned offline double payments and duplicate businesses. A bigger run by hand:
 * `npx tsx tests/sim/run.ts --ops 60`. Needs PostgreSQL (Debian's `postgresql` package, as the server tests).
 */
import { describe, expect, it } from 'vitest';
import { QUICK_SIM, runSimulation } from '../sim/simulation.js';

describe('sync simulation: 3 halls × 4 counters, 2 servers, one PostgreSQL, faults injected', () => {
  it('every reported payment once centrally and on every counter of its hall; sums, 异常 list and audit heads agree', async () => {
    const report = await runSimulation({ ...QUICK_SIM, log: (line) => console.log(`[sim] ${line}`) });
    console.log(Object.entries(report.figures).map(([k, v]) => `SIM ${k} ${v}`).join('\n'));
    expect(report.figures.payments_reported).toBeGreaterThan(0);
    const f = report.figures;
    expect((f.partitions ?? 0) + (f.counter_kills ?? 0) + (f.server_kills ?? 0)).toBeGreaterThan(0);
    expect(report.failures).toEqual([]);
  }, 600_000);
});
