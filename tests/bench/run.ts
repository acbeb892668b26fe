/**
 * npm run bench — prints figures, asserts nothing (timing never goes into the test suite).
 *  search      contract search p95 beside a raw FTS5 query and LIKE '%…%' (1,000,000 accounts)
 *  payment     durable cash posting (payBills) beside a raw single-row durable commit, same run
 *  handheld    handheld sync of 5,000 accounts on a cable paced at 115200 baud, 入库
 *  bank        bank file generation and return write-off for 200,000 accounts
 *  day-close   日结 and the reports over one hall-day of 5,000,000 payments
 *  import      legacy import of 100,000 accounts (issue 12 #3)
 *  cold-start  host start to its first query, warm and with the file's page cache dropped (3-year hall store, 5M store)
 *  sync        issue 14 end to end on a throwaway PostgreSQL: push events/s from 12 counter processes to one server
 *              (beside raw single-row INSERTs), payment at counter A → bill paid at counter B p50/p95, catch-up of a
 *              counter offline for a day of 2,000 payments (tests/bench/sync.ts; needs Debian's postgresql)
 *  snapshot    issue 14 #2: a new counter's initial snapshot of 1,000,000 accounts from PostgreSQL through the server
 *              into its store and search index, wall and CPU seconds (tests/bench/snapshot-e2e.ts; needs postgresql)
 * Options: `--only <name>` (repeatable or comma-separated), `--quick` (small sizes for a fast look), and the sizes
 * below. Generated stores are cached under the ignored .bench-cache/ (per size) and copied for each run. The run
 * ends with one `BENCH <name> <value>` line per figure (tests/bench/figures.ts), `NA` for one not measured.
 */
import { parseArgs } from 'node:util';
import { benchBank } from './bank.js';
import { benchColdStart, hallStore } from './cold-start.js';
import { benchDayClose, dayStore } from './day-close.js';
import { benchLines, type BenchFigures } from './figures.js';
import { benchHandheld } from './handheld.js';
import { benchPaymentDuringReport } from './report-isolation.js';
import { benchLegacyImport } from './legacy-import.js';
import { benchPayment } from './payment.js';
import { benchSearch } from './search.js';
import { benchSync, SYNC_BENCH_FULL, SYNC_BENCH_QUICK } from './sync.js';
import { benchSnapshotEndToEnd } from './snapshot-e2e.js';

export const BENCH_NAMES = ['search', 'payment', 'handheld', 'bank', 'day-close', 'report-isolation', 'import', 'cold-start', 'sync', 'snapshot'] as const;
type BenchName = (typeof BENCH_NAMES)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    quick: { type: 'boolean', default: false },
    accounts: { type: 'string' },
    queries: { type: 'string' },
    payments: { type: 'string' },
    'handheld-accounts': { type: 'string' },
    'bank-accounts': { type: 'string' },
    'close-payments': { type: 'string' },
    'import-accounts': { type: 'string' },
    'hall-accounts': { type: 'string' },
    'hall-months': { type: 'string' },
    'snapshot-accounts': { type: 'string' },
  },
});

const quick = values.quick === true;
/** Full sizes (issue 13's table) and the --quick ones. */
const size = (name: keyof typeof values, full: number, small: number): number => {
  const given = values[name];
  return typeof given === 'string' ? Number(given) : quick ? small : full;
};
const sizes = {
  accounts: size('accounts', 1_000_000, 20_000),
  queries: size('queries', 600, 200),
  payments: size('payments', 1000, 300),
  handheld: size('handheld-accounts', 5000, 500),
  bank: size('bank-accounts', 200_000, 5000),
  close: size('close-payments', 5_000_000, 100_000),
  import: size('import-accounts', 100_000, 5000),
  hallAccounts: size('hall-accounts', 20_000, 2000),
  hallMonths: size('hall-months', 36, 12),
  snapshot: size('snapshot-accounts', 1_000_000, 20_000),
};

const only = (values.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter((o) => o !== '');
for (const name of only) {
  if (!(BENCH_NAMES as readonly string[]).includes(name)) {
    console.error(`--only ${name}: unknown; one of ${BENCH_NAMES.join(', ')}`);
    process.exit(2);
  }
}
const selected = (name: BenchName) => only.length === 0 || only.includes(name);

const figures: BenchFigures = {};
const run = async (name: BenchName, bench: () => Promise<BenchFigures>) => {
  if (!selected(name)) return;
  Object.assign(figures, await bench());
};

console.log(`bench${quick ? ' --quick' : ''}${only.length > 0 ? ` --only ${only.join(',')}` : ''}: ${JSON.stringify(sizes)}`);
await run('search', () => benchSearch(sizes.accounts, sizes.queries));
await run('payment', () => benchPayment(sizes.accounts, sizes.payments));
await run('handheld', () => benchHandheld(sizes.handheld));
await run('bank', () => benchBank(sizes.bank));
await run('day-close', () => benchDayClose(sizes.close));
await run('report-isolation', () => benchPaymentDuringReport(sizes.close));
await run('import', () => benchLegacyImport(sizes.import));
await run('cold-start', () =>
  benchColdStart([
    { label: `hall store, ${sizes.hallAccounts.toLocaleString('en')} accounts × ${sizes.hallMonths} months`, file: hallStore(sizes.hallAccounts, sizes.hallMonths) },
    { label: `day store, ${sizes.close.toLocaleString('en')} payments`, file: dayStore(sizes.close) },
  ]),
);
await run('sync', () => benchSync(quick ? SYNC_BENCH_QUICK : SYNC_BENCH_FULL));
await run('snapshot', () => benchSnapshotEndToEnd(sizes.snapshot));
console.log('');
for (const line of benchLines(figures)) console.log(line);
