/**
 * Issue 14 #4: the hall's day across counters. Once the hall's PCs sync (a device key of the hall is known here:
 * this PC enrolled, or the feed brought the others'), the manager's 日结 waits until every counter of the hall has
 * sent its end-of-day marker for that date, through the feed or a USB day file. The counters waited for: every
 * counter of the hall with an enrolled PC (device_keys) and every counter with takings in the hall that day
 * (day_totals), except the manager's own counter, whose facts are in this store already. A single PC that never
 * enrolled has no device key: its 日结 is as before.
 */
import { sql } from 'drizzle-orm';
import type { ServiceDeps } from '../services/context.js';
import { fen, type Fen } from '../../preload/kernel/money.js';

export interface CounterDay {
  counterId: string;
  code: string;
  name: string;
  reported: boolean;
  /** What the counter's marker says (its own count and total of the day), when there is one. */
  paymentCount: number | null;
  totalFen: Fen | null;
}

export interface HallDay {
  /** The hall's PCs sync: the close waits for their markers. */
  syncing: boolean;
  counters: CounterDay[];
  /** Codes of the counters whose marker has not come (what the 日结 report lists as missing). */
  missing: string[];
}

function hasTable(deps: ServiceDeps, name: string): boolean {
  return deps.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${name}`)?.n === 1;
}

export function hallDay(deps: ServiceDeps, hallId: string, date: string, ownCounterId: string): HallDay {
  if (!hasTable(deps, 'device_keys') || !deps.db.get(sql`SELECT 1 AS x FROM device_keys WHERE hall_id = ${hallId} LIMIT 1`)) {
    return { syncing: false, counters: [], missing: [] };
  }
  const ownMarkers = hasTable(deps, 'counter_day_markers')
    ? sql`SELECT counter_id, payment_count, total_fen, created_at AS at FROM counter_day_markers WHERE hall_id = ${hallId} AND business_date = ${date}`
    : sql`SELECT NULL AS counter_id, NULL AS payment_count, NULL AS total_fen, NULL AS at WHERE 0`;
  const rows = deps.db.all<{ counterId: string; code: string; name: string; paymentCount: number | null; totalFen: number | null }>(sql`
    WITH wanted AS (
      SELECT counter_id FROM device_keys WHERE hall_id = ${hallId}
      UNION SELECT counter_id FROM day_totals WHERE hall_id = ${hallId} AND business_date = ${date}
    ),
    markers AS (
      SELECT counter_id, payment_count, total_fen, at FROM (${ownMarkers})
      UNION ALL SELECT counter_id, payment_count, total_fen, received_at FROM hall_day_markers WHERE hall_id = ${hallId} AND business_date = ${date}
    ),
    latest AS (SELECT counter_id, payment_count, total_fen, row_number() OVER (PARTITION BY counter_id ORDER BY at DESC) AS n FROM markers)
    SELECT w.counter_id AS counterId, coalesce(c.code, w.counter_id) AS code, coalesce(c.name, '') AS name, l.payment_count AS paymentCount, l.total_fen AS totalFen
    FROM wanted w LEFT JOIN counters c ON c.id = w.counter_id LEFT JOIN latest l ON l.counter_id = w.counter_id AND l.n = 1
    WHERE w.counter_id <> ${ownCounterId}
    ORDER BY code`);
  const counters = rows.map((r) => ({ ...r, totalFen: r.totalFen === null ? null : fen(r.totalFen), reported: r.paymentCount !== null }));
  return { syncing: true, counters, missing: counters.filter((c) => !c.reported).map((c) => c.code) };
}
