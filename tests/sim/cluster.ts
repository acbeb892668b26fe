/**
 * Issue 14 (simulation and bench): the moving parts as real processes. A throwaway PostgreSQL cluster
 * (tests/server/pg-cluster.ts), server instances started from `npm run server`'s entry (server/main.ts, bundled
 * once with esbuild so a restart costs a fraction of a second), and counter processes (counter-process.ts, bundled
 * the same way) each behind its own CounterLink proxy. Processes can be SIGKILLed and restarted on the same port /
 * the same SQLite file.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot, migrationsDir } from '../../main/paths.js';
import { openStore } from '../../db/open.js';
import { ROUTES, deviceAuthorization } from '../../server/protocol/index.js';
import { loadCredentials } from '../../main/sync/credentials.js';
import { startPgCluster, type PgCluster } from '../server/pg-cluster.js';
import { CounterLink } from './proxy.js';
import { masterRows, seedSimCompany, SIM_PASSWORD, type SimCounter, type SimHall } from './seed.js';
import type { CounterArgs } from './counter-process.js';

export const SIM_ADMIN_TOKEN = 'sim-admin-token-0123456789abcdef';
export const SIM_COMPANY = 'gas-co';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const bundles = new Map<string, string>();

/** Bundles an entry once per run (packages stay external, resolved from the repository's node_modules). */
export async function bundle(entry: string, name: string): Promise<string> {
  const known = bundles.get(entry);
  if (known) return known;
  const outfile = join(repoRoot, 'node_modules', '.cache', 'gas-hall', `${name}-${process.pid}.mjs`);
  await build({ entryPoints: [join(repoRoot, entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', absWorkingDir: repoRoot, logLevel: 'error' });
  bundles.set(entry, outfile);
  return outfile;
}

export function removeBundles(): void {
  for (const file of bundles.values()) rmSync(file, { force: true });
  bundles.clear();
}

/** Starts counters a few at a time (on a busy 2-core machine twelve host starts at once crawl). */
export async function enrolAll(list: CounterProc[], central: Central, template: string, wave = 4): Promise<void> {
  for (let i = 0; i < list.length; i += wave) await Promise.all(list.slice(i, i + wave).map((c) => c.enrol(central, template)));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ServerInstance {
  child: ChildProcess | null = null;
  kills = 0;
  readonly url: string;
  constructor(
    readonly port: number,
    private readonly script: string,
    private readonly databaseUrl: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    // `npm run server`'s entry as it is (tsx): its migrations folder is found beside its source
    const child = fork(this.script, [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, DATABASE_URL: this.databaseUrl, PORT: String(this.port), HOST: '127.0.0.1', SYNC_ADMIN_TOKEN: SIM_ADMIN_TOKEN, SYNC_POOL_SIZE: '8' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child = child;
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server on ${this.port} exited (${child.exitCode})`);
      try {
        const r = await fetch(`${this.url}${ROUTES.health}`, { signal: AbortSignal.timeout(1000) });
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server on ${this.port} did not start`);
      await sleep(100);
    }
  }

  kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
    this.kills++;
  }

  async stop(): Promise<void> {
    const c = this.child;
    this.child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000).unref();
    });
  }
}

export interface Central {
  cluster: PgCluster;
  databaseUrl: string;
  servers: ServerInstance[];
  admin<T = any>(method: string, path: string, body?: unknown, instance?: number): Promise<T>;
  stop(): Promise<void>;
}

/** PostgreSQL (a throwaway cluster, or DATABASE_URL's server when `databaseUrl` is given) and N server processes. */
export async function startCentral(instances: number, options: { databaseUrl?: string } = {}): Promise<Central> {
  let cluster: PgCluster | null = null;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    cluster = await startPgCluster();
    const { createPool } = await import('../../server/db/pool.js');
    const pool = createPool(cluster.url, 1);
    await pool.query('CREATE DATABASE sync_sim');
    await pool.end();
    databaseUrl = cluster.urlFor('sync_sim');
  }
  const script = join(repoRoot, 'server', 'main.ts');
  const servers: ServerInstance[] = [];
  for (let i = 0; i < instances; i++) {
    const s = new ServerInstance(await freePort(), script, databaseUrl);
    await s.start(); // one after the other: the first applies the migrations
    servers.push(s);
  }
  const admin: Central['admin'] = async (method, path, body, instance = 0) => {
    const r = await fetch(`${servers[instance]?.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${SIM_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    cluster: cluster as PgCluster,
    databaseUrl,
    servers,
    admin,
    async stop() {
      for (const s of servers) await s.stop();
      cluster?.stop();
    },
  };
}

/** The template store every counter starts from, and the same master rows imported centrally. */
export async function prepareCompany(central: Central, dir: string, halls: SimHall[], accounts: number, today: string): Promise<string> {
  const template = join(dir, 'template.db');
  const store = openStore(template, { migrationsDir });
  seedSimCompany(store.sqlite, halls, accounts, today);
  for (const rows of masterRows(store.sqlite, 5000)) await central.admin('POST', ROUTES.adminRows, { companyId: SIM_COMPANY, rows });
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return template;
}

type Reply = { id: number; ok: boolean; value?: any; error?: string };

export class CounterProc {
  child: ChildProcess | null = null;
  readonly link: CounterLink;
  readonly dbFile: string;
  deviceId: string | null = null;
  kills = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void }>();

  constructor(
    readonly hall: SimHall,
    readonly counter: SimCounter,
    readonly dir: string,
    private readonly script: string,
    targets: () => string[],
    private readonly pullMs = 300,
  ) {
    this.link = new CounterLink(targets);
    this.dbFile = join(dir, 'counter.db');
  }

  /** First start: a copy of the template, a one-time code from the administrator. */
  async enrol(central: Central, template: string): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    if (!existsSync(this.dbFile)) copyFileSync(template, this.dbFile);
    await this.link.listen();
    // an enrolment whose answer was lost (a busy machine's timeout) used its code: the administrator makes another
    for (let attempt = 1; ; attempt++) {
      const { code } = await central.admin<{ code: string }>('POST', ROUTES.adminCodes, { companyId: SIM_COMPANY, hallId: this.hall.id, counterId: this.counter.id });
      try {
        await this.start(code);
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
  }

  async start(code?: string): Promise<void> {
    const args: CounterArgs = {
      dbFile: this.dbFile,
      migrationsDir,
      hallId: this.hall.id,
      counterId: this.counter.id,
      clerk: this.counter.clerk,
      manager: this.hall.manager,
      admin: this.hall.admin,
      password: SIM_PASSWORD,
      serverUrl: this.link.url,
      pullMs: this.pullMs,
      ...(code ? { code } : {}),
    };
    const child = fork(this.script, [JSON.stringify(args)], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.child = child;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.counter.code} did not start`)), 240_000);
      child.on('message', (m: Reply | { ready: true; deviceId: string }) => {
        if ('ready' in m) {
          clearTimeout(timer);
          this.deviceId = m.deviceId;
          resolve();
          return;
        }
        this.waiting.get(m.id)?.resolve(m);
        this.waiting.delete(m.id);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.counter.code} exited (${code}) before it was ready`));
        for (const w of this.waiting.values()) w.resolve({ id: -1, ok: false, error: 'killed' });
        this.waiting.clear();
      });
    });
    await ready;
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  call(cmd: string, args: unknown = {}, timeoutMs = 180_000): Promise<Reply> {
    const child = this.child;
    if (!child || !this.alive) return Promise.resolve({ id: -1, ok: false, error: 'not running' });
    const id = ++this.seq;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ id, ok: false, error: 'timeout' });
      }, timeoutMs);
      this.waiting.set(id, { resolve: (r) => (clearTimeout(timer), resolve(r)) });
      child.send({ id, cmd, args });
    });
  }

  async kill(): Promise<void> {
    const c = this.child;
    this.child = null;
    if (!c) return;
    const exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.kill('SIGKILL');
    await exited;
    this.kills++;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const c = this.child;
    const exited = new Promise<void>((resolve) => c?.once('exit', () => resolve()));
    await this.call('stop', {}, 10_000);
    await Promise.race([exited, sleep(5000)]);
    if (c && c.exitCode === null) c.kill('SIGKILL');
    this.child = null;
  }

  /** The device's own view of the server (credential from the counter's file): ack and anchored audit head. */
  async serverPushState(serverUrl: string): Promise<{ ackSeq: number; auditHead: { seq: number; hash: string } | null }> {
    const c = loadCredentials(join(this.dir, 'sync-device.json'));
    if (!c) throw new Error('not enrolled');
    const r = await fetch(`${serverUrl}${ROUTES.pushState}`, { headers: { authorization: deviceAuthorization(c.deviceId, c.secret) } });
    return (await r.json()) as { ackSeq: number; auditHead: { seq: number; hash: string } | null };
  }
}
