/**
 * Issue 14 #4: 柜台日终. When a counter finishes its business day (a clerk signs the 日收银报表, or 本机日终 is chosen) a
 * marker fact is written in the same transaction: the counter's payments of the day (count, total fen; 冲正 rows
 * count as payments, negated), the outbox position the day is complete through and the audit chain's head. It goes
 * up through the outbox like any fact (and on the USB day file); the pusher also hands it to the server's day-marker
 * endpoint once every event through `throughSeq` is acknowledged (main/sync/pusher.ts). A later marker of the same
 * counter and day supersedes an earlier one.
 */
import type { Tx } from '../../db/open.js';
import { clientOf } from '../../db/statements.js';
import { uuidv7 } from '../ids.js';
import { chainHead } from '../services/audit.js';
import { lastSeq } from './outbox.js';

export interface DayMarkerInput {
  hallId: string;
  counterId: string;
  businessDate: string;
  reason: 'cash_report' | 'counter_end';
  ref: string;
  deviceId: string | null;
}

export interface DayMarker {
  id: string;
  hallId: string;
  counterId: string;
  businessDate: string;
  paymentCount: number;
  totalFen: number;
  throughSeq: number;
  headSeq: number;
  headHash: string;
}

/** Writes the marker inside the caller's transaction, after the operation's own audit row. */
export function recordDayMarker(tx: Tx, input: DayMarkerInput, at: Date): DayMarker {
  const sqlite = clientOf(tx);
  const head = chainHead(tx);
  if (!head) throw new Error('recordDayMarker: the audit chain is empty');
  const figures = sqlite
    .prepare('SELECT count(*) AS n, coalesce(sum(total_fen), 0) AS total FROM payments WHERE hall_id = ? AND business_date = ? AND counter_id = ?')
    .get(input.hallId, input.businessDate, input.counterId) as { n: number; total: number };
  const marker: DayMarker = {
    id: uuidv7(at.getTime()),
    hallId: input.hallId,
    counterId: input.counterId,
    businessDate: input.businessDate,
    paymentCount: figures.n,
    totalFen: figures.total,
    throughSeq: lastSeq(sqlite),
    headSeq: head.seq,
    headHash: head.hash,
  };
  sqlite
    .prepare(
      `INSERT INTO counter_day_markers (id, hall_id, business_date, device_id, counter_id, payment_count, total_fen, through_seq, head_seq, head_hash, reason, ref, created_at)
       VALUES (@id, @hallId, @businessDate, @deviceId, @counterId, @paymentCount, @totalFen, @throughSeq, @headSeq, @headHash, @reason, @ref, @createdAt)`,
    )
    .run({ ...marker, deviceId: input.deviceId, reason: input.reason, ref: input.ref, createdAt: at.toISOString() });
  return marker;
}
