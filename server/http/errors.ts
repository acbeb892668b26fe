/** Issue 14: a failure answered with a status and the contract's typed error body (server/protocol/common.ts). */
import type { ZodError } from 'zod';
import type { SyncErrorCode } from '../protocol/common.js';

export class HttpError extends Error {
  readonly status: number;
  readonly code: SyncErrorCode;
  readonly field: string | undefined;

  constructor(status: number, code: SyncErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export const unauthenticated = (message = '设备未登记、凭据无效或已被吊销') => new HttpError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message: string, field?: string) => new HttpError(403, 'FORBIDDEN', message, field);
export const badRequest = (message: string, field?: string) => new HttpError(400, 'VALIDATION', message, field);
export const notFound = (message = '没有这个地址') => new HttpError(404, 'NOT_FOUND', message);

/** The first zod issue as a 400 (its path names the field). */
export function fromZod(error: ZodError): HttpError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return badRequest(issue ? `请求内容无效: ${issue.message}` : '请求内容无效', field);
}
