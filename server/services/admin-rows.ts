/**
 * Issue 14: master data imported centrally (POST /v1/admin/rows): upserted set-wise in one transaction and sent
 * down the feed to every counter of the company. Only master tables (tables.ts) are taken here.
 */
import { isMasterTable, type AdminRowsRequest } from '../protocol/index.js';
import { inTransaction, type Pool } from '../db/pool.js';
import { badRequest } from '../http/errors.js';

export async function importRows(pool: Pool, request: AdminRowsRequest): Promise<{ applied: number }> {
  const latest = new Map<string, { table: string; rowId: string; json: string }>();
  request.rows.forEach((r, i) => {
    if (!isMasterTable(r.table)) throw badRequest(`表 ${r.table} 不是主数据，不能由管理端导入`, `rows.${i}.table`);
    latest.set(`${r.table}\u0000${r.rowId}`, { table: r.table, rowId: r.rowId, json: JSON.stringify(r.row) });
  });
  const rows = [...latest.values()];
  return inTransaction(pool, async (client) => {
    const { rowCount } = await client.query(
      `WITH changed AS (
         INSERT INTO rows (company_id, table_name, row_key, hall_id, row, origin_device_id)
         SELECT $1, u.t, u.k, NULL, u.r::jsonb, NULL FROM unnest($2::text[], $3::text[], $4::text[]) AS u(t, k, r)
         ON CONFLICT (company_id, table_name, row_key) DO UPDATE SET row = excluded.row, origin_device_id = NULL, updated_at = now()
           WHERE rows.row IS DISTINCT FROM excluded.row
         RETURNING table_name, row_key, row)
       INSERT INTO feed (company_id, hall_id, table_name, op, row_id, row, origin_device_id)
       SELECT $1, NULL, table_name, 'update', row_key, row, NULL FROM changed`,
      [request.companyId, rows.map((r) => r.table), rows.map((r) => r.rowId), rows.map((r) => r.json)],
    );
    return { applied: rowCount ?? 0 };
  });
}
