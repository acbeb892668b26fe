/**
 * Issue 14: `npm run server` — the central sync service. Configured by environment:
 *   DATABASE_URL (or PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE)   the PostgreSQL database
 *   PORT (default 8787), HOST (default 127.0.0.1; 0.0.0.0 to serve the hall's LAN behind TLS)
 *   SYNC_ADMIN_TOKEN   the administrator's token (enrolment codes, revocation, master data import); unset: no admin
 *   SYNC_MIGRATE=0     do not apply server/migrations at start (default: apply, under an advisory lock)
 *   SYNC_POOL_SIZE     PostgreSQL connections of this instance (default 10)
 */
import { createApp } from './http/app.js';
import { migrateCentral } from './db/migrate.js';
import { createPool } from './db/pool.js';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const pool = createPool(process.env.DATABASE_URL, Number(process.env.SYNC_POOL_SIZE ?? 10));

if (process.env.SYNC_MIGRATE !== '0') await migrateCentral(pool);
const server = createApp(pool, { adminToken: process.env.SYNC_ADMIN_TOKEN || undefined });
server.listen(port, host, () => {
  console.log(`[sync-server] listening on http://${host}:${port} (admin ${process.env.SYNC_ADMIN_TOKEN ? 'enabled' : 'disabled: set SYNC_ADMIN_TOKEN'})`);
});

function stop(): void {
  server.close(() => void pool.end().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
