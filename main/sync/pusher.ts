/**
 * Issue 14 #3: the background pusher. Sends the outbox's events in order, in batches, to the central server
 * (server/protocol/push.ts), from the server's own acknowledged position: on start it asks the server where it
 * stands (ROUTES.pushState), after every answer it continues from the `ackSeq` the server gave, and after any error
 * it sends again from the last acknowledgement (the server ignores duplicates), so a lost answer, a killed server
 * or a repeated batch never loses or doubles an event. Errors back off exponentially with full jitter; 401 (revoked
 * or unknown credential) stops it at once with a clear message. Every outbox read is one short statement on the
 * store's connection between awaits: no counter transaction ever waits for the network.
 *
 * After each acknowledged batch it hands the counter's day markers (main/sync/day-marker.ts) to the server once
 * their day is acknowledged, and prunes acknowledged events past the retention period.
 */
import type Database from 'better-sqlite3';
import { deviceAuthorization, pushResponse, pushState, ROUTES, dayMarkerResponse, MAX_PUSH_EVENTS, type DayMarkerRequest } from '../../server/protocol/index.js';
import { loadCredentials, type StoredCredentials } from './credentials.js';
import { SyncHttpError, SyncNetworkError, syncRequest } from './http.js';
import { auditHeadThrough, lastSeq, markAcked, pendingCount, pendingPayments, pruneAcked, pushPosition, readBatch, recordPushError, toEvent } from './outbox.js';
import { backoffDelay, WakeableSleep } from './wakeable-sleep.js';

export type PusherState = 'not_enrolled' | 'idle' | 'pushing' | 'offline' | 'error' | 'revoked' | 'stopped';

export interface PusherStatus {
  state: PusherState;
  /** Outbox events not acknowledged yet. */
  pending: number;
  /** Of them, payments (收费, 冲正 included): what a clerk counts. */
  pendingPayments: number;
  ackedSeq: number;
  lastSeq: number;
  lastPushAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Money conflicts and refused changes the server reported for this PC's events since start. */
  conflicts: number;
  /** Consecutive failed attempts (0 when the last one succeeded). */
  failures: number;
  /** When the next attempt is due after a failure (ISO), null otherwise. */
  retryAt: string | null;
}

export interface PusherOptions {
  sqlite: Database.Database;
  credentialsFile: string;
  now?: () => Date;
  /** Events per request (at most the protocol's MAX_PUSH_EVENTS). */
  batchSize?: number;
  /** How long to wait when everything is sent before looking again (a commit kicks it sooner). */
  idleMs?: number;
  /** Back-off after a failure: min(maxMs, baseMs·2^(failures−1)), then a uniformly random part of it (full jitter). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  /** Acknowledged events are kept this long (the USB day file of a recent day needs them), then pruned. */
  retentionDays?: number;
  requestTimeoutMs?: number;
  /** Called on every state change (the status bar's push). */
  onChange?: (status: PusherStatus) => void;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_RETENTION_DAYS = 14;

export const REVOKED_MESSAGE = '中心服务器拒绝了本机的凭据（已吊销或未登记），已停止上传：请管理员在“中心服务器”设置中重新登记本机';

export { backoffDelay };

/** Stops the loop for good (until re-enrolment): a store older than what the server has, or a hole the outbox cannot fill. */
class PushHalt extends Error {}

/** The pusher was stopped while a request was in flight: leave without touching the store (it may be closed). */
class Stopped extends Error {}

export class Pusher {
  private readonly o: Required<Omit<PusherOptions, 'onChange'>> & Pick<PusherOptions, 'onChange'>;
  private state: PusherState = 'stopped';
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly nap = new WakeableSleep();
  private serverAck: number | null = null;
  private conflicts = 0;
  private failures = 0;
  private retryAt: Date | null = null;
  private lastPruneAt = 0;

  constructor(options: PusherOptions) {
    this.o = {
      now: () => new Date(),
      batchSize: DEFAULT_BATCH_SIZE,
      idleMs: 2_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 60_000,
      random: Math.random,
      retentionDays: DEFAULT_RETENTION_DAYS,
      requestTimeoutMs: 30_000,
      ...options,
    };
    this.o.batchSize = Math.max(1, Math.min(this.o.batchSize, MAX_PUSH_EVENTS));
  }

  status(): PusherStatus {
    const p = pushPosition(this.o.sqlite);
    return {
      state: this.state,
      pending: pendingCount(this.o.sqlite),
      pendingPayments: pendingPayments(this.o.sqlite),
      ackedSeq: p.ackedSeq,
      lastSeq: p.lastSeq,
      lastPushAt: p.lastPushAt,
      lastError: p.lastError,
      lastErrorAt: p.lastErrorAt,
      conflicts: this.conflicts,
      failures: this.failures,
      retryAt: this.retryAt?.toISOString() ?? null,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.serverAck = null;
    this.failures = 0;
    this.setState('pushing');
    this.loop = this.run();
  }

  /** Stops after the request in flight (if any) ends or times out. */
  async stop(): Promise<void> {
    this.running = false;
    this.nap.wake();
    await this.loop;
    this.loop = null;
    this.setState('stopped');
  }

  /** A commit or 立即上传: look now instead of at the end of the idle wait (not during a back-off unless `now`). */
  kick(now = false): void {
    if (now) this.retryAt = null;
    if (this.state === 'idle' || now) this.nap.wake();
  }

  /** Starts again after a re-enrolment or after it halted (401, restored store). */
  restart(): Promise<void> {
    return this.stop().then(() => this.start());
  }

  private setState(state: PusherState): void {
    if (state === this.state) return;
    this.state = state;
    this.o.onChange?.(this.status());
  }

  private async run(): Promise<void> {
    try {
      await this.runLoop();
    } catch (error) {
      if (error instanceof Stopped || !this.running) return;
      this.running = false;
      try {
        this.fail(error, 'error');
      } catch {
        // the store itself refused (closed, damaged): nothing more to record
      }
    }
  }

  /** After an await: the store may have been closed meanwhile. */
  private alive(): void {
    if (!this.running) throw new Stopped();
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      let credentials: StoredCredentials | null;
      try {
        credentials = loadCredentials(this.o.credentialsFile);
      } catch (error) {
        this.fail(error, 'error');
        this.running = false;
        break;
      }
      if (!credentials) {
        this.setState('not_enrolled');
        await this.nap.sleep(this.o.idleMs);
        continue;
      }
      try {
        const more = await this.cycle(credentials);
        this.failures = 0;
        this.retryAt = null;
        if (!more) {
          this.setState('idle');
          await this.nap.sleep(this.o.idleMs);
        }
      } catch (error) {
        if (error instanceof Stopped || !this.running) return;
        if (error instanceof SyncHttpError && error.status === 401) {
          recordPushError(this.o.sqlite, REVOKED_MESSAGE, this.o.now());
          this.serverAck = null;
          this.running = false;
          this.setState('revoked');
          break;
        }
        if (error instanceof PushHalt) {
          this.fail(error, 'error');
          this.running = false;
          break;
        }
        this.serverAck = null; // resend from the server's acknowledgement, asked again
        this.failures++;
        const delay = backoffDelay(this.failures, this.o.backoffBaseMs, this.o.backoffMaxMs, this.o.random);
        this.retryAt = new Date(this.o.now().getTime() + delay);
        this.fail(error, error instanceof SyncNetworkError ? 'offline' : 'error');
        await this.nap.sleep(delay);
      }
    }
  }

  private fail(error: unknown, state: PusherState): void {
    const message = error instanceof Error ? error.message : String(error);
    recordPushError(this.o.sqlite, message, this.o.now());
    this.setState(state);
    this.o.onChange?.(this.status());
  }

  /** One round: learn the server's position if unknown, push one batch, hand over due markers. True when more is waiting. */
  private async cycle(credentials: StoredCredentials): Promise<boolean> {
    const authorization = deviceAuthorization(credentials.deviceId, credentials.secret);
    const { sqlite } = this.o;
    const base = credentials.seqBase;
    if (this.serverAck === null) {
      const state = await syncRequest(credentials.serverUrl, { method: 'GET', path: ROUTES.pushState, authorization, answer: pushState, timeoutMs: this.o.requestTimeoutMs });
      this.alive();
      const mine = lastSeq(sqlite);
      if (state.ackSeq + base > mine) {
        throw new PushHalt(
          `中心服务器已收到本机第 ${state.ackSeq + base} 条记录，而本机只记到第 ${mine} 条：本机数据可能恢复自旧备份。已停止上传，请管理员核对后重新登记本机`,
        );
      }
      this.serverAck = state.ackSeq + base;
      markAcked(sqlite, this.serverAck, this.o.now());
    }
    const from = this.serverAck;
    const rows = readBatch(sqlite, from, this.o.batchSize);
    if (rows.length > 0) {
      const first = rows[0];
      if (first && first.seq !== from + 1) {
        throw new PushHalt(`中心服务器缺少本机第 ${from + 1} 条起的记录，而本机已清理到第 ${first.seq - 1} 条：请用日终文件补交后重新登记本机`);
      }
      this.setState('pushing');
      const last = rows[rows.length - 1];
      const answer = await syncRequest(credentials.serverUrl, {
        method: 'POST',
        path: ROUTES.push,
        authorization,
        body: { events: rows.map((r) => toEvent(r, base)), auditHead: auditHeadThrough(sqlite, last?.seq ?? from) },
        answer: pushResponse,
        timeoutMs: this.o.requestTimeoutMs,
      });
      this.alive();
      this.conflicts += answer.conflicts.length;
      const acked = answer.ackSeq + base;
      if (acked < from) throw new SyncHttpError(200, 'ACK_BACKWARDS', `中心服务器的确认位置倒退（${acked} < ${from}）`);
      this.serverAck = Math.min(acked, lastSeq(sqlite));
      markAcked(sqlite, this.serverAck, this.o.now());
      this.o.onChange?.(this.status());
      if (acked === from) throw new SyncHttpError(200, 'NO_PROGRESS', '中心服务器没有接收这批记录，稍后重试');
    }
    await this.deliverMarkers(credentials, authorization);
    this.prune();
    return lastSeq(sqlite) > (this.serverAck ?? 0);
  }

  /** Day markers of this PC whose day the server has acknowledged, not handed over yet (oldest first). */
  private async deliverMarkers(credentials: StoredCredentials, authorization: string): Promise<void> {
    const { sqlite } = this.o;
    const due = sqlite
      .prepare(
        `SELECT m.id, m.hall_id AS hallId, m.counter_id AS counterId, m.business_date AS businessDate, m.payment_count AS paymentCount,
                m.total_fen AS totalFen, m.through_seq AS throughSeq, m.head_seq AS headSeq, m.head_hash AS headHash
         FROM counter_day_markers m
         WHERE m.through_seq <= ? AND m.through_seq >= ? AND NOT EXISTS (SELECT 1 FROM sync_marker_deliveries d WHERE d.marker_id = m.id)
           AND EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = 'counter_day_markers' AND o.row_id = m.id)
         ORDER BY m.through_seq LIMIT 20`,
      )
      .all(this.serverAck ?? 0, credentials.seqBase) as (Omit<DayMarkerRequest, 'auditHead'> & { id: string; headSeq: number; headHash: string })[];
    for (const m of due) {
      const body: DayMarkerRequest = {
        hallId: m.hallId,
        counterId: m.counterId,
        businessDate: m.businessDate,
        paymentCount: m.paymentCount,
        totalFen: m.totalFen,
        auditHead: { seq: m.headSeq, hash: m.headHash },
        throughSeq: m.throughSeq - credentials.seqBase,
      };
      const answer = await syncRequest(credentials.serverUrl, { method: 'POST', path: ROUTES.dayMarker, authorization, body, answer: dayMarkerResponse, timeoutMs: this.o.requestTimeoutMs });
      this.alive();
      sqlite.prepare('INSERT OR IGNORE INTO sync_marker_deliveries (marker_id, delivered_at, mismatch) VALUES (?, ?, ?)').run(m.id, this.o.now().toISOString(), answer.mismatch ? 1 : 0);
    }
  }

  /** At most once an hour: acknowledged events older than the retention period go. */
  private prune(): void {
    const now = this.o.now().getTime();
    if (now - this.lastPruneAt < 3_600_000) return;
    this.lastPruneAt = now;
    pruneAcked(this.o.sqlite, new Date(now - this.o.retentionDays * 86_400_000));
  }
}
