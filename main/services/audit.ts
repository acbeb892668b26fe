/**
 * Audit log writer and verifier. `appendAudit` runs inside the caller's transaction, so the audit row
 * commits or rolls back with the change it records.
 */
import { desc } from 'drizzle-orm';
import type { Db, ReadTx, Tx } from '../../db/open.js';
import { statementOf } from '../../db/statements.js';
import { auditHeads, auditLog } from '../../db/schema.js';
import { auditHash, GENESIS_HASH } from '../domain/audit-hash.js';
import { checkHead, type HeadMismatch, type HeadSource } from '../domain/chain-head.js';
import type { ChainHead } from '../../preload/kernel/chain-head.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
}


// Prepared once per connection (issue 13 #3): every write appends to the chain.
const LAST_AUDIT_SQL = 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1';
const INSERT_AUDIT_SQL = `INSERT INTO audit_log (seq, at, actor_id, action, entity, entity_id, detail, prev_hash, hash)
  VALUES (@seq, @at, @actorId, @action, @entity, @entityId, @detail, @prevHash, @hash)`;

export function appendAudit(tx: Tx, entry: AuditEntry, at: Date): void {
  const last = statementOf(tx, LAST_AUDIT_SQL).get() as ChainHead | undefined;
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
  statementOf(tx, INSERT_AUDIT_SQL).run({ ...row, prevHash, hash: auditHash(prevHash, row) });
}

/** The chain's last row, or null for an empty chain. */
export function chainHead(tx: ReadTx): ChainHead | null {
  return tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get() ?? null;
}

/**
 * Issue 10 #20: records the chain's head right after the audit row of a signed cash report or a day close,
 * in the same transaction; the reports print it, so a later cut or re-hash shows against paper and record.
 */
export function recordHead(tx: Tx, at: { hallId: string; businessDate: string; kind: 'cash_report' | 'day.close'; ref: string }): ChainHead {
  const head = chainHead(tx);
  if (!head) throw new Error('audit chain is empty');
  tx.insert(auditHeads).values({ seq: head.seq, hash: head.hash, ...at }).run();
  return head;
}

export interface ChainCheck {
  /** The chain links and agrees with every head it was given or has recorded. */
  ok: boolean;
  rows: number;
  brokenAtSeq: number | null;
  head: ChainHead | null;
  /** Heads the chain does not reach (cut tail) or reaches with another hash (rewritten and re-hashed). */
  mismatches: HeadMismatch[];
}

export interface AnchorHead extends ChainHead {
  source: HeadSource;
}

/** The heads a store has recorded (none in a store from before issue 10 #20). */
export function recordedHeads(db: Pick<Db, '$client'>, source: HeadSource = 'recorded'): AnchorHead[] {
  const has = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_heads'").get();
  if (!has) return [];
  return (db.$client.prepare('SELECT seq, hash FROM audit_heads ORDER BY seq').all() as ChainHead[]).map((h) => ({ ...h, source }));
}

/**
 * Walks the chain; an edited, inserted or deleted row breaks it (the seq numbers must also be 1..n). Then
 * compares it with the store's recorded heads and with `anchors` from outside (heads printed on the reports):
 * a head past the chain's end is a cut tail, another hash at a head's seq a rewritten and re-hashed chain.
 */
export function verifyAuditChain(db: Pick<Db, '$client'>, printed: readonly ChainHead[] = [], more: readonly AnchorHead[] = []): ChainCheck {
  const anchors: AnchorHead[] = [...recordedHeads(db), ...printed.map((h) => ({ ...h, source: 'printed' as const })), ...more];
  const bySeq = new Map<number, AnchorHead[]>();
  for (const a of anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  const mismatches: HeadMismatch[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  let head: ChainHead | null = null;
  const auditRows = db.$client
    .prepare(
      `SELECT seq, at, actor_id AS actorId, action, entity, entity_id AS entityId, detail, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<typeof auditLog.$inferSelect>;
  for (const row of auditRows) {
    rows++;
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) {
      return { ok: false, rows, brokenAtSeq: row.seq, head, mismatches };
    }
    for (const a of bySeq.get(row.seq) ?? []) {
      const m = checkHead(a, a.source, row.hash, rows);
      if (m) mismatches.push(m);
    }
    prevHash = row.hash;
    head = { seq: row.seq, hash: row.hash };
    expectedSeq++;
  }
  for (const a of anchors.filter((x) => x.seq > rows).sort((x, y) => x.seq - y.seq)) {
    const m = checkHead(a, a.source, undefined, rows);
    if (m) mismatches.push(m);
  }
  return { ok: mismatches.length === 0, rows, brokenAtSeq: null, head, mismatches };
}
