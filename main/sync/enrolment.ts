/**
 * Issue 14 #2: enrolling this counter PC with the central server. An administrator types the server's address and
 * the one-time code the company's administrator made for this hall and counter; the server answers with the
 * device's id and secret (shown once). The PC makes its Ed25519 key pair for day files (node:crypto), keeps the
 * credential and the private key in the data folder (main/sync/credentials.ts, 0600) and writes its public key as a
 * fact (device_keys) so it goes up through the outbox and down to the hall's other PCs.
 */
import { generateKeyPairSync } from 'node:crypto';
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { enrolResponse, ROUTES } from '../../server/protocol/index.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { saveCredentials, type StoredCredentials } from './credentials.js';
import { SyncHttpError, SyncNetworkError, syncRequest } from './http.js';
import { pushPosition } from './outbox.js';

/** http(s)://host[:port][/prefix]; http only for loopback and private test set-ups (TLS expected in production). */
export function parseServerUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new DomainError('VALIDATION', '服务器地址格式应为 https://主机名:端口', 'serverUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DomainError('VALIDATION', '服务器地址须以 https:// 或 http:// 开头', 'serverUrl');
  if (url.username || url.password || url.search || url.hash) throw new DomainError('VALIDATION', '服务器地址不能包含用户名、查询参数或 #', 'serverUrl');
  return trimmed;
}

/** The one-time code as typed: groups of letters and digits, '-' and spaces between them do not matter. */
export function parseCode(text: string): string {
  const code = text.replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{4,64}$/.test(code)) throw new DomainError('VALIDATION', '登记码由字母和数字组成（可带 - 分组）', 'code');
  return code;
}

export interface EnrolInput {
  serverUrl: string;
  code: string;
}

export async function enrolDevice(sqlite: Database.Database, credentialsFile: string, input: EnrolInput, at: Date, timeoutMs = 15_000): Promise<StoredCredentials> {
  const serverUrl = parseServerUrl(input.serverUrl);
  const code = parseCode(input.code);
  let answer;
  try {
    answer = await syncRequest(serverUrl, { method: 'POST', path: ROUTES.enrol, body: { code, label: hostname().slice(0, 120) }, answer: enrolResponse, timeoutMs });
  } catch (error) {
    if (error instanceof SyncHttpError && error.status === 401) throw new DomainError('VALIDATION', '登记码无效、已使用或已过期，请向管理员索取新的登记码', 'code');
    if (error instanceof SyncHttpError && error.status === 400) throw new DomainError('VALIDATION', `中心服务器拒绝了登记：${error.message}`, 'code');
    if (error instanceof SyncNetworkError || error instanceof SyncHttpError) throw new DomainError('VALIDATION', `${error.message}，请检查服务器地址和网络`, 'serverUrl');
    throw error;
  }
  const keys = generateKeyPairSync('ed25519');
  const credentials: StoredCredentials = {
    version: 1,
    serverUrl,
    deviceId: answer.deviceId,
    secret: answer.secret,
    companyId: answer.companyId,
    hallId: answer.hallId,
    counterId: answer.counterId,
    enrolledAt: at.toISOString(),
    // the events up to the acknowledged position went up under an earlier enrolment; a first enrolment starts at 0
    seqBase: pushPosition(sqlite).ackedSeq,
    publicKeyPem: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  saveCredentials(credentialsFile, credentials);
  sqlite
    .prepare("INSERT INTO device_keys (device_id, hall_id, counter_id, algorithm, public_key_pem, created_at) VALUES (?, ?, ?, 'ed25519', ?, ?)")
    .run(credentials.deviceId, credentials.hallId, credentials.counterId, credentials.publicKeyPem, at.toISOString());
  return credentials;
}
