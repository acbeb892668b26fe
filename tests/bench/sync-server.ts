/**
 * Issue 14 bench (server side; prints figures, asserts nothing): `npx tsx tests/bench/sync-server.ts [--quick]
 * [--accounts N] [--counters N] [--batches N]`. Starts a throwaway PostgreSQL cluster and one server instance.
 *  push        events/s with 12 counters pushing concurrently (batches of 100 events: payment, item, bill paid)
 *  snapshot    a new counter downloads the company's accounts (1,000,000) page by page over HTTP and parses them
 *              (loading them into SQLite is the counter side's part)
 *  catch-up    a counter offline for a day of 2,000 payments at the hall's other counters pulls the feed
 * Ends with `BENCH <name> <value>` lines, named `sync_server_*`: they are not npm run bench's figures
 * (sync_push_events_per_s there is end to end from 12 counter processes' outboxes; this push is raw HTTP batches;
 * sync_snapshot_1m_s there is PostgreSQL to a counter's search index, this download only parses the pages).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROUTES, type FeedPage, type SnapshotPage, type SyncEvent } from '../../server/protocol/index.js';
import { events, paymentRow, startHarness } from '../server/harness.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    accounts: { type: 'string' },
    counters: { type: 'string' },
    batches: { type: 'string' },
  },
});
const quick = values.quick === true;
const accounts = Number(values.accounts ?? (quick ? 100_000 : 1_000_000));
const counters = Number(values.counters ?? 12);
const batches = Number(values.batches ?? (quick ? 5 : 20));
const PER_BATCH = 100;

const h = await startHarness(1);

/** CPU seconds used so far by this process (server and client) and by the cluster's PostgreSQL processes. */
function cpuSeconds(): { node: number; pg: number } {
  const usage = process.cpuUsage();
  const postmaster = readFileSync(`${h.cluster.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]!.trim();
  const tick = 100; // USER_HZ on Linux
  let pg = 0;
  for (const pid of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid !== postmaster && fields[1] !== postmaster) continue;
      pg += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return { node: (usage.user + usage.system) / 1e6, pg };
}
const cpuSince = (before: { node: number; pg: number }): string => {
  const now = cpuSeconds();
  return `CPU ${(now.node - before.node).toFixed(1)} s Node + ${(now.pg - before.pg).toFixed(1)} s PostgreSQL`;
};
const figures: Record<string, number> = {};
try {
  // --- push throughput ---------------------------------------------------------------------------------------
  const devices = await Promise.all(Array.from({ length: counters }, (_, i) => h.enrolDevice(`BH${i % 3}`, `BK${i}`, 'BC')));
  const paymentEvents = (n: number, first: number): Array<Omit<SyncEvent, 'seq' | 'at'>> => {
    const out: Array<Omit<SyncEvent, 'seq' | 'at'>> = [];
    for (let k = 0; out.length < PER_BATCH; k++) {
      const id = `P-${n}-${first + k}`;
      const bill = `BILL-${n}-${first + k}`;
      out.push(
        { table: 'payments', op: 'insert', rowId: id, row: paymentRow(id, { account: `A${k}`, hall: `BH${n % 3}`, counter: `BK${n}`, date: '2026-12-01', totalFen: 1000 + k }), businessDate: '2026-12-01' },
        { table: 'payment_items', op: 'insert', rowId: `${id}-i`, row: { id: `${id}-i`, payment_id: id, bill_id: bill, gas_fen: 1000 + k, late_fee_fen: 0, overdue_days: 0 } },
        { table: 'bills', op: 'update', rowId: bill, row: { id: bill, account_id: `A${k}`, status: '收讫', paid_payment_id: id, amount_fen: 1000 + k } },
      );
    }
    return out.slice(0, PER_BATCH);
  };
  const c0 = cpuSeconds();
  const t0 = performance.now();
  await Promise.all(
    devices.map(async (d, n) => {
      for (let b = 0; b < batches; b++) {
        const seq = b * PER_BATCH + 1;
        const answer = await h.call('POST', ROUTES.push, { auth: d.auth, body: { events: events(seq, paymentEvents(n, seq)), auditHead: null } });
        if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
      }
    }),
  );
  const pushSeconds = (performance.now() - t0) / 1000;
  const pushed = counters * batches * PER_BATCH;
  figures.sync_server_push_events_per_s = Math.round(pushed / pushSeconds);
  console.log(`push: ${pushed} events from ${counters} counters in ${pushSeconds.toFixed(1)} s (${cpuSince(c0)})`);

  // --- catch-up: 2,000 payments (6,000 events) made at the hall's other counters ---------------------------------
  const offline = await h.enrolDevice('BH0', 'BK-offline', 'BC');
  const { rows: feedRows } = await h.pool.query(`SELECT count(*)::int AS n FROM feed WHERE company_id = 'BC' AND (hall_id = 'BH0' OR hall_id IS NULL)`);
  const t1 = performance.now();
  let cursor = '';
  let changes = 0;
  for (;;) {
    const page = await h.call<FeedPage>('GET', `${ROUTES.feed}?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, { auth: offline.auth });
    changes += page.body.changes.length;
    cursor = page.body.cursor;
    if (!page.body.more) break;
  }
  const catchUp = (performance.now() - t1) / 1000;
  figures.sync_server_catchup_s = Number(catchUp.toFixed(2));
  console.log(`catch-up: ${changes} changes (${feedRows[0].n} in scope) in ${catchUp.toFixed(2)} s`);

  // --- snapshot -------------------------------------------------------------------------------------------------
  const tImport = performance.now();
  await h.pool.query(
    `INSERT INTO rows (company_id, table_name, row_key, hall_id, row)
     SELECT 'BC', 'accounts', 'acc-' || lpad(i::text, 8, '0'), NULL,
            jsonb_build_object('id', 'acc-' || lpad(i::text, 8, '0'), 'account_no', (10000000 + i)::text, 'name', '用户' || i,
              'address', '温州市鹿城区某某路' || i || '号', 'community', '小区' || (i % 500), 'customer_type', '抄表', 'payment_method', '现金',
              'application_nature', '散户', 'application_date', '2020-01-01', 'invoice_date', '2020-01-01', 'seq_book', '0001',
              'seq_building', '1', 'seq_unit', '1', 'seq_room', '101', 'seq_no', lpad((i % 10000)::text, 4, '0'), 'area_type', '老',
              'building_type', '多层', 'connection_fee_fen', 250000, 'area', '鹿城', 'meter_reader', '抄表员' || (i % 40),
              'reading_cycle', '每月', 'home_hall_id', 'BH' || (i % 3), 'category', '普通用户', 'hose_info', '',
              'settled_reading_centi', 0, 'prepaid_volume_centi', 0, 'created_at', '2020-01-01T00:00:00.000Z')
       FROM generate_series(1, $1::int) AS i`,
    [accounts],
  );
  await h.pool.query('VACUUM ANALYZE rows');
  console.log(`snapshot setup: ${accounts} accounts in PostgreSQL in ${((performance.now() - tImport) / 1000).toFixed(1)} s (not measured)`);
  const reader = await h.enrolDevice('BH1', 'BK-new', 'BC');
  const c2 = cpuSeconds();
  const t2 = performance.now();
  const start = await h.call('GET', ROUTES.snapshotStart, { auth: reader.auth });
  let after: string | null = '';
  let got = 0;
  let bytes = 0;
  while (after !== null) {
    const response = await fetch(`${h.urls[0]}${ROUTES.snapshot}?table=accounts&limit=20000${after ? `&after=${encodeURIComponent(after)}` : ''}`, { headers: { authorization: reader.auth } });
    const text = await response.text();
    bytes += text.length;
    const page = JSON.parse(text) as SnapshotPage;
    got += page.rows.length;
    after = page.next;
  }
  const snapshotSeconds = (performance.now() - t2) / 1000;
  figures.sync_server_snapshot_download_s = Number(snapshotSeconds.toFixed(1));
  console.log(`snapshot: ${got} accounts (${start.body.counts.accounts} counted, ${(bytes / 1e6).toFixed(0)} MB JSON) in ${snapshotSeconds.toFixed(1)} s (${cpuSince(c2)})`);
} finally {
  await h.stop();
}
console.log(`load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} (2 cores)`);
for (const [name, value] of Object.entries(figures)) console.log(`BENCH ${name} ${value}`);
