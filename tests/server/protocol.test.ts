/** Issue 14: the wire contract's own rules (no server needed). */
import { describe, expect, it } from 'vitest';
import { dayMarkerRecord, dayMarkerToFeedRow, feedChange, isLocalTable, isMasterTable, isUpstreamOnlyTable, pushRequest, type DayMarkerRecord } from '../../server/protocol/index.js';

const record: DayMarkerRecord = {
  hallId: 'H1', counterId: 'K1', businessDate: '2026-12-01', paymentCount: 3, totalFen: 3599,
  auditHead: { seq: 12, hash: 'ab'.repeat(32) }, throughSeq: 40, deviceId: 'd1', receivedAt: '2026-12-01T10:00:00.000Z',
  serverPaymentCount: 3, serverTotalFen: 3599,
};

describe('sync contract', () => {
  it('a day marker travels the feed as a flat row and reads back as the record', () => {
    const row = dayMarkerToFeedRow(record);
    const change = feedChange.parse({ cursor: '5.7', table: 'sync_day_markers', op: 'insert', rowId: 'K1|2026-12-01', row, originDeviceId: 'd1', hallId: 'H1' });
    expect(dayMarkerRecord.parse(change.row)).toEqual(record);
    expect(dayMarkerRecord.parse({ ...record })).toEqual(record);
    expect(dayMarkerRecord.parse(dayMarkerToFeedRow({ ...record, auditHead: null })).auditHead).toBeNull();
  });

  it('classifies tables: master, upstream-only, local (sync_* included)', () => {
    expect(isMasterTable('bills')).toBe(true);
    expect(isMasterTable('payments')).toBe(false);
    expect(isUpstreamOnlyTable('audit_log')).toBe(true);
    expect(isLocalTable('sync_outbox')).toBe(true);
    expect(isLocalTable('sign_in_failures')).toBe(true);
    expect(isLocalTable('payments')).toBe(false);
  });

  it('a push refuses fractional seqs, nested values and unknown keys', () => {
    const event = { seq: 1, table: 'payments', op: 'insert', rowId: 'p1', row: { total_fen: 1 }, at: '2026-12-01T00:00:00Z' };
    expect(pushRequest.safeParse({ events: [event], auditHead: null }).success).toBe(true);
    expect(pushRequest.safeParse({ events: [{ ...event, seq: 1.5 }], auditHead: null }).success).toBe(false);
    expect(pushRequest.safeParse({ events: [{ ...event, row: { a: [1] } }], auditHead: null }).success).toBe(false);
    expect(pushRequest.safeParse({ events: [{ ...event, deviceId: 'x' }], auditHead: null }).success).toBe(false);
  });
});
