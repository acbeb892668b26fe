/**
 * Issue 14: reading the change feed and the snapshot.
 *
 * Positions are (txid, id). A bigserial alone is unsafe: two pushes take ids 10 and 11, the one with 11 commits
 * first, a reader serves 11 and moves its cursor past 10, which commits later and is never seen. Here a reader
 * serves only rows whose writing transaction is below the xmin of its snapshot (every transaction below xmin has
 * ended, and every transaction that starts later gets a higher id), ordered by (txid, id): nothing can appear
 * behind a served position. The page and the horizon are read in one REPEATABLE READ transaction (one snapshot).
 */
import {
  COMPANY_FACT_TABLES,
  DEFAULT_FEED_LIMIT,
  DEFAULT_SNAPSHOT_LIMIT,
  SNAPSHOT_TABLES,
  isUpstreamOnlyTable,
  type FeedQuery,
  type SnapshotQuery,
  type SnapshotStart,
} from '../protocol/index.js';
import { inTransaction, type Client, type Pool } from '../db/pool.js';
import { badRequest } from '../http/errors.js';
import type { Device } from './devices.js';

interface Position {
  txid: string;
  id: number;
}

const START: Position = { txid: '0', id: 0 };

export function parseCursor(cursor: string | undefined): Position {
  if (cursor === undefined || cursor === '') return START;
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(cursor);
  if (!match || !Number.isSafeInteger(Number(match[2]))) throw badRequest('同步游标无效', 'cursor');
  return { txid: match[1]!, id: Number(match[2]) };
}

const formatCursor = (p: Position): string => `${p.txid}.${p.id}`;

/** The highest position every reader may pass now (all of the company's rows below the snapshot's xmin). */
async function horizon(client: Client, companyId: string): Promise<Position | null> {
  // Ordered by the xid8 column itself (an alias of its text form would sort '10' before '9').
  const { rows } = await client.query<{ txid: string; id: number }>(
    `SELECT f.txid::text AS txid, f.id FROM feed f WHERE f.company_id = $1 AND f.txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY f.txid DESC, f.id DESC LIMIT 1`,
    [companyId],
  );
  return rows[0] ?? null;
}

/** The feed page as JSON text (rows are concatenated as PostgreSQL serialised them, not parsed and re-serialised). */
export async function readFeed(pool: Pool, device: Device, query: FeedQuery): Promise<string> {
  const from = parseCursor(query.cursor);
  const limit = query.limit ?? DEFAULT_FEED_LIMIT;
  return inTransaction(
    pool,
    async (client) => {
      const { rows } = await client.query<{ txid: string; id: number; table_name: string; op: string; row_id: string; row: string; origin_device_id: string | null; hall_id: string | null }>(
        `SELECT f.txid::text AS txid, f.id, f.table_name, f.op, f.row_id, f.row::text AS row, f.origin_device_id, f.hall_id
           FROM feed f
          WHERE f.company_id = $1 AND (f.txid, f.id) > ($2::xid8, $3::bigint)
            AND f.txid < pg_snapshot_xmin(pg_current_snapshot())
            AND (f.hall_id IS NULL OR f.hall_id = $4 OR f.table_name = ANY($7::text[]))
            AND f.origin_device_id IS DISTINCT FROM $5
          ORDER BY f.txid, f.id LIMIT $6`,
        [device.companyId, from.txid, from.id, device.hallId, device.deviceId, limit + 1, COMPANY_FACT_TABLES],
      );
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      let cursor = from;
      const parts: string[] = [];
      for (const r of page) {
        cursor = { txid: r.txid, id: r.id };
        parts.push(
          `{"cursor":${JSON.stringify(formatCursor(cursor))},"table":${JSON.stringify(r.table_name)},"op":${JSON.stringify(r.op)},"rowId":${JSON.stringify(r.row_id)},"row":${r.row},"originDeviceId":${JSON.stringify(r.origin_device_id)},"hallId":${JSON.stringify(r.hall_id)}}`,
        );
      }
      if (!more) {
        // Everything up to the horizon was considered (the rest was other halls' or this device's own): skip it next time.
        const top = await horizon(client, device.companyId);
        if (top && (BigInt(top.txid) > BigInt(cursor.txid) || (top.txid === cursor.txid && top.id > cursor.id))) cursor = top;
      }
      return `{"changes":[${parts.join(',')}],"cursor":${JSON.stringify(formatCursor(cursor))},"more":${more}}`;
    },
    'ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}

export async function startSnapshot(pool: Pool, device: Device): Promise<SnapshotStart> {
  return inTransaction(
    pool,
    async (client) => {
      const top = await horizon(client, device.companyId);
      const { rows } = await client.query<{ table_name: string; n: number }>(
        `SELECT table_name, count(*)::int AS n FROM rows WHERE company_id = $1 AND table_name = ANY($2::text[]) GROUP BY table_name`,
        [device.companyId, [...SNAPSHOT_TABLES]],
      );
      const counts: Record<string, number> = {};
      for (const t of SNAPSHOT_TABLES) counts[t] = 0;
      for (const r of rows) counts[r.table_name] = r.n;
      return { feedCursor: formatCursor(top ?? START), tables: [...SNAPSHOT_TABLES], counts };
    },
    'ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}

/**
 * One page of a master table, keyset-paged by row id (byte order), as JSON text. PostgreSQL builds the page's
 * text itself (one value instead of 20,000 rows to parse and re-serialise in Node: ~10× faster per page).
 */
export async function readSnapshot(pool: Pool, device: Device, query: SnapshotQuery): Promise<string> {
  if (isUpstreamOnlyTable(query.table)) throw badRequest('此表不提供快照', 'table');
  const limit = query.limit ?? DEFAULT_SNAPSHOT_LIMIT;
  const { rows } = await pool.query<{ body: string | null; last: string | null; n: number }>(
    `SELECT string_agg('{"rowId":' || to_json(row_key)::text || ',"row":' || row::text || '}', ',' ORDER BY row_key) AS body,
            max(row_key) AS last, count(*)::int AS n
       FROM (SELECT row_key, row FROM rows WHERE company_id = $1 AND table_name = $2 AND row_key > $3 ORDER BY row_key LIMIT $4) page`,
    [device.companyId, query.table, query.after ?? '', limit],
  );
  const page = rows[0]!;
  const next = page.n === limit ? page.last : null;
  return `{"table":${JSON.stringify(query.table)},"rows":[${page.body ?? ''}],"next":${JSON.stringify(next)}}`;
}
