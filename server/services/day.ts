/**
 * Issue 14: counters' end-of-day markers and the hall's day status for the manager's 日结. A marker is taken only
 * when the server holds the counter's events through `throughSeq` (409 otherwise); it is compared with the
 * payments the server holds for that counter and day (a difference is a day_marker_mismatch anomaly).
 */
import { DAY_MARKER_FEED_TABLE, dayMarkerToFeedRow, type DayMarkerRecord, type DayMarkerRequest, type DayMarkerResponse, type HallDayStatus } from '../protocol/index.js';
import { formatYuan } from '../../preload/kernel/money.js';
import { inTransaction, type Client, type Pool } from '../db/pool.js';
import { HttpError, forbidden } from '../http/errors.js';
import { recordAnomaly } from './anomalies.js';
import { appendFeed } from './feed-write.js';
import { lockDevice, type Device } from './devices.js';

interface MarkerRow {
  hall_id: string; counter_id: string; business_date: string; device_id: string; payment_count: number; total_fen: number;
  audit_seq: number | null; audit_hash: string | null; through_seq: number; server_payment_count: number; server_total_fen: number; received_at: string;
}

const MARKER_COLUMNS = `hall_id, counter_id, business_date, device_id, payment_count, total_fen, audit_seq, audit_hash, through_seq,
  server_payment_count, server_total_fen, received_at`;

function toRecord(r: MarkerRow): DayMarkerRecord {
  return {
    hallId: r.hall_id, counterId: r.counter_id, businessDate: r.business_date, deviceId: r.device_id,
    paymentCount: r.payment_count, totalFen: r.total_fen,
    auditHead: r.audit_seq === null || r.audit_hash === null ? null : { seq: r.audit_seq, hash: r.audit_hash },
    throughSeq: r.through_seq, receivedAt: r.received_at, serverPaymentCount: r.server_payment_count, serverTotalFen: r.server_total_fen,
  };
}

async function serverFigures(client: Client | Pool, companyId: string, column: 'counter_id' | 'hall_id', key: string, date: string): Promise<{ n: number; total: number }> {
  const { rows } = await client.query<{ n: number; total: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(total_fen), 0)::bigint AS total FROM payments WHERE company_id = $1 AND ${column} = $2 AND business_date = $3`,
    [companyId, key, date],
  );
  return rows[0] ?? { n: 0, total: 0 };
}

export async function submitDayMarker(pool: Pool, device: Device, m: DayMarkerRequest): Promise<DayMarkerResponse> {
  if (m.hallId !== device.hallId || m.counterId !== device.counterId) throw forbidden('只能提交本柜台的日终标记', 'counterId');
  return inTransaction(pool, async (client) => {
    const { ackSeq } = await lockDevice(client, device.deviceId);
    if (ackSeq < m.throughSeq) throw new HttpError(409, 'NOT_YET_PUSHED', `中心只收到第 ${ackSeq} 号之前的记录，请先上传至第 ${m.throughSeq} 号再提交日终标记`, 'throughSeq');
    const { rows: existing } = await client.query<MarkerRow>(
      `SELECT ${MARKER_COLUMNS} FROM day_markers WHERE company_id = $1 AND counter_id = $2 AND business_date = $3 FOR UPDATE`,
      [device.companyId, m.counterId, m.businessDate],
    );
    const stored = existing[0];
    if (stored && stored.through_seq >= m.throughSeq) {
      const record = toRecord(stored);
      return { marker: record, mismatch: record.paymentCount !== record.serverPaymentCount || record.totalFen !== record.serverTotalFen };
    }
    const figures = await serverFigures(client, device.companyId, 'counter_id', m.counterId, m.businessDate);
    const { rows } = await client.query<MarkerRow>(
      `INSERT INTO day_markers (company_id, hall_id, counter_id, business_date, device_id, payment_count, total_fen, audit_seq, audit_hash,
         through_seq, server_payment_count, server_total_fen)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (company_id, counter_id, business_date) DO UPDATE SET
         device_id = excluded.device_id, payment_count = excluded.payment_count, total_fen = excluded.total_fen,
         audit_seq = excluded.audit_seq, audit_hash = excluded.audit_hash, through_seq = excluded.through_seq,
         server_payment_count = excluded.server_payment_count, server_total_fen = excluded.server_total_fen, received_at = now()
       RETURNING ${MARKER_COLUMNS}`,
      [
        device.companyId, m.hallId, m.counterId, m.businessDate, device.deviceId, m.paymentCount, m.totalFen,
        m.auditHead?.seq ?? null, m.auditHead?.hash ?? null, m.throughSeq, figures.n, figures.total,
      ],
    );
    const record = toRecord(rows[0]!);
    await appendFeed(client, {
      companyId: device.companyId, hallId: device.hallId, table: DAY_MARKER_FEED_TABLE, op: stored ? 'update' : 'insert',
      rowId: `${m.counterId}|${m.businessDate}`, rowJson: JSON.stringify(dayMarkerToFeedRow(record)),
      originDeviceId: device.deviceId,
    });
    const mismatch = figures.n !== m.paymentCount || figures.total !== m.totalFen;
    if (mismatch) {
      await recordAnomaly(client, {
        kind: 'day_marker_mismatch',
        dedupeKey: `day_marker_mismatch:${m.counterId}:${m.businessDate}:${m.throughSeq}`,
        companyId: device.companyId, hallId: device.hallId, deviceId: device.deviceId, counterId: m.counterId,
        businessDate: m.businessDate,
        detail: `柜台 ${m.counterId} ${m.businessDate} 的日终标记为 ${m.paymentCount} 笔 ${formatYuan(m.totalFen)} 元，中心收到 ${figures.n} 笔 ${formatYuan(figures.total)} 元，两者不符`,
      });
    }
    return { marker: record, mismatch };
  });
}

export async function hallDayStatus(pool: Pool, companyId: string, hallId: string, date: string): Promise<HallDayStatus> {
  const { rows: counters } = await pool.query<{ counter_id: string }>(
    `SELECT row_key AS counter_id FROM rows WHERE company_id = $1 AND table_name = 'counters' AND row->>'hall_id' = $2
     UNION SELECT counter_id FROM devices WHERE company_id = $1 AND hall_id = $2 AND revoked_at IS NULL
     ORDER BY 1`,
    [companyId, hallId],
  );
  const { rows: markers } = await pool.query<MarkerRow>(
    `SELECT ${MARKER_COLUMNS} FROM day_markers WHERE company_id = $1 AND hall_id = $2 AND business_date = $3`,
    [companyId, hallId, date],
  );
  const byCounter = new Map(markers.map((r) => [r.counter_id, toRecord(r)]));
  const ids = [...new Set([...counters.map((c) => c.counter_id), ...byCounter.keys()])].sort();
  const list = ids.map((counterId) => ({ counterId, marker: byCounter.get(counterId) ?? null }));
  const missing = list.filter((c) => c.marker === null).map((c) => c.counterId);
  const figures = await serverFigures(pool, companyId, 'hall_id', hallId, date);
  return { hallId, businessDate: date, counters: list, missing, complete: missing.length === 0, paymentCount: figures.n, totalFen: figures.total };
}
