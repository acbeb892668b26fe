/**
 * Issue 14: a sync server for a test file: one throwaway PostgreSQL cluster (pg-cluster.ts), a fresh database
 * migrated from server/migrations, and one or more server instances on loopback ports.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/http/app.js';
import { migrateCentral } from '../../server/db/migrate.js';
import { createPool, type Pool } from '../../server/db/pool.js';
import { deviceAuthorization, ROUTES, type EnrolResponse, type SyncEvent } from '../../server/protocol/index.js';
import { startPgCluster, type PgCluster } from './pg-cluster.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface Answer<T = any> {
  status: number;
  body: T;
}

export interface Harness {
  cluster: PgCluster;
  pool: Pool;
  /** Base URLs of the running instances. */
  urls: string[];
  call<T = any>(method: string, path: string, options?: { auth?: string; body?: unknown; raw?: string; instance?: number }): Promise<Answer<T>>;
  admin<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>>;
  enrolDevice(hallId: string, counterId: string, companyId?: string): Promise<EnrolResponse & { auth: string }>;
  stop(): Promise<void>;
}

export async function startHarness(instances = 1): Promise<Harness> {
  const cluster = await startPgCluster();
  const admin = createPool(cluster.url, 2);
  await admin.query('CREATE DATABASE sync_test');
  await admin.end();
  const pool = createPool(cluster.urlFor('sync_test'), 20);
  await migrateCentral(pool);
  const servers: Server[] = [];
  const pools: Pool[] = [];
  const urls: string[] = [];
  for (let i = 0; i < instances; i++) {
    const instancePool = createPool(cluster.urlFor('sync_test'), 10);
    pools.push(instancePool);
    const server = createApp(instancePool, { adminToken: ADMIN_TOKEN, log: () => undefined });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const call: Harness['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.auth) headers.authorization = options.auth;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${urls[options.instance ?? 0]}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const adminCall: Harness['admin'] = (method, path, body) => call(method, path, { auth: `Bearer ${ADMIN_TOKEN}`, body });
  return {
    cluster,
    pool,
    urls,
    call,
    admin: adminCall,
    async enrolDevice(hallId, counterId, companyId = 'C1') {
      const code = await adminCall('POST', ROUTES.adminCodes, { companyId, hallId, counterId });
      if (code.status !== 200) throw new Error(`code: ${JSON.stringify(code.body)}`);
      const enrolled = await call<EnrolResponse>('POST', ROUTES.enrol, { body: { code: code.body.code, label: counterId } });
      if (enrolled.status !== 200) throw new Error(`enrol: ${JSON.stringify(enrolled.body)}`);
      return { ...enrolled.body, auth: deviceAuthorization(enrolled.body.deviceId, enrolled.body.secret) };
    },
    async stop() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      for (const p of pools) await p.end();
      await pool.end();
      cluster.stop();
    },
  };
}

/** Makes outbox events with contiguous seqs from `first`. */
export function events(first: number, list: Array<Omit<SyncEvent, 'seq' | 'at'> & { at?: string }>): SyncEvent[] {
  return list.map((e, i) => ({ at: '2026-12-01T02:00:00.000Z', ...e, seq: first + i }));
}

/** A payment row as the counter's SQLite holds it (the columns the server reads). */
export function paymentRow(id: string, o: { account: string; hall: string; counter: string; date: string; totalFen: number; method?: string; reverses?: string }) {
  return {
    id,
    slip_no: `S-${id}`,
    account_id: o.account,
    hall_id: o.hall,
    counter_id: o.counter,
    clerk_id: 'clerk1',
    business_date: o.date,
    method: o.method ?? '现金',
    charge_type: '燃气费',
    invoice_category: '核对单',
    fee_fen: 0,
    gas_fen: o.totalFen,
    late_fee_fen: 0,
    total_fen: o.totalFen,
    tendered_fen: o.totalFen,
    change_fen: 0,
    reverses_payment_id: o.reverses ?? null,
    created_at: '2026-12-01T02:00:00.000Z',
  };
}
