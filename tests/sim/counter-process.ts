/**
 * Issue 14 (simulation): ONE counter PC as a real process. It builds the host (main/host.ts) on its own SQLite file,
 * enrols with a one-time code through the contract (`sync.enrol`, an administrator signed in), runs the pusher
 * and the feed puller (the host starts both), and does counter work through the router when the parent asks over
 * process IPC: cash payments, ticket payments, card recharges (the in-process card simulator; the card is kept in
 * a file beside the store so a killed counter finds it again), reversals (冲正) and businesses.
 *
 *   node counter-process.mjs '<json CounterArgs>'      (the simulation bundles it with esbuild, like the crash test)
 *
 * Messages: { id, cmd, args } → { id, ok: true, value } | { id, ok: false, error }. Unsolicited: { ready: true }.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createHost } from '../../main/host.js';
import { clientOn, type TestClient } from '../fixtures/client.js';
import { verifyAuditChain } from '../../main/services/audit.js';
import { loadCredentials } from '../../main/sync/credentials.js';
import type { CardRecord } from '../../hardware/card/codec.js';

export interface CounterArgs {
  dbFile: string;
  migrationsDir: string;
  hallId: string;
  counterId: string;
  clerk: string;
  manager: string;
  admin: string;
  password: string;
  serverUrl: string;
  /** A one-time enrolment code when the store is not enrolled yet. */
  code?: string;
  pullMs: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as CounterArgs;
const send = (message: unknown) => process.send?.(message);

const host = createHost({
  dbFile: args.dbFile,
  migrationsDir: args.migrationsDir,
  demo: true,
  sync: {
    pusher: { idleMs: 250, backoffBaseMs: 100, backoffMaxMs: 1500, requestTimeoutMs: 8000, batchSize: 200 },
    puller: { idleMs: args.pullMs, backoffBaseMs: 100, backoffMaxMs: 1500, requestTimeoutMs: 8000 },
  },
});
await host.storeCheck;
const sqlite = host.store.sqlite;

async function login(name: string, connection: string): Promise<TestClient> {
  const client = clientOn(host, connection);
  const r = await client.call('auth.login', { login: name, password: args.password, counterId: args.counterId });
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return client;
}

const credentialsFile = join(dirname(args.dbFile), 'sync-device.json');
if (!loadCredentials(credentialsFile)) {
  if (!args.code) throw new Error('not enrolled and no code');
  const admin = await login(args.admin, 'sim-admin');
  await admin.ok('sync.enrol', { serverUrl: args.serverUrl, code: args.code });
  await admin.call('auth.logout', {});
}
const clerk = await login(args.clerk, 'sim-clerk');

// ---- the card in the simulator's slot survives a SIGKILL in a file
const cardFile = join(dirname(args.dbFile), 'card.json');
const cardSim = host.cardDevice?.sim;
if (cardSim && existsSync(cardFile)) cardSim.insert(JSON.parse(readFileSync(cardFile, 'utf8')) as CardRecord);
const saveCard = () => {
  if (cardSim?.card) writeFileSync(cardFile, JSON.stringify(cardSim.card));
};

// ---- the puller is the host's (main/sync/puller.ts, i14-down): snapshot on a new counter, then feed pages
const pullStatus = () => host.puller.status();

// ---- the counter's work
const one = <T>(sql: string, ...p: unknown[]) => sqlite.prepare(sql).get(...p) as T;
const all = <T>(sql: string, ...p: unknown[]) => sqlite.prepare(sql).all(...p) as T[];

async function pay(a: { accountId: string; billIds?: string[]; tickets?: boolean }) {
  const unpaid = await clerk.ok('bills.unpaid', { accountId: a.accountId });
  const bills = a.billIds ? unpaid.bills.filter((b) => a.billIds?.includes(b.id)) : unpaid.bills;
  if (bills.length === 0) return { skipped: 'no unpaid bills' };
  const total = bills.reduce((s, b) => s + b.totalFen, 0);
  let tickets: { kind: '燃气票'; year: number; quarter: number; count: number; backName: string; backAddress: string }[] = [];
  if (a.tickets) {
    const centi = bills.reduce((s, b) => s + Number(one<{ c: number }>('SELECT consumption_centi AS c FROM bills WHERE id = ?', b.id).c), 0);
    const now = new Date();
    tickets = [{ kind: '燃气票', year: now.getFullYear(), quarter: Math.floor(now.getMonth() / 3) + 1, count: Math.ceil(centi / 500), backName: '模拟', backAddress: '模拟地址' }];
  }
  const r = await clerk.call('payments.payCash', {
    accountId: a.accountId,
    billIds: bills.map((b) => b.id),
    tendered: a.tickets ? String(Math.ceil(total / 100)) : String(Math.ceil(total / 100) + 10),
    expectedTotalFen: total,
    ...(a.tickets ? { tickets } : {}),
  });
  if (!r.ok) return { refused: `${r.error.code}: ${r.error.message}` };
  const p = one<{ id: string; total_fen: number }>('SELECT id, total_fen FROM payments WHERE slip_no = ?', r.value.slipNo);
  return { paymentId: p.id, slipNo: r.value.slipNo, totalFen: p.total_fen, billIds: bills.map((b) => b.id) };
}

async function recharge(a: { accountId: string }) {
  if (!cardSim) return { refused: 'no card simulator' };
  if (!cardSim.card) {
    cardSim.insertBlank();
    const issued = await clerk.call('cards.issue', { accountId: a.accountId, issueType: '制作新卡' });
    saveCard();
    if (!issued.ok) return { refused: `${issued.error.code}: ${issued.error.message}` };
  }
  const r = await clerk.call('cards.recharge', { accountId: a.accountId, by: 'volume', value: '10', tendered: '50' });
  saveCard();
  if (!r.ok) return { refused: `${r.error.code}: ${r.error.message}` };
  cardSim.loadIntoMeter(); // the customer loads the credit into the meter before the next purchase
  saveCard();
  const p = one<{ id: string; total_fen: number }>('SELECT id, total_fen FROM payments WHERE slip_no = ?', r.value.slipNo);
  return { paymentId: p.id, slipNo: r.value.slipNo, totalFen: p.total_fen };
}

async function reverse(a: { slipNo: string }) {
  const r = await clerk.call('payments.reverse', { slipNo: a.slipNo, reason: '模拟冲正', approver: { login: args.manager, password: args.password } });
  if (!r.ok) return { refused: `${r.error.code}: ${r.error.message}` };
  const p = one<{ id: string; total_fen: number }>('SELECT id, total_fen FROM payments WHERE slip_no = ?', r.value.slipNo);
  return { paymentId: p.id, slipNo: r.value.slipNo, totalFen: p.total_fen };
}

/** Each counter its own contact phone: two counters taking the same account's business must not collide on account_phones. */
function hashOf(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

async function business(a: { accountId: string }) {
  const r = await clerk.call('businesses.accept', { accountId: a.accountId, type: '其它', hoseLength: '1.5', requirement: '模拟', contactPhone: `136${String(Math.abs(hashOf(args.counterId)) % 100_000_000).padStart(8, '0')}`, priority: '等待安排' });
  if (!r.ok) return { refused: `${r.error.code}: ${r.error.message}` };
  return { businessId: r.value.id };
}

function state(a: { date: string }) {
  const head = one<{ seq: number; hash: string } | undefined>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const chain = verifyAuditChain(host.store.db);
  return {
    payments: all<{ id: string; hall_id: string; counter_id: string; business_date: string; total_fen: number; slip_no: string }>(
      'SELECT id, hall_id, counter_id, business_date, total_fen, slip_no FROM payments WHERE hall_id = ? ORDER BY id',
      args.hallId,
    ),
    sums: all<{ business_date: string; n: number; total: number }>('SELECT business_date, count(*) AS n, sum(total_fen) AS total FROM payments WHERE hall_id = ? GROUP BY business_date', args.hallId),
    bills: all<{ id: string; status: string; paid_payment_id: string | null }>("SELECT id, status, paid_payment_id FROM bills WHERE status <> '未缴' OR paid_payment_id IS NOT NULL ORDER BY id"),
    anomalies: all<Record<string, unknown>>('SELECT * FROM sync_anomalies ORDER BY 1'),
    problems: all<Record<string, unknown>>('SELECT * FROM sync_problems'),
    /** Central bill rows still waiting for the payment item they name (none once the feed has caught up). */
    waits: all<Record<string, unknown>>('SELECT * FROM sync_bill_waits'),
    head: head ?? null,
    chainOk: chain.ok,
    push: host.sync.status().push,
    pull: pullStatus(),
    lastPullOk: Date.parse(pullStatus().lastPullAt ?? '') || 0,
    date: a.date,
  };
}

const commands: Record<string, (a: any) => unknown> = {
  pay,
  tickets: (a: { accountId: string }) => pay({ ...a, tickets: true }),
  recharge,
  reverse,
  business,
  state,
  pushStatus: () => host.sync.status().push,
  /** The bench: how a bill shows here, and how many of some payments this PC holds. */
  billStatus: (a: { billId: string }) => one<{ status: string } | undefined>('SELECT status FROM bills WHERE id = ?', a.billId)?.status ?? null,
  paymentCount: (a: { hallId?: string }) => one<{ n: number }>('SELECT count(*) AS n FROM payments WHERE hall_id = ?', a.hallId ?? args.hallId).n,
  endDay: () => clerk.ok('sync.endCounterDay', {}),
  pushNow: () => host.sync.pushNow(),
  stop: async () => {
    await host.sync.close();
    host.close();
    setTimeout(() => process.exit(0), 50);
    return 'stopped';
  },
};

process.on('message', (m: { id: number; cmd: string; args?: unknown }) => {
  const fn = commands[m.cmd];
  if (!fn) return send({ id: m.id, ok: false, error: `unknown ${m.cmd}` });
  Promise.resolve()
    .then(() => fn(m.args ?? {}))
    .then(
      (value) => send({ id: m.id, ok: true, value }),
      (error: unknown) => send({ id: m.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
});
process.on('disconnect', () => process.exit(0));
send({ ready: true, deviceId: loadCredentials(credentialsFile)?.deviceId });
