/**
 * Issue 14 #5: a counter's signed day file (USB) imported on the hall manager's PC when the central server cannot
 * be reached. The signature is checked first, with the public key the feed brought for the device (device_keys;
 * never the copy inside the file), then the payload; a file of another hall is refused. Its events are applied like
 * feed changes (upsert by key, guards in force, capture off), so importing the same file twice changes nothing and
 * the same events arriving later from the server change nothing either; the counter's marker counts for the
 * hall's 日结. A refused row is listed in sync_problems. A tampered file is refused whole with a clear message.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../preload/kernel/errors.js';
import { appendAudit } from '../services/audit.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { applyChanges, storeDayMarker } from './applier.js';
import { withApplying } from './apply-switch.js';
import { DayFileError, verifyDayFile } from './day-file-format.js';

export interface DayFileImport {
  deviceId: string;
  counterCode: string;
  businessDate: string;
  events: number;
  applied: number;
  skipped: number;
  problems: number;
  marker: boolean;
}

function publicKeyOf(sqlite: Database.Database, deviceId: string): string | null {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'device_keys'").get();
  if (!has) return null;
  const r = sqlite.prepare('SELECT public_key_pem AS pem FROM device_keys WHERE device_id = ?').get(deviceId) as { pem: string } | undefined;
  return r?.pem ?? null;
}

export function importDayFile(deps: ServiceDeps, actor: Actor, bytes: Buffer): DayFileImport {
  if (actor.role !== 'manager' && actor.role !== 'admin') throw new DomainError('FORBIDDEN', '日终文件须由营业厅主任导入', 'file');
  const sqlite = deps.db.$client;
  let payload;
  try {
    payload = verifyDayFile(bytes, (deviceId) => publicKeyOf(sqlite, deviceId));
  } catch (error) {
    if (error instanceof DayFileError) throw new DomainError('VALIDATION', error.message, 'file');
    throw error;
  }
  if (payload.hallId !== actor.hallId) throw new DomainError('VALIDATION', '这是其他营业厅柜台的日终文件，本营业厅不能导入', 'file');
  const now = deps.clock.now();
  const tally = { applied: 0, skipped: 0, problems: 0 };
  deps.db.transaction(
    (tx) => {
      withApplying(sqlite, () => {
        applyChanges(
          sqlite,
          payload.events,
          (e) => ({
            change: { cursor: `${e.seq}`, table: e.table, op: e.op, rowId: e.rowId, row: e.row, originDeviceId: payload.deviceId, hallId: e.hallId ?? payload.hallId },
            at: { source: 'day-file', position: `${payload.deviceId}#${e.seq}` },
          }),
          now,
          { deviceId: null, hallId: payload.hallId },
          tally,
        );
        const m = payload.marker;
        // the counter's own figures for the day count for the hall's 日结 like a marker the server relayed
        if (m && storeDayMarker(sqlite, { ...m, deviceId: payload.deviceId, receivedAt: now.toISOString(), serverPaymentCount: m.paymentCount, serverTotalFen: m.totalFen }, 'day-file') === 'applied') tally.applied++;
      });
      // audited (and so sent up later) only when the file changed something: the same file again changes nothing
      if (tally.applied > 0) {
        appendAudit(
          tx,
          { actorId: actor.staffId, action: 'sync.day_file.import', entity: 'device', entityId: payload.deviceId, detail: { businessDate: payload.businessDate, counterId: payload.counterId, events: payload.events.length, ...tally } },
          now,
        );
      }
    },
    { behavior: 'immediate' },
  );
  const counter = sqlite.prepare('SELECT code FROM counters WHERE id = ?').get(payload.counterId) as { code: string } | undefined;
  return { deviceId: payload.deviceId, counterCode: counter?.code ?? payload.counterId, businessDate: payload.businessDate, events: payload.events.length, ...tally, marker: payload.marker !== null };
}
