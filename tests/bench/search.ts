/**
 * Search through the contract's service (AccountSearch.search: FTS5 trigram / per-character index, unpaid totals,
 * exact customer-number match) beside a raw FTS5 query with the same MATCH text (rowids and the account's
 * columns, nothing else) and the naive LIKE '%…%' scan, on the same queries in the same run (issue 13 #7).
 */
import { performance } from 'node:perf_hooks';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { AccountSearch, planSearch, SEARCH_LIMIT } from '../../main/services/accounts.js';
import { defaultSettings, type ServiceDeps } from '../../main/services/context.js';
import { Rng } from '../../main/seed/rng.js';
import { percentile, type BenchFigures } from './figures.js';
import { accountsStore, BENCH_TODAY, removeStore, workCopy } from './stores.js';

type Kind = 'address fragment' | 'name' | '2-character name' | 'customer number';
const KINDS = ['all', 'address fragment', 'name', '2-character name', 'customer number'] as const;
const ms = (v: number) => `${v.toFixed(2)} ms`;

function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export async function benchSearch(accounts: number, queryCount: number): Promise<BenchFigures> {
  const work = workCopy(accountsStore(accounts), 'search-work.db');
  const store = openStore(work, { migrationsDir });
  try {
    const deps: ServiceDeps = { db: store.db, clock: { now: () => new Date(`${BENCH_TODAY}T02:00:00Z`) }, settings: defaultSettings };
    const search = new AccountSearch(deps);
    const rng = new Rng(7);
    const sample = store.sqlite
      .prepare('SELECT account_no AS no, name, address FROM accounts WHERE rowid % 97 = 0 LIMIT 5000')
      .all() as { no: string; name: string; address: string }[];
    const queries: { kind: Kind; text: string }[] = [];
    for (let i = 0; i < queryCount; i++) {
      const row = rng.pick(sample);
      const roll = rng.next();
      if (roll < 0.7) {
        const chars = [...row.address];
        const len = rng.int(4, 9);
        const start = rng.int(3, chars.length - len);
        queries.push({ kind: 'address fragment', text: chars.slice(start, start + len).join('') });
      } else if (roll < 0.85) queries.push({ kind: [...row.name].length === 2 ? '2-character name' : 'name', text: row.name });
      else queries.push({ kind: 'customer number', text: row.no });
    }
    // the raw FTS5 baseline: the same MATCH on the same index, the account's own columns, no totals, no exact match
    const trigram = store.sqlite.prepare(
      'SELECT a.id, a.account_no, a.name, a.address FROM accounts_fts f JOIN accounts a ON a.rowid = f.rowid WHERE accounts_fts MATCH ? LIMIT ?',
    );
    const chars = store.sqlite.prepare(
      'SELECT a.id, a.account_no, a.name, a.address FROM accounts_chars c JOIN accounts a ON a.rowid = c.rowid WHERE accounts_chars MATCH ? LIMIT ?',
    );
    const rawFts = (q: string) => {
      const { trigramTerms, charTerms } = planSearch(q);
      if (trigramTerms.length > 0) return trigram.all(trigramTerms.map(phrase).join(' AND '), SEARCH_LIMIT + 1);
      return chars.all(charTerms.map((t) => `"${[...t].join(' ')}"`).join(' AND '), SEARCH_LIMIT + 1);
    };
    type Samples = Record<(typeof KINDS)[number], number[]>;
    const samples = (): Samples => ({ all: [], 'address fragment': [], name: [], '2-character name': [], 'customer number': [] });
    const raw = samples();
    const contract = samples();
    const like = samples();
    const time = (out: Samples, kind: Kind, fn: () => unknown) => {
      const t0 = performance.now();
      fn();
      const dt = performance.now() - t0;
      out.all.push(dt);
      out[kind].push(dt);
    };
    // warm up the indexes every query touches, then time the raw and the contract query by query, taking turns at
    // going first so neither gets the pages the other read; LIKE (a scan that evicts the page cache) after them
    for (const q of queries) {
      rawFts(q.text);
      search.search(q.text);
    }
    for (const [i, q] of queries.entries()) {
      if (i % 2 === 0) time(raw, q.kind, () => rawFts(q.text));
      time(contract, q.kind, () => search.search(q.text));
      if (i % 2 === 1) time(raw, q.kind, () => rawFts(q.text));
    }
    // the 2-character names on their own (the hardest case, issue 13's table): enough of them for a p95
    const twoChar = [...new Set(sample.map((r) => r.name).filter((n) => [...n].length === 2))].slice(0, 200);
    const nameRaw: number[] = [];
    const nameContract: number[] = [];
    for (const n of twoChar) {
      rawFts(n);
      search.search(n);
    }
    for (const [i, n] of twoChar.entries()) {
      const t = (out: number[], fn: () => unknown) => {
        const t0 = performance.now();
        fn();
        out.push(performance.now() - t0);
      };
      if (i % 2 === 0) t(nameRaw, () => rawFts(n));
      t(nameContract, () => search.search(n));
      if (i % 2 === 1) t(nameRaw, () => rawFts(n));
    }
    for (const q of queries.slice(0, 5)) search.searchWithLike(q.text);
    for (const q of queries) time(like, q.kind, () => search.searchWithLike(q.text));
    console.log(`\nSearch on ${accounts.toLocaleString('en')} accounts, ${queries.length} queries (limit ${SEARCH_LIMIT} rows; the contract's with unpaid totals)`);
    console.log('kind                n     raw FTS p95  contract p50  contract p95  LIKE p95   contract/raw  LIKE/contract (p95)');
    for (const kind of KINDS) {
      const r = raw[kind];
      const c = contract[kind];
      const l = like[kind];
      if (c.length === 0) continue;
      console.log(
        `${kind.padEnd(17)} ${String(c.length).padStart(4)}  ${ms(percentile(r, 95)).padStart(11)}  ${ms(percentile(c, 50)).padStart(12)}  ${ms(percentile(c, 95)).padStart(12)}  ` +
          `${ms(percentile(l, 95)).padStart(9)}  ${(percentile(c, 95) / percentile(r, 95)).toFixed(2).padStart(11)}x  ${(percentile(l, 95) / percentile(c, 95)).toFixed(1).padStart(12)}x`,
      );
    }
    console.log(
      `${twoChar.length} distinct 2-character names: raw FTS p95 ${ms(percentile(nameRaw, 95))}, contract p50 ${ms(percentile(nameContract, 50))} p95 ${ms(percentile(nameContract, 95))}, ` +
        `${(percentile(nameContract, 95) / percentile(nameRaw, 95)).toFixed(2)}x raw (goal ≤ 1.5x)`,
    );
    return {
      search_contract_p95_over_raw_fts: percentile(contract.all, 95) / percentile(raw.all, 95),
      search_name_p95_over_raw_fts: percentile(nameContract, 95) / percentile(nameRaw, 95),
      search_like_over_contract_p95: percentile(like.all, 95) / percentile(contract.all, 95),
    };
  } finally {
    store.close();
    removeStore(work);
  }
}
