/**
 * Issue 14 #5: exports this counter PC's outbox events of one business date as a day file signed with the device's
 * Ed25519 key (format: main/sync/day-file-format.ts), for a USB hand-off to the hall manager's PC.
 */
import { createPrivateKey, sign } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DomainError } from '../../preload/kernel/errors.js';
import type { StoredCredentials } from './credentials.js';
import { DAY_FILE_FORMAT, DAY_FILE_SUFFIX, DAY_FILE_VERSION, dayFilePayload, type DayFileEnvelope, type DayFilePayload } from './day-file-format.js';
import { auditHeadThrough, lastSeq, materializeLazyRows, toEvent, type OutboxRow } from './outbox.js';

export interface DayFile {
  fileName: string;
  bytes: Buffer;
  events: number;
  marker: DayFilePayload['marker'];
}

export function exportDayFile(sqlite: Database.Database, credentials: StoredCredentials, businessDate: string, at: Date): DayFile {
  // one read transaction: the events, the marker and the head as of one moment
  const read = sqlite.transaction(() => {
    const rows = sqlite
      .prepare('SELECT seq, tbl, op, row_id, row, at, hall_id, business_date FROM sync_outbox WHERE business_date = ? AND seq > ? ORDER BY seq')
      .all(businessDate, credentials.seqBase) as OutboxRow[];
    materializeLazyRows(sqlite, rows);
    const marker = sqlite
      .prepare(
        `SELECT m.id, m.hall_id AS hallId, m.counter_id AS counterId, m.business_date AS businessDate, m.payment_count AS paymentCount, m.total_fen AS totalFen,
                m.through_seq AS throughSeq, m.head_seq AS headSeq, m.head_hash AS headHash, m.reason, m.created_at AS createdAt
         FROM counter_day_markers m
         WHERE m.business_date = ? AND EXISTS (SELECT 1 FROM sync_outbox o WHERE o.tbl = 'counter_day_markers' AND o.row_id = m.id)
         ORDER BY m.counter_id = ? DESC, m.through_seq DESC LIMIT 1`,
      )
      .get(businessDate, credentials.counterId) as
      | { id: string; hallId: string; counterId: string; businessDate: string; paymentCount: number; totalFen: number; throughSeq: number; headSeq: number; headHash: string; reason: 'cash_report' | 'counter_end'; createdAt: string }
      | undefined;
    return { rows, marker, head: auditHeadThrough(sqlite, lastSeq(sqlite)) };
  });
  const { rows, marker, head } = read.deferred();
  if (rows.length === 0) throw new DomainError('VALIDATION', `本机没有 ${businessDate} 的记录可导出（或已超过保留期）`, 'date');
  const payload: DayFilePayload = dayFilePayload.parse({
    deviceId: credentials.deviceId,
    companyId: credentials.companyId,
    hallId: credentials.hallId,
    counterId: credentials.counterId,
    businessDate,
    exportedAt: at.toISOString(),
    events: rows.map((r) => toEvent(r, credentials.seqBase)),
    marker: marker
      ? {
          id: marker.id,
          hallId: marker.hallId,
          counterId: marker.counterId,
          businessDate: marker.businessDate,
          paymentCount: marker.paymentCount,
          totalFen: marker.totalFen,
          throughSeq: Math.max(0, marker.throughSeq - credentials.seqBase),
          auditHead: { seq: marker.headSeq, hash: marker.headHash },
          reason: marker.reason,
          createdAt: marker.createdAt,
        }
      : null,
    auditHead: head,
    publicKeyPem: credentials.publicKeyPem,
  });
  const text = JSON.stringify(payload);
  const signature = sign(null, Buffer.from(text, 'utf8'), createPrivateKey(credentials.privateKeyPem)).toString('base64');
  const envelope: DayFileEnvelope = { format: DAY_FILE_FORMAT, version: DAY_FILE_VERSION, deviceId: credentials.deviceId, algorithm: 'ed25519', payload: text, signature };
  const safeDevice = credentials.deviceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const safeCounter = credentials.counterId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return { fileName: `${safeCounter}-${businessDate}-${safeDevice}${DAY_FILE_SUFFIX}`, bytes: Buffer.from(JSON.stringify(envelope), 'utf8'), events: rows.length, marker: payload.marker };
}
