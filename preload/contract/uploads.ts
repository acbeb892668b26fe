/**
 * The contract's chunked upload (issue 10 #10): files larger than one call may carry (bank returns up to
 * 80 MB; the harness's frames stop at 256 KB) go up as begin → chunks in order → end, and the finished
 * upload is named by its id in the call that uses it (bank.check / bank.writeOff).
 */
import { z } from 'zod';
import { COUNTER_ROLES } from './schemas.js';

/** The contract's limit for a bank return file, in bytes. */
export const MAX_RETURN_BYTES = 80_000_000;
/** Base64 characters per chunk: 192 KiB keeps a chunk's frame under the harness's 256 KB. */
export const MAX_CHUNK_BASE64 = 192 * 1024;

export const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '上传编号不正确');

export const uploadContract = {
  'upload.begin': {
    access: COUNTER_ROLES,
    input: z.object({ size: z.number().int().min(1, '文件是空的').max(MAX_RETURN_BYTES, '文件过大（最大 80 MB）') }).strict(),
    output: z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  },
  'upload.chunk': {
    access: COUNTER_ROLES,
    input: z
      .object({
        uploadId,
        seq: z.number().int().min(0).max(1_000_000),
        data: z
          .string()
          .min(4, '文件分块是空的')
          .max(MAX_CHUNK_BASE64, '文件分块过大')
          .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/, '文件分块格式不正确'),
      })
      .strict(),
    output: z.object({ received: z.number().int() }),
  },
  'upload.end': {
    access: COUNTER_ROLES,
    input: z.object({ uploadId }).strict(),
    output: z.object({ uploadId: z.string(), bytes: z.number().int(), sha256: z.string() }),
  },
} as const;
