/**
 * Issue 14 #2: the background puller. While this PC is enrolled it brings the central server's change feed down
 * (server/protocol/feed.ts) and applies it (main/sync/applier.ts), page after page while the server says there is
 * more, then waits (a kick looks sooner). A new counter first loads the snapshot of the company's master data (each
 * table page by page, resumable: the position of each table is kept in sync_cursors), then follows the feed from the
 * cursor the snapshot began at. It also sends the hall manager's 异常 decisions to the server. Errors back off
 * exponentially with full jitter; a page that does not match the contract changes nothing and is retried after the
 * back-off; 401 (revoked) stops it with a clear message. No counter transaction waits for the network: each page is
 * applied in one short transaction between requests.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { deviceAuthorization, DEFAULT_FEED_LIMIT, MAX_SNAPSHOT_LIMIT, resolveAnomalyRequest, ROUTES, snapshotStart, SNAPSHOT_TABLES } from '../../server/protocol/index.js';
import { applyFeedPage, readCursor, writeCursor } from './applier.js';
import { loadCredentials, type StoredCredentials } from './credentials.js';
import { SyncHttpError, SyncNetworkError, syncRequest } from './http.js';
import { finishSnapshot, loadSnapshotPage, withSnapshotCache } from './snapshot.js';
import { backoffDelay, WakeableSleep } from './wakeable-sleep.js';

export type PullerState = 'not_enrolled' | 'snapshot' | 'pulling' | 'idle' | 'offline' | 'error' | 'revoked' | 'stopped';

export interface PullerStatus {
  state: PullerState;
  cursor: string | null;
  lastPullAt: string | null;
  lastError: string | null;
  /** Rows applied, skipped and refused (sync_problems) since start. */
  applied: number;
  problems: number;
  /** Snapshot progress: rows loaded of the counts the server gave at its start. */
  snapshotRows: number;
  snapshotTotal: number;
  failures: number;
}

export interface PullerOptions {
  sqlite: Database.Database;
  credentialsFile: string;
  now?: () => Date;
  idleMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  feedLimit?: number;
  snapshotLimit?: number;
  requestTimeoutMs?: number;
  onChange?: (status: PullerStatus) => void;
}

export const PULL_REVOKED_MESSAGE = '中心服务器拒绝了本机的凭据（已吊销或未登记），已停止接收同步数据';

const MAIN_FEED = 'main';
const SNAPSHOT_START = 'snapshot.start';
const DONE = '-';

class Stopped extends Error {}

interface Decision {
  id: string;
  serverId: string;
  resolution: 'refund' | 'keep' | 'acknowledged';
  resolvedBy: string;
  note: string | null;
}

export class Puller {
  private readonly o: Required<Omit<PullerOptions, 'onChange'>> & Pick<PullerOptions, 'onChange'>;
  private state: PullerState = 'stopped';
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly nap = new WakeableSleep();
  private lastPullAt: string | null = null;
  private lastError: string | null = null;
  private applied = 0;
  private problems = 0;
  private snapshotRows = 0;
  private snapshotTotal = 0;
  private failures = 0;

  constructor(options: PullerOptions) {
    this.o = {
      now: () => new Date(),
      idleMs: 5_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 60_000,
      random: Math.random,
      feedLimit: DEFAULT_FEED_LIMIT,
      snapshotLimit: MAX_SNAPSHOT_LIMIT,
      requestTimeoutMs: 30_000,
      ...options,
    };
  }

  status(): PullerStatus {
    let cursor: string | null = null;
    try {
      cursor = readCursor(this.o.sqlite, MAIN_FEED);
    } catch {
      cursor = null;
    }
    return { state: this.state, cursor, lastPullAt: this.lastPullAt, lastError: this.lastError, applied: this.applied, problems: this.problems, snapshotRows: this.snapshotRows, snapshotTotal: this.snapshotTotal, failures: this.failures };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nap.wake();
    await this.loop;
    this.loop = null;
    this.setState('stopped');
  }

  /** Look now (a decision was taken, 立即同步, a test). */
  kick(): void {
    this.nap.wake();
  }

  /** One full round now, for tests and 立即同步: snapshot if needed, the feed to its end, the decisions. */
  async pullOnce(): Promise<void> {
    const credentials = loadCredentials(this.o.credentialsFile);
    if (!credentials) throw new Error('not enrolled');
    const wasRunning = this.running;
    this.running = true;
    try {
      await this.cycle(credentials);
    } finally {
      this.running = wasRunning;
    }
  }

  private setState(state: PullerState): void {
    if (state === this.state) return;
    this.state = state;
    this.o.onChange?.(this.status());
  }

  private alive(): void {
    if (!this.running) throw new Stopped();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let credentials: StoredCredentials | null = null;
      try {
        credentials = loadCredentials(this.o.credentialsFile);
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.setState('error');
        await this.nap.sleep(this.o.idleMs);
        continue;
      }
      if (!credentials) {
        this.setState('not_enrolled');
        await this.nap.sleep(this.o.idleMs);
        continue;
      }
      try {
        await this.cycle(credentials);
        this.failures = 0;
        this.lastError = null;
        this.setState('idle');
        await this.nap.sleep(this.o.idleMs);
      } catch (error) {
        if (error instanceof Stopped || !this.running) return;
        this.lastError = error instanceof Error ? error.message : String(error);
        if (error instanceof SyncHttpError && error.status === 401) {
          this.lastError = PULL_REVOKED_MESSAGE;
          this.running = false;
          this.setState('revoked');
          return;
        }
        this.failures++;
        this.setState(error instanceof SyncNetworkError ? 'offline' : 'error');
        await this.nap.sleep(backoffDelay(this.failures, this.o.backoffBaseMs, this.o.backoffMaxMs, this.o.random));
      }
    }
  }

  private async get<T extends z.ZodType>(credentials: StoredCredentials, path: string, answer: T): Promise<z.output<T>> {
    const authorization = deviceAuthorization(credentials.deviceId, credentials.secret);
    const r = await syncRequest(credentials.serverUrl, { method: 'GET', path, authorization, answer, timeoutMs: this.o.requestTimeoutMs });
    this.alive();
    return r;
  }

  private async cycle(credentials: StoredCredentials): Promise<void> {
    const { sqlite } = this.o;
    if (readCursor(sqlite, MAIN_FEED) === null) await withSnapshotCache(sqlite, () => this.snapshot(credentials));
    this.setState('pulling');
    for (;;) {
      const cursor = readCursor(sqlite, MAIN_FEED) ?? '';
      const query = `?limit=${this.o.feedLimit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      // checked by the applier against the contract (a page that does not match changes nothing)
      const raw = await this.get(credentials, `${ROUTES.feed}${query}`, z.unknown());
      const r = applyFeedPage(sqlite, raw, { now: this.o.now(), ownDeviceId: credentials.deviceId, ownHallId: credentials.hallId });
      this.applied += r.applied;
      this.problems += r.problems;
      this.lastPullAt = this.o.now().toISOString();
      if (!r.more) break;
    }
    await this.sendDecisions(credentials);
  }

  /** The company's master data, table by table; resumable (each table's position in sync_cursors). */
  private async snapshot(credentials: StoredCredentials): Promise<void> {
    const { sqlite } = this.o;
    this.setState('snapshot');
    let start = readCursor(sqlite, SNAPSHOT_START);
    if (start === null) {
      const s = await this.get(credentials, ROUTES.snapshotStart, snapshotStart);
      this.snapshotTotal = Object.values(s.counts).reduce((a, b) => a + b, 0);
      writeCursor(sqlite, SNAPSHOT_START, s.feedCursor || DONE, this.o.now());
      start = s.feedCursor || DONE;
    }
    const page = (table: string, after: string) =>
      this.get(credentials, `${ROUTES.snapshot}?table=${table}&limit=${this.o.snapshotLimit}${after ? `&after=${encodeURIComponent(after)}` : ''}`, z.unknown());
    /** the `next` of a page as the server sent it (checked again by loadSnapshotPage before anything is written) */
    const nextOf = (raw: unknown): string | null | undefined => {
      const next = typeof raw === 'object' && raw !== null ? (raw as { next?: unknown }).next : undefined;
      return typeof next === 'string' && next !== '' ? next : next === null ? null : undefined;
    };
    for (const table of SNAPSHOT_TABLES) {
      let after = readCursor(sqlite, `snapshot.${table}`);
      let fetching = after === DONE ? null : page(table, after ?? '');
      while (fetching) {
        const raw = await fetching;
        // the next page is asked for while this one is written (the server builds it meanwhile)
        const ahead = nextOf(raw);
        fetching = typeof ahead === 'string' ? page(table, ahead) : null;
        fetching?.catch(() => {}); // a failure surfaces when it is awaited
        const r = loadSnapshotPage(sqlite, raw, this.o.now(), { deviceId: credentials.deviceId, hallId: credentials.hallId });
        this.snapshotRows += r.rows;
        this.problems += r.problems;
        after = r.next ?? DONE;
        writeCursor(sqlite, `snapshot.${table}`, after, this.o.now());
        this.o.onChange?.(this.status());
        if (after === DONE) fetching = null;
      }
    }
    // the search index deferred by the pages, built once from the tables (before the feed starts)
    finishSnapshot(sqlite);
    writeCursor(sqlite, MAIN_FEED, start === DONE ? '' : start, this.o.now());
  }

  /** The hall manager's 异常 decisions taken here, sent once (the server keeps the first decision). */
  private async sendDecisions(credentials: StoredCredentials): Promise<void> {
    const { sqlite } = this.o;
    const pending = sqlite
      .prepare(
        `SELECT x.id, x.server_id AS serverId, x.resolution, coalesce(s.login, x.resolved_by) AS resolvedBy, x.note FROM sync_anomalies x JOIN staff s ON s.id = x.resolved_by
         WHERE x.resolution IS NOT NULL AND x.sent_at IS NULL AND x.server_id IS NOT NULL`,
      )
      .all() as Decision[];
    const authorization = deviceAuthorization(credentials.deviceId, credentials.secret);
    for (const d of pending) {
      const body = resolveAnomalyRequest.parse({ resolution: d.resolution, resolvedBy: d.resolvedBy, ...(d.note ? { note: d.note.slice(0, 500) } : {}) });
      await syncRequest(credentials.serverUrl, { method: 'POST', path: ROUTES.resolveAnomaly(d.serverId), authorization, body, answer: z.unknown(), timeoutMs: this.o.requestTimeoutMs });
      this.alive();
      sqlite.prepare('UPDATE sync_anomalies SET sent_at = ? WHERE id = ? AND sent_at IS NULL').run(this.o.now().toISOString(), d.id);
    }
  }
}
