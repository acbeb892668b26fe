/**
 * Issue 14: audit anchoring. Every head a device reports is kept (audit_anchors). A head below the highest one
 * anchored (a restored old backup, a cut tail) is audit_rollback; another hash at a seq already anchored, or
 * other than the hash of the audit_log row the device pushed with that seq, is audit_rehash (rows rewritten and
 * re-hashed). Both are answered in the push and listed as anomalies; the head is then not anchored.
 */
import type { AuditHeadWire } from '../protocol/index.js';
import type { Pool } from '../db/pool.js';
import { recordAnomaly } from './anomalies.js';
import type { ApplyContext } from './project.js';

async function flagAudit(ctx: ApplyContext, kind: 'audit_rollback' | 'audit_rehash', head: AuditHeadWire, detail: string, against: string): Promise<void> {
  const d = ctx.device;
  const anomaly = await recordAnomaly(ctx.client, {
    kind,
    dedupeKey: `${kind}:${d.deviceId}:${head.seq}:${head.hash}:${against}`,
    companyId: d.companyId,
    hallId: d.hallId,
    deviceId: d.deviceId,
    counterId: d.counterId,
    table: 'audit_log',
    rowId: String(head.seq),
    detail,
  });
  if (anomaly) ctx.conflicts.push(anomaly);
}

export async function anchorAuditHead(ctx: ApplyContext, head: AuditHeadWire): Promise<void> {
  const d = ctx.device;
  const { rows: top } = await ctx.client.query<{ seq: number; hash: string }>(
    `SELECT seq, hash FROM audit_anchors WHERE device_id = $1 ORDER BY seq DESC LIMIT 1`,
    [d.deviceId],
  );
  const highest = top[0];
  if (highest && head.seq < highest.seq) {
    await flagAudit(
      ctx,
      'audit_rollback',
      head,
      `柜台 ${d.counterId} 的审计链回退：此前已锚定到第 ${highest.seq} 条，本次只到第 ${head.seq} 条（可能恢复了旧备份或截断了审计记录）`,
      String(highest.seq),
    );
    return;
  }
  const { rows: same } = await ctx.client.query<{ hash: string }>(`SELECT hash FROM audit_anchors WHERE device_id = $1 AND seq = $2`, [d.deviceId, head.seq]);
  const anchored = same[0]?.hash;
  if (anchored !== undefined && anchored !== head.hash) {
    await flagAudit(ctx, 'audit_rehash', head, `柜台 ${d.counterId} 审计链第 ${head.seq} 条的哈希与已锚定的不同（记录可能被改写并重新计算哈希）`, anchored);
    return;
  }
  const { rows: pushed } = await ctx.client.query<{ hash: string | null }>(
    `SELECT row->>'hash' AS hash FROM rows WHERE company_id = $1 AND table_name = 'audit_log' AND row_key = $2`,
    [d.companyId, `${d.deviceId}/${head.seq}`],
  );
  const pushedHash = pushed[0]?.hash;
  if (pushedHash && pushedHash !== head.hash) {
    await flagAudit(ctx, 'audit_rehash', head, `柜台 ${d.counterId} 报告的审计链头（第 ${head.seq} 条）与其上传的审计记录哈希不同`, pushedHash);
    return;
  }
  await ctx.client.query(`INSERT INTO audit_anchors (device_id, seq, hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [d.deviceId, head.seq, head.hash]);
}

export async function latestAnchor(pool: Pool, deviceId: string): Promise<AuditHeadWire | null> {
  const { rows } = await pool.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM audit_anchors WHERE device_id = $1 ORDER BY seq DESC LIMIT 1`, [deviceId]);
  return rows[0] ?? null;
}
