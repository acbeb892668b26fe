/**
 * Issue 14: hall day close across counters. Each counter sends its own end-of-day marker once its day's events
 * are pushed; the hall manager's 日结 asks the hall day status and waits until every counter of the hall has one.
 *
 * POST ROUTES.dayMarker (device): `throughSeq` is the last outbox seq of that day's events (the counter's outbox
 * seq when it made the marker). If the server's ackSeq for the device is below it → 409 NOT_YET_PUSHED (push
 * first, then send the marker again). Sending the same marker again is harmless (200, the stored one); a marker
 * for the same counter and date with other figures replaces it only with a higher throughSeq (a late payment
 * posted onto the day, R-IC-07). The server compares the marker with the payments it holds for that counter and
 * day; a difference is answered in `mismatch` and recorded as a `day_marker_mismatch` anomaly.
 * Markers of other counters flow down the feed under DAY_MARKER_FEED_TABLE (row = dayMarkerFeedRow).
 */
import { z } from 'zod';
import { auditHead, businessDate, fenAmount, isoInstant, syncId } from './common.js';

export const dayMarkerRequest = z
  .object({
    hallId: syncId,
    counterId: syncId,
    businessDate,
    /** Payments of this counter on that date (冲正 rows included: they are payments too). */
    paymentCount: z.number().int().nonnegative(),
    /** Their total_fen summed (冲正 negative). */
    totalFen: fenAmount,
    auditHead: auditHead.nullable(),
    throughSeq: z.number().int().nonnegative(),
  })
  .strict();
export type DayMarkerRequest = z.infer<typeof dayMarkerRequest>;

const dayMarkerRecordObject = dayMarkerRequest.extend({
  deviceId: syncId,
  receivedAt: isoInstant,
  /** What the server holds for this counter and day when the marker came. */
  serverPaymentCount: z.number().int().nonnegative(),
  serverTotalFen: fenAmount,
});

/** A marker as a feed row (DAY_MARKER_FEED_TABLE, rowId `<counterId>|<businessDate>`): flat, the head split in two. */
export const dayMarkerFeedRow = dayMarkerRecordObject.omit({ auditHead: true }).extend({
  auditSeq: z.number().int().nullable(),
  auditHash: z.string().nullable(),
});
export type DayMarkerFeedRow = z.infer<typeof dayMarkerFeedRow>;

/** The flat feed row (auditSeq/auditHash) read back into the record's shape; anything else passes unchanged. */
function fromFeedRow(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || 'auditHead' in value || !('auditSeq' in value)) return value;
  const { auditSeq, auditHash, ...rest } = value as Record<string, unknown>;
  return { ...rest, auditHead: typeof auditSeq === 'number' && typeof auditHash === 'string' ? { seq: auditSeq, hash: auditHash } : null };
}

/** A stored marker. Parses the record or its feed row form (so `dayMarkerRecord.parse(change.row)` works on the feed). */
export const dayMarkerRecord = z.preprocess(fromFeedRow, dayMarkerRecordObject);
export type DayMarkerRecord = z.infer<typeof dayMarkerRecordObject>;

export function dayMarkerToFeedRow(record: DayMarkerRecord): DayMarkerFeedRow {
  const { auditHead, ...rest } = record;
  return { ...rest, auditSeq: auditHead?.seq ?? null, auditHash: auditHead?.hash ?? null };
}

export const dayMarkerResponse = z.object({
  marker: dayMarkerRecord,
  /** True when the server's count or total differs from the marker (also a day_marker_mismatch anomaly). */
  mismatch: z.boolean(),
});
export type DayMarkerResponse = z.infer<typeof dayMarkerResponse>;

/** GET ROUTES.hallDay(hallId, date) (device of that hall, or admin). */
export const hallDayStatus = z.object({
  hallId: syncId,
  businessDate,
  /** Every counter of the hall (master `counters` rows of the hall and enrolled, unrevoked devices' counters). */
  counters: z.array(
    z.object({
      counterId: syncId,
      marker: dayMarkerRecord.nullable(),
    }),
  ),
  /** Counters without a marker for the date: what the 日结 report lists as missing. */
  missing: z.array(syncId),
  /** True when no counter is missing. */
  complete: z.boolean(),
  /** The server's figures for the hall and date (all counters). */
  paymentCount: z.number().int().nonnegative(),
  totalFen: fenAmount,
});
export type HallDayStatus = z.infer<typeof hallDayStatus>;
