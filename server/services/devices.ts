/**
 * Issue 14: enrolment, authentication and revocation of counter PCs. Every request is checked against the
 * devices table (no cache), so a revocation stops the device at its very next request.
 */
import { randomUUID } from 'node:crypto';
import type { CreateCodeRequest, CreateCodeResponse, DeviceInfo, EnrolRequest, EnrolResponse, RevokeResponse } from '../protocol/index.js';
import { HttpError, notFound, unauthenticated } from '../http/errors.js';
import type { Pool } from '../db/pool.js';
import { hashEnrolmentCode, hashSecret, newEnrolmentCode, newSalt, newSecret, sameHex } from './credentials.js';

export interface Device {
  deviceId: string;
  companyId: string;
  hallId: string;
  counterId: string;
}

const DEFAULT_CODE_TTL_MINUTES = 24 * 60;

export async function createEnrolmentCode(pool: Pool, input: CreateCodeRequest): Promise<CreateCodeResponse> {
  const code = newEnrolmentCode();
  const ttl = input.ttlMinutes ?? DEFAULT_CODE_TTL_MINUTES;
  const { rows } = await pool.query<{ expires_at: string }>(
    `INSERT INTO enrolment_codes (code_hash, company_id, hall_id, counter_id, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5)) RETURNING expires_at`,
    [hashEnrolmentCode(code), input.companyId, input.hallId, input.counterId, ttl],
  );
  return { code, expiresAt: rows[0]!.expires_at };
}

/** Trades a code for a credential; the code is consumed in the same statement that checks it (used once). */
export async function enrol(pool: Pool, input: EnrolRequest): Promise<EnrolResponse> {
  const deviceId = randomUUID();
  const secret = newSecret();
  const salt = newSalt();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ company_id: string; hall_id: string; counter_id: string }>(
      `UPDATE enrolment_codes SET used_at = now(), device_id = $2
        WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING company_id, hall_id, counter_id`,
      [hashEnrolmentCode(input.code), deviceId],
    );
    const code = rows[0];
    if (!code) throw unauthenticated('登记码无效、已使用或已过期');
    await client.query(
      `INSERT INTO devices (id, company_id, hall_id, counter_id, label, secret_salt, secret_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [deviceId, code.company_id, code.hall_id, code.counter_id, input.label ?? null, salt, hashSecret(salt, secret)],
    );
    await client.query('COMMIT');
    return { deviceId, secret, companyId: code.company_id, hallId: code.hall_id, counterId: code.counter_id };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** `Authorization: Bearer <deviceId>.<secret>` → the device, or 401 (unknown, wrong secret, revoked). */
export async function authenticateDevice(pool: Pool, header: string | undefined): Promise<Device> {
  const match = /^Bearer ([^.\s]{1,128})\.([A-Za-z0-9_-]{20,128})$/.exec(header ?? '');
  if (!match) throw unauthenticated('缺少或无效的设备凭据');
  const [, deviceId, secret] = match as unknown as [string, string, string];
  const { rows } = await pool.query<{ company_id: string; hall_id: string; counter_id: string; secret_salt: string; secret_hash: string; revoked: boolean }>(
    `SELECT company_id, hall_id, counter_id, secret_salt, secret_hash, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1`,
    [deviceId],
  );
  const row = rows[0];
  if (!row || !sameHex(hashSecret(row.secret_salt, secret), row.secret_hash)) throw unauthenticated();
  if (row.revoked) throw unauthenticated('此设备已被吊销，请联系管理员');
  return { deviceId, companyId: row.company_id, hallId: row.hall_id, counterId: row.counter_id };
}

export async function revokeDevice(pool: Pool, deviceId: string): Promise<RevokeResponse> {
  const { rows } = await pool.query<{ revoked_at: string }>(
    `UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING revoked_at`,
    [deviceId],
  );
  if (!rows[0]) throw notFound('没有这个设备');
  return { deviceId, revokedAt: rows[0].revoked_at };
}

export async function listDevices(pool: Pool): Promise<DeviceInfo[]> {
  const { rows } = await pool.query<{
    id: string; company_id: string; hall_id: string; counter_id: string; label: string | null;
    enrolled_at: string; revoked_at: string | null; ack_seq: number; last_seen_at: string | null;
  }>(`SELECT id, company_id, hall_id, counter_id, label, enrolled_at, revoked_at, ack_seq, last_seen_at FROM devices ORDER BY company_id, hall_id, counter_id, enrolled_at`);
  return rows.map((r) => ({
    deviceId: r.id, companyId: r.company_id, hallId: r.hall_id, counterId: r.counter_id, label: r.label,
    enrolledAt: r.enrolled_at, revokedAt: r.revoked_at, ackSeq: r.ack_seq, lastSeenAt: r.last_seen_at,
  }));
}

/** Inside a push or marker transaction: the device row locked, re-checked for revocation. */
export async function lockDevice(client: { query: Pool['query'] }, deviceId: string): Promise<{ ackSeq: number }> {
  const { rows } = await client.query<{ ack_seq: number; revoked: boolean }>(
    `SELECT ack_seq, revoked_at IS NOT NULL AS revoked FROM devices WHERE id = $1 FOR UPDATE`,
    [deviceId],
  );
  const row = rows[0];
  if (!row || row.revoked) throw new HttpError(401, 'UNAUTHENTICATED', '此设备已被吊销，请联系管理员');
  return { ackSeq: row.ack_seq };
}
