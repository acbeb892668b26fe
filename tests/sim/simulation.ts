/**
 * Issue 14 TESTS: the multi-process simulation. H halls × C counters, each a real host process with its own SQLite
 * file (counter-process.ts), against S server instances (`npm run server`'s entry) on ONE PostgreSQL. Random counter
 * work (cash payments, ticket payments, card recharges, 冲正, businesses) while faults are injected:
 *  - network partitions: a counter's link (proxy.ts) is cut for a while and restored;
 *  - SIGKILL of a counter while a push of it is in flight, then a restart on the same SQLite file;
 *  - SIGKILL of a server instance while pushes are in flight, then a restart on the same port;
 *  - duplicate deliveries: links replay a share of the pushes to the servers;
 *  - planned conflicts: in some halls two counters cut off together both take the same bill (double payment), and
 *    both accept the same business for one account (duplicate business).
 * Then everything is healed and left to sync, and the result is checked (`failures` lists what does not hold):
 * every payment each counter reported exists exactly once centrally and on every counter of its hall; per hall and
 * day the counters, the server's rows and the server's finance report (收银统计) agree; the planned conflicts are on
 * the server's 异常 list and on every counter of the hall, and nothing else is (no other anomaly, no refused row);
 * every counter's audit chain verifies and its head is the one the server anchored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { openStore } from '../../db/open.js';
import { migrationsDir } from '../../main/paths.js';
import { ROUTES } from '../../server/protocol/index.js';
import { bundle, CounterProc, enrolAll, prepareCompany, removeBundles, sleep, startCentral, SIM_COMPANY } from './cluster.js';
import { simHalls } from './seed.js';

export interface SimOptions {
  halls: number;
  countersPerHall: number;
  servers: number;
  accounts: number;
  /** Counter operations per counter. */
  opsPerCounter: number;
  partitions: number;
  counterKills: number;
  serverKills: number;
  /** Share of pushes a link delivers twice. */
  replayShare: number;
  /** Halls with a planned double payment and duplicate business. */
  conflictHalls: number;
  convergeTimeoutMs: number;
  seed: number;
  log?: (line: string) => void;
}

export const QUICK_SIM: SimOptions = {
  halls: 3, countersPerHall: 4, servers: 2, accounts: 1500, opsPerCounter: 12, partitions: 6, counterKills: 3, serverKills: 2,
  replayShare: 0.2, conflictHalls: 2, convergeTimeoutMs: 120_000, seed: 14,
};

export interface SimReport {
  figures: Record<string, number>;
  failures: string[];
}

/** A small seeded random source (mulberry32), so a failing run can be repeated with its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Reported {
  paymentId: string;
  slipNo: string;
  totalFen: number;
  hallId: string;
  counter: string;
  kind: string;
}

export async function runSimulation(o: SimOptions): Promise<SimReport> {
  const log = o.log ?? (() => undefined);
  const random = rng(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const dir = mkdtempSync(join(tmpdir(), 'gas-sync-sim-'));
  const failures: string[] = [];
  const fail = (m: string) => {
    if (failures.length < 200) failures.push(m);
  };
  const today = businessDateOf(new Date());
  const halls = simHalls(o.halls, o.countersPerHall);
  const t0 = Date.now();
  const central = await startCentral(o.servers);
  const counters: CounterProc[] = [];
  const faults = { partitions: 0, counterKills: 0, serverKills: 0, replayedPushes: 0, killedCommands: 0 };
  try {
    const template = await prepareCompany(central, dir, halls, o.accounts, today);
    log(`company ready: ${o.accounts} accounts, ${Date.now() - t0} ms`);
    // accounts by kind, dealt out to the counters so that only the planned conflicts touch one account twice
    const tpl = openStore(template, { migrationsDir, readonly: true });
    const cash = tpl.sqlite.prepare("SELECT DISTINCT b.account_id AS id FROM bills b JOIN accounts a ON a.id = b.account_id WHERE b.status = '未缴' AND a.customer_type = '抄表' ORDER BY b.account_id").pluck().all() as string[];
    const ic = tpl.sqlite.prepare("SELECT a.id FROM accounts a JOIN meters m ON m.account_id = a.id WHERE a.customer_type = 'IC卡' AND m.status = '通气' ORDER BY a.id").pluck().all() as string[];
    const billsOf = tpl.sqlite.prepare("SELECT id FROM bills WHERE account_id = ? AND status = '未缴' ORDER BY id").pluck();
    const conflictAccounts = cash.splice(0, o.conflictHalls * 2);
    const conflictBills = conflictAccounts.map((a) => billsOf.get(a) as string);
    tpl.close();

    const script = await bundle('tests/sim/counter-process.ts', 'sim-counter');
    const targets = () => central.servers.map((s) => s.url);
    for (const h of halls) for (const c of h.counters) counters.push(new CounterProc(h, c, join(dir, c.code), script, targets));
    const tEnrol = Date.now();
    await enrolAll(counters, central, template);
    for (const c of counters) c.link.replayPushes = o.replayShare;
    log(`${counters.length} counters enrolled in ${Date.now() - tEnrol} ms`);

    const mine = new Map<CounterProc, { cash: string[]; ic: string | null; business: string[] }>();
    counters.forEach((c, i) => {
      mine.set(c, { cash: cash.filter((_, k) => k % counters.length === i), ic: ic[i] ?? null, business: cash.filter((_, k) => k % counters.length === i).slice(-o.opsPerCounter) });
    });
    const reported: Reported[] = [];
    const reversible = new Map<CounterProc, Reported[]>();
    const opsDone = { pay: 0, tickets: 0, recharge: 0, reverse: 0, business: 0, refused: 0 };
    const refusals: string[] = [];

    const work = async (c: CounterProc): Promise<void> => {
      const m = mine.get(c);
      if (!m) return;
      for (let k = 0; k < o.opsPerCounter; k++) {
        while (!c.alive) await sleep(100);
        const roll = random();
        let cmd: string;
        let args: Record<string, unknown>;
        if (roll < 0.5) [cmd, args] = ['pay', { accountId: m.cash.shift() }];
        else if (roll < 0.62) [cmd, args] = ['tickets', { accountId: m.cash.shift() }];
        else if (roll < 0.75 && m.ic) [cmd, args] = ['recharge', { accountId: m.ic }];
        else if (roll < 0.87 && (reversible.get(c)?.length ?? 0) > 0) {
          const list = reversible.get(c) ?? [];
          const victim = list.splice(Math.floor(random() * list.length), 1)[0] as Reported;
          [cmd, args] = ['reverse', { slipNo: victim.slipNo }];
        } else [cmd, args] = ['business', { accountId: m.business.pop() }];
        if (args.accountId === undefined && cmd !== 'reverse') continue;
        const r = await c.call(cmd, args);
        if (!r.ok) {
          if (r.error === 'killed' || r.error === 'not running') faults.killedCommands++;
          else fail(`${c.counter.code} ${cmd}: ${r.error}`);
          continue;
        }
        if (r.value?.refused) {
          opsDone.refused++;
          if (refusals.length < 10) refusals.push(`${c.counter.code} ${cmd}: ${r.value.refused}`);
          continue;
        }
        opsDone[cmd as keyof typeof opsDone]++;
        if (r.value?.paymentId) {
          const p: Reported = { paymentId: r.value.paymentId, slipNo: r.value.slipNo, totalFen: r.value.totalFen, hallId: c.hall.id, counter: c.counter.code, kind: cmd };
          reported.push(p);
          if (cmd === 'pay') reversible.set(c, [...(reversible.get(c) ?? []), p]);
        }
        await sleep(Math.floor(random() * 150));
      }
    };

    const inFlight = async (links: CounterProc[], within: number): Promise<CounterProc | null> => {
      const until = Date.now() + within;
      while (Date.now() < until) {
        const busy = links.find((c) => c.alive && c.link.inFlightPushes > 0);
        if (busy) return busy;
        await sleep(5);
      }
      return null;
    };

    // the planned conflicts: two counters of a hall, both cut off, take the same bill and the same business
    const planned: { hallId: string; billId: string; accountId: string; payments: string[] }[] = [];
    const plannedBusiness: { hallId: string; accountId: string }[] = [];
    const conflicts = async (): Promise<void> => {
      for (let i = 0; i < o.conflictHalls && i < halls.length; i++) {
        const h = halls[i];
        const [a, b] = counters.filter((c) => c.hall === h);
        const accountId = conflictAccounts[i * 2];
        const billId = conflictBills[i * 2];
        const bizAccount = conflictAccounts[i * 2 + 1];
        if (!h || !a || !b || !accountId || !billId || !bizAccount) continue;
        while (!a.alive || !b.alive) await sleep(100);
        a.link.cut();
        b.link.cut();
        faults.partitions += 2;
        const payments: string[] = [];
        for (const c of [a, b]) {
          const r = await c.call('pay', { accountId, billIds: [billId] });
          if (r.ok && r.value?.paymentId) {
            payments.push(r.value.paymentId);
            reported.push({ paymentId: r.value.paymentId, slipNo: r.value.slipNo, totalFen: r.value.totalFen, hallId: h.id, counter: c.counter.code, kind: 'double' });
          } else fail(`planned double payment at ${c.counter.code}: ${JSON.stringify(r)}`);
          const biz = await c.call('business', { accountId: bizAccount });
          if (!biz.ok || biz.value?.refused) fail(`planned duplicate business at ${c.counter.code}: ${JSON.stringify(biz)}`);
        }
        planned.push({ hallId: h.id, billId, accountId, payments });
        plannedBusiness.push({ hallId: h.id, accountId: bizAccount });
        await sleep(500 + random() * 1500);
        a.link.restore();
        b.link.restore();
      }
    };

    // the faults, spread over the working time
    let working = true;
    const chaos = async (): Promise<void> => {
      const plan = [
        ...Array.from({ length: o.partitions }, () => 'partition'),
        ...Array.from({ length: o.counterKills }, () => 'counterKill'),
        ...Array.from({ length: o.serverKills }, () => 'serverKill'),
      ].sort(() => random() - 0.5);
      for (const fault of plan) {
        if (!working) break;
        await sleep(300 + random() * 1200);
        if (fault === 'partition') {
          const c = pick(counters);
          c.link.cut();
          faults.partitions++;
          void sleep(500 + random() * 3000).then(() => c.link.restore());
        } else if (fault === 'counterKill') {
          const c = (await inFlight(counters, 3000)) ?? pick(counters.filter((x) => x.alive));
          if (!c?.alive) continue;
          await c.kill();
          faults.counterKills++;
          await sleep(200 + random() * 800);
          await c.start();
        } else {
          await inFlight(counters, 3000);
          const s = pick(central.servers);
          s.kill();
          faults.serverKills++;
          await sleep(300 + random() * 1500);
          await s.start();
        }
      }
    };

    const tWork = Date.now();
    await Promise.all([...counters.map(work), conflicts(), chaos().finally(() => (working = false))]);
    working = false;
    const workMs = Date.now() - tWork;
    log(`work done in ${workMs} ms: ${JSON.stringify(opsDone)}; faults ${JSON.stringify(faults)}${refusals.length ? `; refusals e.g. ${refusals.join(' | ')}` : ''}`);

    // heal and let everything sync
    for (const c of counters) {
      c.link.restore();
      c.link.replayPushes = 0;
      if (!c.alive) await c.start();
    }
    const tHeal = Date.now();
    const expected = new Map<string, Set<string>>();
    let converged = false;
    let last: Awaited<ReturnType<typeof snapshotAll>> | null = null;
    while (Date.now() - tHeal < o.convergeTimeoutMs) {
      last = await snapshotAll(counters, today);
      if (last.every((s) => s.ok) && agree(last, counters, expected)) {
        converged = true;
        break;
      }
      await sleep(500);
    }
    const convergeMs = Date.now() - tHeal;
    if (!converged) fail(`no convergence within ${o.convergeTimeoutMs} ms`);
    log(`converged=${converged} in ${convergeMs} ms`);

    // ---- the checks
    const states = last ?? [];
    const pg = await import('../../server/db/pool.js');
    const pool = pg.createPool(central.databaseUrl, 2);
    try {
      const central$ = (await pool.query<{ id: string; hall_id: string; business_date: string; total_fen: string; n: string }>(
        'SELECT id, hall_id, business_date, total_fen::text, count(*) OVER (PARTITION BY id)::text AS n FROM payments WHERE company_id = $1',
        [SIM_COMPANY],
      )).rows;
      const centralById = new Map(central$.map((p) => [p.id, p]));
      for (const p of central$) if (p.n !== '1') fail(`payment ${p.id} ${p.n} times centrally`);
      // every reported payment: at its counter, exactly once centrally, on every counter of its hall
      for (const r of reported) {
        const c = centralById.get(r.paymentId);
        if (!c) fail(`reported payment ${r.paymentId} (${r.counter} ${r.kind}) is not on the server`);
        else if (Number(c.total_fen) !== r.totalFen || c.hall_id !== r.hallId) fail(`payment ${r.paymentId} differs centrally`);
        counters.forEach((cp, i) => {
          if (cp.hall.id !== r.hallId) return;
          const n = states[i]?.value?.payments.filter((p: { id: string }) => p.id === r.paymentId).length ?? 0;
          if (n !== 1) fail(`payment ${r.paymentId} (${r.counter}) is ${n} times on ${cp.counter.code}`);
        });
      }
      // every payment any counter holds is central, and the hall's counters hold the same set as the server
      for (const h of halls) {
        const server = central$.filter((p) => p.hall_id === h.id).map((p) => p.id).sort();
        counters.forEach((cp, i) => {
          if (cp.hall !== h) return;
          const local = (states[i]?.value?.payments ?? []).map((p: { id: string }) => p.id).sort();
          if (JSON.stringify(local) !== JSON.stringify(server)) fail(`${cp.counter.code}: ${local.length} payments, server ${server.length} for ${h.id}`);
        });
      }
      // sums per hall and day: counters = server rows = the server's finance report
      const report = await central.admin<{ days: { hallId: string; businessDate: string; count: number; totalFen: number }[] }>('GET', `${ROUTES.cashStats}?from=${today}&to=${today}`);
      for (const h of halls) {
        const rows = central$.filter((p) => p.hall_id === h.id && p.business_date === today);
        const serverSum = { n: rows.length, total: rows.reduce((s, p) => s + Number(p.total_fen), 0) };
        const day = report.days.find((d) => d.hallId === h.id && d.businessDate === today);
        const fin = { n: Number(day?.count ?? 0), total: Number(day?.totalFen ?? 0) };
        if (fin.n !== serverSum.n || fin.total !== serverSum.total) fail(`${h.id}: finance report ${JSON.stringify(fin)} vs server rows ${JSON.stringify(serverSum)}`);
        counters.forEach((cp, i) => {
          if (cp.hall !== h) return;
          const s = (states[i]?.value?.sums ?? []).find((x: { business_date: string }) => x.business_date === today) ?? { n: 0, total: 0 };
          if (Number(s.n) !== serverSum.n || Number(s.total ?? 0) !== serverSum.total) fail(`${cp.counter.code}: sums ${s.n}/${s.total} vs server ${serverSum.n}/${serverSum.total}`);
        });
      }
      // the 异常 list: exactly the planned conflicts, on the server and on every counter of the hall
      const { anomalies } = await central.admin<{ anomalies: { id: string; kind: string; hallId: string; billId: string | null; accountId: string | null; paymentId: string | null; otherPaymentId: string | null }[] }>('GET', ROUTES.anomalies);
      for (const p of planned) {
        const found = anomalies.filter((a) => a.kind === 'double_payment' && a.billId === p.billId);
        if (found.length !== 1) fail(`double payment of ${p.billId}: ${found.length} anomalies on the server`);
        const both = new Set([found[0]?.paymentId, found[0]?.otherPaymentId]);
        if (!p.payments.every((id) => both.has(id))) fail(`double payment of ${p.billId}: the anomaly names other payments`);
      }
      for (const b of plannedBusiness) {
        const found = anomalies.filter((a) => a.kind === 'duplicate_business' && a.accountId === b.accountId);
        if (found.length !== 1) fail(`duplicate business for ${b.accountId}: ${found.length} anomalies on the server`);
      }
      const unplanned = anomalies.filter((a) => !(a.kind === 'double_payment' && planned.some((p) => p.billId === a.billId)) && !(a.kind === 'duplicate_business' && plannedBusiness.some((b) => b.accountId === a.accountId)));
      for (const a of unplanned) fail(`unplanned anomaly on the server: ${a.kind} ${JSON.stringify(a).slice(0, 300)}`);
      counters.forEach((cp, i) => {
        const st = states[i]?.value;
        const serverIds = anomalies.filter((a) => a.hallId === cp.hall.id).map((a) => a.id).sort();
        const localIds = (st?.anomalies ?? []).map((a: { server_id: string | null }) => a.server_id ?? 'local-only').sort();
        if (JSON.stringify(localIds) !== JSON.stringify(serverIds)) fail(`${cp.counter.code}: 异常 ${JSON.stringify(localIds)} vs server ${JSON.stringify(serverIds)}`);
        const problems = new Map<string, number>();
        for (const p of (st?.problems ?? []) as { table_name: string; reason: string }[]) {
          const key = `${p.table_name}: ${p.reason.slice(0, 120)}`;
          problems.set(key, (problems.get(key) ?? 0) + 1);
        }
        for (const [key, n] of problems) fail(`${cp.counter.code}: ${n} feed rows refused (sync_problems) ${key}`);
        const waits = (st?.waits ?? []) as { bill_id: string; payment_id: string }[];
        if (waits.length > 0) fail(`${cp.counter.code}: ${waits.length} central bill rows still wait for their payment (sync_bill_waits), e.g. ${waits[0]?.bill_id} by ${waits[0]?.payment_id}`);
        if (!st?.chainOk) fail(`${cp.counter.code}: audit chain does not verify`);
      });
      // audit heads: the server anchored each counter's head
      for (let i = 0; i < counters.length; i++) {
        const cp = counters[i] as CounterProc;
        const server = await cp.serverPushState(central.servers[0]?.url ?? '');
        const head = states[i]?.value?.head;
        if (!head || server.auditHead?.seq !== head.seq || server.auditHead?.hash !== head.hash) fail(`${cp.counter.code}: audit head ${JSON.stringify(head)} vs anchored ${JSON.stringify(server.auditHead)}`);
      }
      // bills: every counter shows each bill as the server's central row has it (paid at another hall too), held by the same payment
      const centralBills = new Map((await pool.query<{ row_key: string; status: string; paid: string | null }>(
        "SELECT row_key, row->>'status' AS status, row->>'paid_payment_id' AS paid FROM rows WHERE company_id = $1 AND table_name = 'bills'",
        [SIM_COMPANY],
      )).rows.map((b) => [b.row_key, b]));
      counters.forEach((cp, i) => {
        let differ = 0;
        let example = '';
        for (const b of states[i]?.value?.bills ?? []) {
          const c = centralBills.get(b.id);
          // the status and the payment that holds the bill: the server decides which of two payments that is
          if (!c || c.status !== b.status || (c.paid ?? null) !== (b.paid_payment_id ?? null)) {
            differ++;
            example ||= `${b.id} ${b.status} ${b.paid_payment_id} vs server ${c?.status} ${c?.paid}`;
          }
        }
        const paidCentrally = [...centralBills.values()].filter((b) => b.status !== '未缴').length;
        const paidHere = (states[i]?.value?.bills ?? []).filter((b: { status: string }) => b.status !== '未缴').length;
        if (differ > 0 || paidHere !== paidCentrally) fail(`${cp.counter.code}: ${differ} bills differ from the server, ${paidHere} not 未缴 here vs ${paidCentrally} centrally (e.g. ${example})`);
      });
      const events = Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0]?.n ?? 0);
      const replayed = counters.reduce((s, c) => s + c.link.stats.replayed, 0);
      const pushes = counters.reduce((s, c) => s + c.link.stats.pushes, 0);
      return {
        failures,
        figures: {
          counters: counters.length,
          servers: o.servers,
          payments_reported: reported.length,
          payments_central: central$.length,
          pay: opsDone.pay, tickets: opsDone.tickets, recharge: opsDone.recharge, reverse: opsDone.reverse, business: opsDone.business, refused: opsDone.refused,
          events_central: events,
          pushes,
          partitions: faults.partitions,
          counter_kills: faults.counterKills,
          server_kills: faults.serverKills,
          replayed_pushes: replayed,
          commands_lost_to_kills: faults.killedCommands,
          anomalies: anomalies.length,
          work_ms: workMs,
          converge_ms: convergeMs,
        },
      };
    } finally {
      await pool.end();
    }
  } finally {
    await Promise.all(counters.map((c) => c.stop().catch(() => undefined)));
    await Promise.all(counters.map((c) => c.link.close().catch(() => undefined)));
    await central.stop();
    removeBundles();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function snapshotAll(counters: CounterProc[], date: string) {
  return Promise.all(counters.map((c) => c.call('state', { date }, 30_000)));
}

/** Converged: nothing waiting to go up anywhere, and the counters of each hall hold the same payments and bills. */
function agree(states: Awaited<ReturnType<typeof snapshotAll>>, counters: CounterProc[], _expected: Map<string, Set<string>>): boolean {
  const byHall = new Map<string, string>();
  for (let i = 0; i < states.length; i++) {
    const s = states[i]?.value;
    const c = counters[i] as CounterProc;
    if (!s || s.push.pending !== 0 || s.push.state !== 'idle') return false;
    if (Date.now() - s.lastPullOk > 3000) return false;
    const key = JSON.stringify([s.payments.map((p: { id: string }) => p.id), s.anomalies.map((a: { server_id: string | null }) => a.server_id).sort()]);
    const prev = byHall.get(c.hall.id);
    if (prev !== undefined && prev !== key) return false;
    byHall.set(c.hall.id, key);
  }
  return true;
}
