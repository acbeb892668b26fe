/**
 * Issue 13 #3: WAL checkpoints off the counter's critical path. SQLite's automatic checkpoint runs inside the
 * COMMIT that crosses 1,000 pages, so now and then one clerk's payment paid for copying the WAL into the main
 * file. Instead the write connection has `wal_autocheckpoint = 0` and this checkpointer, ticking every `idleMs`:
 *  - after a tick that saw no new writes since the one before (the counters paused ≥ idleMs), a PASSIVE
 *    checkpoint (it never waits for a writer or a reader and never blocks one);
 *  - whenever the WAL has passed `maxWalBytes`, a PASSIVE checkpoint even while writes go on, and
 *    `journal_size_limit` truncates the WAL back to that size when it restarts: the WAL stays bounded;
 *  - closing the store checkpoints (TRUNCATE) before it closes.
 * Durability is untouched: every commit is still fsynced (synchronous=FULL); a checkpoint only moves committed
 * pages from the WAL into the main file, and a crash between the two loses nothing (the WAL is replayed).
 */
import { existsSync, statSync } from 'node:fs';
import type { Database, Statement } from 'better-sqlite3';

export interface CheckpointPolicy {
  /** A checkpoint once writes have paused this long (and the tick's period). */
  idleMs: number;
  /** A checkpoint whenever the WAL is larger, writes or not; also the size the WAL is cut back to. */
  maxWalBytes: number;
}

export const DEFAULT_CHECKPOINT_POLICY: CheckpointPolicy = { idleMs: 500, maxWalBytes: 32 * 1024 * 1024 };

export type CheckpointReason = 'idle' | 'size';

export class WalCheckpointer {
  private readonly totalChanges: Statement;
  private readonly walFile: string;
  private seen: number;
  /** Writes not yet checkpointed (the migrations at open count). */
  private dirty = true;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly sqlite: Database,
    file: string,
    private readonly policy: CheckpointPolicy,
  ) {
    sqlite.pragma('wal_autocheckpoint = 0');
    sqlite.pragma(`journal_size_limit = ${Math.floor(policy.maxWalBytes)}`);
    this.totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
    this.seen = this.changes();
    this.walFile = `${file}-wal`;
  }

  /** Ticks every idleMs from now on (unref'd: it never keeps a process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (error) {
        console.error('WAL checkpoint failed (retried at the next tick):', error);
      }
    }, this.policy.idleMs);
    this.timer.unref();
  }

  /** One look: checkpoints at idle or past the size limit; returns why it checkpointed, or null. */
  tick(): CheckpointReason | null {
    if (!this.writable()) return null;
    const changes = this.changes();
    const moved = changes !== this.seen;
    this.seen = changes;
    if (this.walBytes() > this.policy.maxWalBytes) {
      this.checkpoint('PASSIVE');
      this.dirty = moved;
      return 'size';
    }
    if (moved) {
      this.dirty = true;
      return null;
    }
    if (!this.dirty) return null;
    this.checkpoint('PASSIVE');
    this.dirty = false;
    return 'idle';
  }

  /** Stops ticking and checkpoints everything (TRUNCATE: the WAL file is left empty). */
  close(): void {
    this.stop();
    if (this.writable()) this.checkpoint('TRUNCATE');
  }

  /** Stops ticking, without a checkpoint. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Not inside a transaction, not while a statement is still being read (an iterator left open across an await: the
   * connection is busy, so not idle either; the next tick looks again), and not a store whose writes are held back
   * (query_only: issue 13 #5's check).
   */
  private writable(): boolean {
    if (!this.sqlite.open || this.sqlite.inTransaction) return false;
    try {
      return this.sqlite.pragma('query_only', { simple: true }) === 0;
    } catch (error) {
      if (error instanceof TypeError && /busy executing a query/.test(error.message)) return false;
      throw error;
    }
  }

  private checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): void {
    this.sqlite.pragma(`wal_checkpoint(${mode})`);
  }

  private changes(): number {
    return Number(this.totalChanges.get());
  }

  private walBytes(): number {
    return existsSync(this.walFile) ? statSync(this.walFile).size : 0;
  }
}
