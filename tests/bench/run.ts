/**
 * npm run bench — prints figures, asserts nothing (timing never goes into the test suite).
 *  - search p50/p95 on 200,000 accounts (FTS5 trigram), beside the same queries done with LIKE '%…%'
 *  - cash payment posting p50/p95, each a durable commit (WAL, synchronous=FULL)
 *  - handheld sync of 5,000 accounts on a cable paced at 115200 baud, as a share of the line rate
 *  - bank file generation and return write-off for 200,000 accounts
 *  - day close over one hall-day of 5,000,000 payments, report queries, cold start of the host
 *  - legacy import of 100,000 accounts (issue 12 #3): upload, dry run, import, re-import
 * The 200,000-account store is generated once into .bench-cache/ (deterministic seed) and reused.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openStore } from '../../db/open.js';
import { seedAccounts, seedReferenceData } from '../../main/seed/generate.js';
import { Rng } from '../../main/seed/rng.js';
import { migrationsDir, repoRoot } from '../../main/paths.js';
import { AccountSearch } from '../../main/services/accounts.js';
import { unpaidList } from '../../main/services/billing.js';
import { defaultSettings, type Actor, type ServiceDeps } from '../../main/services/context.js';
import { payBills } from '../../main/services/payments.js';
import { benchBank } from './bank.js';
import { benchHandheld } from './handheld.js';
import { benchDayClose } from './day-close.js';
import { benchPaymentDuringReport } from './report-isolation.js';
import { benchLegacyImport } from './legacy-import.js';
import { addFen, fen } from '../../preload/kernel/money.js';
import type { AccountId } from '../../main/domain/ids.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '200000' },
    queries: { type: 'string', default: '600' },
    payments: { type: 'string', default: '1000' },
    'handheld-accounts': { type: 'string', default: '5000' },
    'bank-accounts': { type: 'string', default: '200000' },
    'close-payments': { type: 'string', default: '5000000' },
    'import-accounts': { type: 'string', default: '100000' },
  },
});
const ACCOUNTS = Number(values.accounts);
const TODAY = '2026-11-23';
const cacheDir = join(repoRoot, '.bench-cache');
const cached = join(cacheDir, `accounts-${ACCOUNTS}.db`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (v: number) => `${v.toFixed(2)} ms`;

mkdirSync(cacheDir, { recursive: true });
if (!existsSync(cached)) {
  const started = performance.now();
  const store = openStore(cached, { migrationsDir });
  seedReferenceData(store.sqlite);
  seedAccounts(store.sqlite, {
    accounts: ACCOUNTS,
    today: TODAY,
    seed: 4242,
    onProgress: (done, total) => process.stdout.write(`\rgenerating ${done}/${total} accounts`),
  });
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  console.log(`\ngenerated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// ---- search ----
const work = join(cacheDir, 'bench-work.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
copyFileSync(cached, work);
const store = openStore(work, { migrationsDir });
const clock = { now: () => new Date(`${TODAY}T02:00:00Z`) };
const deps: ServiceDeps = { db: store.db, clock, settings: defaultSettings };
const search = new AccountSearch(deps);
const rng = new Rng(7);
const sample = store.sqlite
  .prepare('SELECT account_no AS no, name, address FROM accounts WHERE rowid % 97 = 0 LIMIT 5000')
  .all() as { no: string; name: string; address: string }[];

type Kind = 'address fragment' | 'name' | 'customer number';
const queries: { kind: Kind; text: string }[] = [];
for (let i = 0; i < Number(values.queries); i++) {
  const row = rng.pick(sample);
  const roll = rng.next();
  if (roll < 0.7) {
    const chars = [...row.address];
    const len = rng.int(4, 9);
    const start = rng.int(3, chars.length - len);
    queries.push({ kind: 'address fragment', text: chars.slice(start, start + len).join('') });
  } else if (roll < 0.85) queries.push({ kind: 'name', text: row.name });
  else queries.push({ kind: 'customer number', text: row.no });
}

function timeAll(fn: (q: string) => unknown): Record<Kind | 'all', number[]> {
  const out: Record<Kind | 'all', number[]> = { all: [], 'address fragment': [], name: [], 'customer number': [] };
  for (const q of queries.slice(0, 20)) fn(q.text); // warm up
  for (const q of queries) {
    const t0 = performance.now();
    fn(q.text);
    const dt = performance.now() - t0;
    out.all.push(dt);
    out[q.kind].push(dt);
  }
  return out;
}

const fts = timeAll((q) => search.search(q));
const like = timeAll((q) => search.searchWithLike(q));
console.log(`\nSearch on ${ACCOUNTS.toLocaleString('en')} accounts, ${queries.length} queries (limit 50 rows, with unpaid totals)`);
console.log('kind               n     FTS p50    FTS p95    LIKE p50   LIKE p95   p50 ratio  p95 ratio');
for (const kind of ['all', 'address fragment', 'name', 'customer number'] as const) {
  const a = fts[kind];
  const b = like[kind];
  console.log(
    `${kind.padEnd(17)} ${String(a.length).padStart(4)}  ${ms(percentile(a, 50)).padStart(9)}  ${ms(percentile(a, 95)).padStart(9)}  ` +
      `${ms(percentile(b, 50)).padStart(9)}  ${ms(percentile(b, 95)).padStart(9)}  ` +
      `${(percentile(b, 50) / percentile(a, 50)).toFixed(1).padStart(8)}x  ${(percentile(b, 95) / percentile(a, 95)).toFixed(1).padStart(8)}x`,
  );
}

// ---- payment posting ----
const actor: Actor = {
  staffId: 'staff-clerk01',
  staffName: '王丽',
  role: 'clerk',
  hallId: 'hall-lc',
  hallName: '鹿城营业厅',
  counterId: 'counter-lc01',
  counterCode: 'LC01',
  counterName: '1号窗口',
};
const payable = store.sqlite
  .prepare("SELECT DISTINCT account_id FROM bills WHERE status = '未缴' LIMIT ?")
  .pluck()
  .all(Number(values.payments)) as AccountId[];
const posting: number[] = [];
for (const accountId of payable) {
  const list = unpaidList(deps, accountId);
  const t0 = performance.now();
  payBills(deps, actor, {
    accountId,
    billIds: list.bills.map((b) => b.id),
    tenderedFen: addFen(list.totalFen, fen(1000)),
    expectedTotalFen: list.totalFen,
  });
  posting.push(performance.now() - t0);
}
console.log(`\nCash payment posting, ${posting.length} payments, one durable transaction each (WAL, synchronous=FULL)`);
console.log(`p50 ${ms(percentile(posting, 50))}   p95 ${ms(percentile(posting, 95))}   max ${ms(Math.max(...posting))}`);
store.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });

await benchHandheld(Number(values['handheld-accounts']));
await benchBank(Number(values['bank-accounts']));
await benchDayClose(Number(values['close-payments']));
await benchPaymentDuringReport(Number(values['close-payments']));
await benchLegacyImport(Number(values['import-accounts']));
