/**
 * Issue 14: the sync service's HTTP surface (paths in server/protocol/routes.ts). Stateless: everything is in
 * PostgreSQL, so several instances may serve one database. Every input is checked by the contract's zod schemas;
 * a bad one is a 400 with the typed error body, never a crash; a handler failure is a 500 and the transaction
 * it was in is rolled back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ZodError, type ZodType } from 'zod';
import {
  adminRowsRequest, arrearsQuery, bankRunsQuery, businessDate, cashStatsQuery, createCodeRequest, dayMarkerRequest, enrolRequest,
  feedQuery, pushRequest, resolveAnomalyRequest, snapshotQuery, syncId,
} from '../protocol/index.js';
import { inTransaction, type Pool } from '../db/pool.js';
import { listAnomalies, resolveAnomaly } from '../services/anomalies.js';
import { isAdminToken } from '../services/credentials.js';
import { hallDayStatus, submitDayMarker } from '../services/day.js';
import { authenticateDevice, createEnrolmentCode, enrol, listDevices, revokeDevice, type Device } from '../services/devices.js';
import { readFeed, readSnapshot, startSnapshot } from '../services/feed-read.js';
import { arrears, bankRuns, cashStats, type Scope } from '../services/finance.js';
import { importRows } from '../services/admin-rows.js';
import { push, pushState } from '../services/push.js';
import { HttpError, badRequest, forbidden, fromZod, notFound, unauthenticated } from './errors.js';
import { readJson, sendJson, sendRaw } from './io.js';

export interface AppConfig {
  /** SYNC_ADMIN_TOKEN; unset: the admin endpoints answer 401. */
  adminToken: string | undefined;
  log?: (message: string) => void;
}

type Principal = { kind: 'admin' } | { kind: 'device'; device: Device };

interface Request {
  req: IncomingMessage;
  method: string;
  path: string;
  query: Record<string, string>;
  pool: Pool;
  config: AppConfig;
}

function parse<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZod(result.error);
  return result.data;
}

async function principal(r: Request): Promise<Principal> {
  const header = r.req.headers.authorization;
  const bearer = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (bearer !== undefined && isAdminToken(bearer, r.config.adminToken)) return { kind: 'admin' };
  return { kind: 'device', device: await authenticateDevice(r.pool, header) };
}

async function device(r: Request): Promise<Device> {
  const p = await principal(r);
  if (p.kind !== 'device') throw forbidden('此接口只供柜台设备使用');
  return p.device;
}

function admin(r: Request): void {
  const bearer = /^Bearer (.+)$/.exec(r.req.headers.authorization ?? '')?.[1];
  if (bearer === undefined || !isAdminToken(bearer, r.config.adminToken)) throw unauthenticated('需要管理员令牌');
}

/** Device: its own company and hall (a hallId naming another hall is 403). Admin: `companyId`/`hallId` as asked. */
async function scope(r: Request, query: Record<string, string>): Promise<{ scope: Scope; rest: Record<string, string> }> {
  const { companyId, ...rest } = query;
  const p = await principal(r);
  if (p.kind === 'admin') return { scope: { companyId: companyId ?? null, hallId: rest.hallId ?? null }, rest };
  if (companyId !== undefined && companyId !== p.device.companyId) throw forbidden('只能查看本公司的数据', 'companyId');
  if (rest.hallId !== undefined && rest.hallId !== p.device.hallId) throw forbidden('只能查看本营业厅的数据', 'hallId');
  return { scope: { companyId: p.device.companyId, hallId: p.device.hallId }, rest: { ...rest, hallId: p.device.hallId } };
}

async function route(r: Request, res: ServerResponse): Promise<void> {
  const { method, path } = r;
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /v1/health':
      await r.pool.query('SELECT 1');
      return sendJson(res, 200, { ok: true });
    case 'POST /v1/enrol':
      return sendJson(res, 200, await enrol(r.pool, parse(enrolRequest, await readJson(r.req))));
    case 'POST /v1/push': {
      const d = await device(r);
      return sendJson(res, 200, await push(r.pool, d, parse(pushRequest, await readJson(r.req))));
    }
    case 'GET /v1/push/state':
      return sendJson(res, 200, await pushState(r.pool, await device(r)));
    case 'GET /v1/feed': {
      const d = await device(r);
      return sendRaw(res, 200, await readFeed(r.pool, d, parse(feedQuery, r.query)));
    }
    case 'GET /v1/snapshot/start':
      return sendJson(res, 200, await startSnapshot(r.pool, await device(r)));
    case 'GET /v1/snapshot': {
      const d = await device(r);
      return sendRaw(res, 200, await readSnapshot(r.pool, d, parse(snapshotQuery, r.query)));
    }
    case 'POST /v1/day-markers': {
      const d = await device(r);
      return sendJson(res, 200, await submitDayMarker(r.pool, d, parse(dayMarkerRequest, await readJson(r.req))));
    }
    case 'GET /v1/anomalies': {
      const { scope: s, rest } = await scope(r, r.query);
      const { open, hallId } = rest;
      if (open !== undefined && open !== '0' && open !== '1') throw badRequest('open 只能是 0 或 1', 'open');
      return sendJson(res, 200, { anomalies: await listAnomalies(r.pool, s.companyId, hallId ?? null, open === '1') });
    }
    case 'GET /v1/finance/cash-stats': {
      const { scope: s, rest } = await scope(r, r.query);
      const q = parse(cashStatsQuery, rest);
      return sendJson(res, 200, await cashStats(r.pool, s, q.from, q.to));
    }
    case 'GET /v1/finance/arrears': {
      const { scope: s, rest } = await scope(r, r.query);
      const q = parse(arrearsQuery, rest);
      return sendJson(res, 200, await arrears(r.pool, s, q.asOf, q.limit ?? 1000));
    }
    case 'GET /v1/finance/bank-runs': {
      const { scope: s, rest } = await scope(r, r.query);
      const q = parse(bankRunsQuery, rest);
      return sendJson(res, 200, await bankRuns(r.pool, s, q.from, q.to));
    }
    case 'POST /v1/admin/enrolment-codes':
      admin(r);
      return sendJson(res, 200, await createEnrolmentCode(r.pool, parse(createCodeRequest, await readJson(r.req))));
    case 'GET /v1/admin/devices':
      admin(r);
      return sendJson(res, 200, { devices: await listDevices(r.pool) });
    case 'POST /v1/admin/rows':
      admin(r);
      return sendJson(res, 200, await importRows(r.pool, parse(adminRowsRequest, await readJson(r.req))));
  }
  let m = /^\/v1\/halls\/([^/]+)\/days\/([^/]+)$/.exec(path);
  if (m && method === 'GET') {
    const hallId = parse(syncId, decodeURIComponent(m[1]!));
    const date = parse(businessDate, m[2]);
    const { scope: s } = await scope(r, { ...r.query, hallId });
    if (!s.companyId) throw badRequest('管理员查询须指定 companyId', 'companyId');
    return sendJson(res, 200, await hallDayStatus(r.pool, s.companyId, hallId, date));
  }
  m = /^\/v1\/anomalies\/([^/]+)\/resolve$/.exec(path);
  if (m && method === 'POST') {
    const id = parse(syncId, decodeURIComponent(m[1]!));
    const p = await principal(r);
    const input = parse(resolveAnomalyRequest, await readJson(r.req));
    const limit = p.kind === 'device' ? { companyId: p.device.companyId, hallId: p.device.hallId } : null;
    return sendJson(res, 200, await inTransaction(r.pool, (client) => resolveAnomaly(client, id, limit, input)));
  }
  m = /^\/v1\/admin\/devices\/([^/]+)\/revoke$/.exec(path);
  if (m && method === 'POST') {
    admin(r);
    return sendJson(res, 200, await revokeDevice(r.pool, parse(syncId, decodeURIComponent(m[1]!))));
  }
  throw notFound();
}

function errorAnswer(error: unknown, log: (message: string) => void): { status: number; body: unknown } {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } } };
  }
  if (error instanceof ZodError) return errorAnswer(fromZod(error), log);
  const pgCode = (error as { code?: unknown }).code;
  if (typeof pgCode === 'string' && pgCode.startsWith('22')) {
    // A data exception PostgreSQL found in a value the schemas let through (an out-of-range number …).
    return errorAnswer(badRequest(`数据无效: ${(error as Error).message}`), log);
  }
  if (error instanceof URIError) return errorAnswer(badRequest('地址编码无效'), log);
  log(`[sync-server] internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { status: 500, body: { error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } } };
}

/**
 * How long an idle keep-alive connection stays open. Node's 5 s default raced a counter's next request: a counter
 * writing a 20,000-row snapshot page (seconds on a busy PC) asked for the next page just as the server closed the
 * socket (ECONNRESET; seen in the end-to-end snapshot bench). Longer than a load balancer's usual 60 s idle timeout.
 */
export const KEEP_ALIVE_MS = 65_000;

export function createApp(pool: Pool, config: AppConfig): Server {
  const log = config.log ?? ((message: string) => console.error(message));
  const server = createServer((req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://sync.local');
    } catch {
      return sendJson(res, 400, { error: { code: 'VALIDATION', message: '地址无效' } });
    }
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = v;
    const request: Request = { req, method: req.method ?? 'GET', path: url.pathname, query, pool, config };
    route(request, res).catch((error: unknown) => {
      const { status, body } = errorAnswer(error, log);
      if (status === 413) res.setHeader('connection', 'close');
      sendJson(res, status, body);
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 5_000;
  return server;
}
