/** Issue 14: reading a JSON body with a size limit and writing JSON answers (node:http, no framework needed). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES } from '../protocol/index.js';
import { HttpError, badRequest } from './errors.js';

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, 'TOO_LARGE', '请求内容过大');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'TOO_LARGE', '请求内容过大');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw badRequest('请求内容为空');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('请求内容不是有效的 JSON');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendRaw(res, status, JSON.stringify(body));
}

/** An answer already serialised (feed and snapshot pages are built as text). */
export function sendRaw(res: ServerResponse, status: number, json: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store' });
  res.end(json);
}
