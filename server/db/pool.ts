/**
 * Issue 14: the PostgreSQL pool of one server instance (node-postgres). Configured by DATABASE_URL, or by the
 * libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE) that pg reads itself.
 */
import pg from 'pg';

/** int8 (counts, fen, seqs) as numbers: every value the server stores is a safe integer (checked on input). */
pg.types.setTypeParser(20, (value: string) => Number(value));
/** timestamptz as an ISO instant string. */
pg.types.setTypeParser(1184, (value: string) => new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString());

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

export function createPool(databaseUrl?: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ ...(databaseUrl ? { connectionString: databaseUrl } : {}), max, application_name: 'gas-sync-server' });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the process.
  pool.on('error', (error) => console.error('[sync-server] idle PostgreSQL client error:', error.message));
  return pool;
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

/**
 * Runs `work` in one transaction (READ COMMITTED unless told), retried a few times when PostgreSQL aborts it
 * for a serialization failure or a deadlock between two pushes; every other error rolls back and is thrown.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, mode = 'READ WRITE'): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(`BEGIN ${mode}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code !== undefined && RETRYABLE.has(code) && attempt < 5) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}
