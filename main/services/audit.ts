/**
 * Audit log writer and verifier. `appendAudit` runs inside the caller's transaction, so the audit row
 * commits or rolls back with the change it records.
 */
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { auditLog } from '../../db/schema.js';
import { auditHash, GENESIS_HASH } from '../domain/audit-hash.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
}

type Tx = Pick<Db, 'select' | 'insert'>;

export function appendAudit(tx: Tx, entry: AuditEntry, at: Date): void {
  const last = tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    detail: JSON.stringify(entry.detail),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  tx.insert(auditLog).values({ ...row, prevHash, hash: auditHash(prevHash, row) }).run();
}

export interface ChainCheck {
  ok: boolean;
  rows: number;
  brokenAtSeq: number | null;
}

/** Walks the chain; an edited, inserted or deleted row breaks it (the seq numbers must also be 1..n). */
export function verifyAuditChain(db: Db): ChainCheck {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  const auditRows = db.$client
    .prepare(
      `SELECT seq, at, actor_id AS actorId, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<typeof auditLog.$inferSelect>;
  for (const row of auditRows) {
    rows++;
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) {
      return { ok: false, rows, brokenAtSeq: row.seq };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows, brokenAtSeq: null };
}
