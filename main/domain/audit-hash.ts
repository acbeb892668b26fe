/** Hash chain of the audit log: each row's hash covers the previous hash and the row's own fields. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: string;
}

export function auditHash(prevHash: string, row: AuditFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.seq,
    row.at,
    row.actorId,
    row.action,
    row.entity,
    row.entityId,
    row.detail,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
