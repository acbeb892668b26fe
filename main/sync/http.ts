/**
 * Issue 14: one JSON request to the central server (server/protocol): the body checked by its zod schema before it
 * leaves, the answer checked before it is used, a timeout on every request. A non-2xx answer is a SyncHttpError with
 * the server's code and Chinese message; no answer at all (refused, reset, timed out, DNS) is a SyncNetworkError.
 */
import type { z } from 'zod';
import { errorBody } from '../../server/protocol/index.js';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
}

export class SyncNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncNetworkError';
  }
}

export interface SyncRequest<T extends z.ZodType> {
  method: 'GET' | 'POST';
  path: string;
  authorization?: string;
  body?: unknown;
  answer: T;
  timeoutMs?: number;
}

/** Joins the server's base address (`https://sync.example:8443` or with a path prefix) and a route. */
export function urlOf(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${path}`;
}

export async function syncRequest<T extends z.ZodType>(serverUrl: string, request: SyncRequest<T>): Promise<z.output<T>> {
  let response: Response;
  try {
    response = await fetch(urlOf(serverUrl, request.path), {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(request.authorization ? { authorization: request.authorization } : {}),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new SyncNetworkError(`无法连接中心服务器（${cause}）`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new SyncNetworkError(`中心服务器的回答中断（${(error as Error).name}）`);
  }
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  if (!response.ok) {
    const parsed = errorBody.safeParse(json);
    if (parsed.success) throw new SyncHttpError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new SyncHttpError(response.status, response.status >= 500 ? 'INTERNAL' : 'HTTP', `中心服务器返回 HTTP ${response.status}`);
  }
  const parsed = request.answer.safeParse(json);
  if (!parsed.success) throw new SyncHttpError(response.status, 'BAD_ANSWER', '中心服务器的回答格式不符（版本不一致？）');
  return parsed.data;
}
