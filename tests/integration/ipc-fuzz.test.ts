/**
 * Issue 10 #19: property-based IPC fuzzing (fast-check). Signed-in sessions of every role at their counters
 * (the fixture's clock stands still, so none idles into the screen lock; the fixtures do not throttle) call
 * every method of the contract, round-robin, with inputs generated from the method's own zod schema (field
 * values drawn from the store where the field's name says what it is), a third of them with one targeted
 * mutation, and some from a role the method refuses. For every call: the answer is a valid output or a typed
 * error with a Chinese message (never INTERNAL, never a throw); a refusal writes nothing (every table's
 * content; a failed sign-in only its audit row and failure counter); after an accepted call the ledger
 * balances. Prints the per-method reach. Reproduce with FUZZ_SEED=<seed> (FUZZ_RUNS to run longer;
 * FUZZ_DEBUG=1 prints why well-formed calls were refused).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS, type Method } from '../../preload/contract.js';
import { repoRoot } from '../../main/paths.js';
import { addAccount, addBill, clientOn, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';
import { ledgerProblems } from '../fixtures/ledger.js';
import { arbitraryOf, mutationOf, type Pools } from '../fixtures/zod-arbitrary.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_123);
const RUNS = Number(process.env.FUZZ_RUNS ?? METHODS.length * 40);

/** Every code a refusal may carry: the ErrorCode union of preload/kernel/errors.ts, read from its source. */
const ERROR_CODES = new Set(
  [...readFileSync(join(repoRoot, 'preload', 'kernel', 'errors.ts'), 'utf8').matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1] as string).filter((c) => c !== 'INTERNAL'),
);
const ROUTER_FORBIDDEN = '您的岗位没有此项操作权限';
/**
 * A failed sign-in is refused but writes its audit row and failure counters by design (issue 10 #13); the audit row
 * is captured into the outbox with it (issue 14 #1), so the central server sees failed sign-ins too.
 */
const SIGN_IN_TABLES = new Set(['audit_log', 'sign_in_failures', 'sync_outbox']);
const SIGN_IN_CODES = new Set(['BAD_CREDENTIALS', 'THROTTLED']);

const STAFF = [
  { role: 'clerk', login: 'clerk01', counter: 'counter-lc01' },
  { role: 'clerk', login: 'clerk02', counter: 'counter-lc02' },
  { role: 'clerk', login: 'clerk03', counter: 'counter-hl01' },
  { role: 'manager', login: 'manager01', counter: 'counter-lc01' },
  { role: 'reviewer', login: 'reviewer01', counter: 'counter-lc02' },
  { role: 'technician', login: 'tech01', counter: 'counter-lc01' },
  { role: 'admin', login: 'admin01', counter: 'counter-lc02' },
  { role: 'callcenter', login: 'callcenter01', counter: 'counter-cc01' },
  { role: 'callcenter_lead', login: 'cclead01', counter: 'counter-cc01' },
] as const;
type Staff = (typeof STAFF)[number];
/** Methods that change the session of the connection they are called on: called on a scratch connection. */
const SESSION_METHODS = new Set<string>(['auth.login', 'auth.logout', 'auth.lock', 'auth.unlock', 'auth.changePassword']);
const UNKNOWN_IDS = ['acc-99999999', 'no-such-id', 'LC01-99999999', 'LC01-P99999999', '00000000-0000-0000-0000-000000000000', '99999999'];

let host: TestHost;
const sessions = new Map<string, { connection: string; staff: Staff }>();

beforeAll(async () => {
  host = makeTestHost({ accounts: 40 });
  const a = addAccount(host, { accountNo: '40000001', name: '王五', address: '温州市瓯海区学院路1号安澜家园1幢1单元101室', reading: 5000 });
  addBill(host, a, { id: 'bill-x', readingDate: '2026-11-01', previous: 4000, current: 5000, amountFen: 3450, dueDate: '2026-12-01' });
  addAccount(host, { accountNo: '40000002', name: '卡用户', address: '温州市鹿城区卡表路2号', reading: 0, customerType: 'IC卡' });
  // a blank card in the simulated reader, so 制作新卡 and then 购气 can go through
  host.cardDevice?.sim.insertBlank();
  for (const s of STAFF) sessions.set(s.login, { connection: (await signIn(host, s.login, s.counter)).connection, staff: s });
});
afterAll(() => host?.dispose());

function column(sql: string): unknown[] {
  return host.store.sqlite.prepare(sql).pluck().all();
}

const MONEY = ['0', '1', '10', '34.5', '80', '100.50', '300', '2400'];
const VOLUME = ['0', '1', '5', '12.5', '60', '100', '150.25', '999'];
const DATES = ['2026-11-23', '2026-11-22', '2026-11-01', '2026-10-26', '2026-12-01'];
const POOL_SQL: Record<string, string> = {
  accountId: 'SELECT id FROM accounts ORDER BY rowid DESC LIMIT 8',
  billId: "SELECT id FROM bills WHERE status = '未缴' ORDER BY rowid LIMIT 8",
  billIds: "SELECT id FROM bills WHERE status = '未缴' ORDER BY rowid LIMIT 8",
  slipNo: 'SELECT slip_no FROM payments ORDER BY rowid DESC LIMIT 8',
  businessId: 'SELECT id FROM businesses ORDER BY rowid DESC LIMIT 8',
  ignitionBusinessId: 'SELECT id FROM businesses ORDER BY rowid DESC LIMIT 8',
  workOrderNo: 'SELECT work_order_no FROM work_orders ORDER BY rowid DESC LIMIT 8',
  meterNo: 'SELECT meter_no FROM meters ORDER BY rowid DESC LIMIT 8',
  counterId: 'SELECT id FROM counters',
  login: 'SELECT login FROM staff',
  clerkLogin: 'SELECT login FROM staff',
  runId: 'SELECT id FROM bank_runs ORDER BY rowid DESC LIMIT 8',
  batchId: 'SELECT id FROM handheld_batches ORDER BY rowid DESC LIMIT 8',
  writeId: 'SELECT id FROM card_writes ORDER BY rowid DESC LIMIT 8',
  readingIds: 'SELECT id FROM handheld_readings ORDER BY rowid DESC LIMIT 8',
  channelRef: 'SELECT channel_ref FROM payments WHERE channel_ref IS NOT NULL ORDER BY rowid DESC LIMIT 8',
  invoiceNo: 'SELECT invoice_no FROM invoices ORDER BY rowid DESC LIMIT 8',
  manualSlipNo: 'SELECT manual_slip_no FROM manual_slips ORDER BY rowid DESC LIMIT 8',
};
const POOL_CONST: Record<string, readonly unknown[]> = {
  password: ['123456'],
  currentPassword: ['123456'],
  query: ['王', '学院路', '40000001', '安澜家园'],
  ...Object.fromEntries(['amount', 'tendered', 'fee', 'price', 'deposited', 'depositTendered', 'faceValue', 'connectionFee', 'float', 'deposit'].map((k) => [k, MONEY])),
  ...Object.fromEntries(
    ['reading', 'newReading', 'latestReading', 'baseReading', 'split', 'remaining', 'used', 'minConsumption', 'oldActualReading', 'readingBeforeTest', 'settledReading', 'fromM3'].map((k) => [k, VOLUME]),
  ),
  ...Object.fromEntries(['date', 'from', 'to', 'agreedDate', 'effectiveFrom', 'applicationDate', 'arrivalDate', 'installedOn', 'invoiceDate', 'rectificationDate', 'signedOn', 'sentOn'].map((k) => [k, DATES])),
  ...Object.fromEntries(['arrivedAt', 'leftAt', 'implementedAt'].map((k) => [k, ['2026-11-23 09:00', '2026-11-23 09:45']])),
  value: ['10', '25.5', '100'],
  channelRef: ['ATM-20261123-0001', 'WEB-77001234'],
  month: ['2026-11', '2026-10'],
  year: [2026, '2026'],
  quarter: [4],
  count: [1, 2],
  score: [1, 2, 3, 4],
  phone: ['13800138000', '0577-88888888'],
  contactPhone: ['13800138000'],
  name: ['张三'],
  newName: ['李四'],
  householder: ['张三'],
  address: ['温州市鹿城区学院路1号'],
};
const pools: Pools = (key) => {
  const sql = POOL_SQL[key];
  if (sql) {
    const values = [...column(sql).filter((v) => v !== null), ...(POOL_CONST[key] ?? [])];
    return values.length > 0 ? values : undefined;
  }
  return POOL_CONST[key];
};

/** Inputs that reach deeper than the schema alone: an exact payment, a reversal with the manager's sign-in. */
async function preset(method: Method, caller: string, g: fc.GeneratorValue): Promise<Record<string, unknown> | null> {
  if (method === 'payments.payCash') {
    const accounts = column("SELECT DISTINCT account_id FROM bills WHERE status = '未缴' ORDER BY account_id LIMIT 12") as string[];
    if (accounts.length === 0) return null;
    const accountId = g(fc.constantFrom, ...accounts);
    const res = await clientOn(host, caller).call('bills.unpaid', { accountId });
    if (!res.ok) return null;
    const bills = res.value.bills;
    if (bills.length === 0) return null;
    const chosen = bills.slice(0, g(fc.integer, { min: 1, max: bills.length }));
    const due = chosen.reduce((s, b) => s + b.totalFen, 0);
    return { accountId, billIds: chosen.map((b) => b.id), expectedTotalFen: due, tendered: ((due + g(fc.integer, { min: 0, max: 5000 })) / 100).toFixed(2), tickets: [], waivers: [], approver: null };
  }
  if (method === 'payments.reverse') {
    const slips = column("SELECT slip_no FROM payments p WHERE reverses_payment_id IS NULL AND charge_type = '燃气费' AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_payment_id = p.id) ORDER BY rowid DESC LIMIT 6") as string[];
    if (slips.length === 0) return null;
    return { slipNo: g(fc.constantFrom, ...slips), reason: '收错用户', approver: { login: g(fc.constantFrom, 'manager01', 'admin01'), password: '123456' } };
  }
  if (method === 'cashReport.review') {
    const clerks = column("SELECT s.login FROM cash_reports c JOIN staff s ON s.id = c.clerk_id WHERE c.reviewer_id IS NULL ORDER BY s.login") as string[];
    if (clerks.length === 0) return null;
    return { clerkLogin: g(fc.constantFrom, ...clerks), reviewer: { login: g(fc.constantFrom, 'clerk02', 'manager01', 'reviewer01'), password: '123456' } };
  }
  return null;
}

function totalChanges(): number {
  return scalar(host, 'SELECT total_changes()');
}

/** Every table's content, hashed per table. */
function fingerprint(): Map<string, string> {
  const db = host.store.sqlite;
  const tables = column("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name") as string[];
  return new Map(tables.map((t) => [t, createHash('sha1').update(JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).raw().all())).digest('hex')]));
}

interface Reach {
  calls: number;
  mutated: number;
  reached: number;
  reachedMutated: number;
  ok: number;
  codes: Record<string, number>;
}

describe('IPC fuzzing (issue 10 #19)', () => {
  it(`every method, every role, generated and mutated inputs: typed answers, no write on refusal, balanced ledger (seed ${SEED})`, async () => {
    console.log(`IPC fuzz: fast-check seed ${SEED}, ${RUNS} calls over ${METHODS.length} methods (FUZZ_SEED=${SEED} to reproduce)`);
    const reach = new Map<string, Reach>(METHODS.map((m) => [m, { calls: 0, mutated: 0, reached: 0, reachedMutated: 0, ok: 0, codes: {} }]));
    const problems: string[] = [];
    const originalHashes = new Map(host.store.sqlite.prepare('SELECT login, password_hash FROM staff').raw().all() as [string, string][]);
    let fp = fingerprint();
    let fpAt = totalChanges();
    let turn = 0;
    const started = Date.now();

    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const method = METHODS[turn++ % METHODS.length] as Method;
        const spec = contract[method];
        const stats = reach.get(method) as Reach;
        const access = spec.access;
        const allowedStaff = STAFF.filter((s) => access === 'public' || access === 'signedIn' || (access as readonly string[]).includes(s.role));
        const refusedStaff = STAFF.filter((s) => !allowedStaff.includes(s));
        const wrongRole = refusedStaff.length > 0 && g(fc.integer, { min: 0, max: 9 }) === 0;
        const staff = g(fc.constantFrom, ...(wrongRole ? refusedStaff : allowedStaff));
        let connection = (sessions.get(staff.login) as { connection: string }).connection;
        if (SESSION_METHODS.has(method)) {
          connection = 'fuzz-scratch';
          await clientOn(host, connection).call('auth.login', { login: staff.login, password: '123456', counterId: staff.counter });
          if (method === 'auth.unlock' && g(fc.boolean)) await clientOn(host, connection).call('auth.lock', {});
        }

        // a valid input from the schema (retried: refinements across fields are not generated)
        let input: unknown = {};
        for (let attempt = 0; attempt < 6; attempt++) {
          input = g(() => arbitraryOf(spec.input, pools));
          if (spec.input.safeParse(input).success) break;
        }
        const extra = g(fc.integer, { min: 0, max: 3 }) > 0 ? await preset(method, connection, g) : null;
        if (extra && input && typeof input === 'object') input = { ...input, ...extra };
        // 日结 of today locks the hall's money for the rest of the run: only near its end
        if (method === 'day.close' && turn < RUNS * 0.9 && (input as { date?: unknown }).date === '2026-11-23') input = { ...(input as object), date: '2026-11-22' };
        const mutation = g(fc.integer, { min: 0, max: 2 }) === 0 ? g(() => mutationOf(input, UNKNOWN_IDS)) : null;
        if (mutation) input = mutation.input;
        const passesSchema = spec.input.safeParse(input ?? {}).success;

        if (totalChanges() !== fpAt) {
          fp = fingerprint();
          fpAt = totalChanges();
        }
        const res = await clientOn(host, connection).callRaw(method, input);
        const label = `${method} as ${staff.login}${mutation ? ` (${mutation.kind})` : ''}`;

        stats.calls++;
        if (mutation) stats.mutated++;
        if (passesSchema && !wrongRole) {
          stats.reached++;
          if (mutation) stats.reachedMutated++;
        }
        if (res.ok) {
          stats.ok++;
          if (!spec.output.safeParse(res.value).success) problems.push(`${label}: output does not match the contract`);
          if (wrongRole) problems.push(`${label}: accepted from a refused role`);
        } else {
          stats.codes[res.error.code] = (stats.codes[res.error.code] ?? 0) + 1;
          if (process.env.FUZZ_DEBUG && passesSchema && !wrongRole && !mutation) console.log(`DBG ${method} ${res.error.code} ${res.error.field ?? ''} ${res.error.message}`);
          if (!ERROR_CODES.has(res.error.code)) problems.push(`${label}: ${res.error.code} ${res.error.message} ← ${JSON.stringify(input)?.slice(0, 300)}`);
          if (!/[\u4e00-\u9fff]/.test(res.error.message)) problems.push(`${label}: message not in Chinese: ${res.error.message}`);
          if (wrongRole && !(res.error.code === 'FORBIDDEN' && res.error.message === ROUTER_FORBIDDEN)) problems.push(`${label}: a refused role got ${res.error.code}`);
        }

        const changed = totalChanges() !== fpAt;
        if (!res.ok && changed) {
          // something ran a statement: only a rolled-back one (or a failed sign-in's own rows) is allowed
          const after = fingerprint();
          for (const [table, hash] of after) {
            if (fp.get(table) === hash) continue;
            if (SIGN_IN_CODES.has(res.error.code) && SIGN_IN_TABLES.has(table)) continue;
            problems.push(`${label}: refused with ${res.error.code} but wrote ${table}`);
          }
          fp = after;
          fpAt = totalChanges();
        }
        if (res.ok && method === 'auth.changePassword') {
          host.store.sqlite.prepare('UPDATE staff SET password_hash = ? WHERE login = ?').run(originalHashes.get(staff.login), staff.login);
        }
        if (res.ok && changed) for (const p of ledgerProblems(host.store.sqlite)) problems.push(`${label}: ledger: ${p}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    const rows = [...reach].map(([m, r]) => {
      const codes = Object.entries(r.codes)
        .sort()
        .map(([c, n]) => `${c}:${n}`)
        .join(' ');
      return `${m.padEnd(32)} ${String(r.calls).padStart(5)} ${String(r.mutated).padStart(7)} ${String(r.reached).padStart(7)} ${String(r.reachedMutated).padStart(8)} ${String(r.ok).padStart(4)}  ${codes}`;
    });
    console.log(
      [`${'method'.padEnd(32)} ${'calls'.padStart(5)} mutated reached reachMut   ok  error codes`, ...rows].join('\n') +
        `\n${RUNS} calls in ${((Date.now() - started) / 1000).toFixed(1)} s; ${[...reach.values()].reduce((s, r) => s + r.ok, 0)} accepted; seed ${SEED}`,
    );
    expect(problems).toEqual([]);
    expect(METHODS.filter((m) => (reach.get(m) as Reach).reached === 0)).toEqual([]);
    expect(METHODS.filter((m) => (reach.get(m) as Reach).mutated === 0)).toEqual([]);
  }, 420_000);
});
