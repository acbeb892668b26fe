/**
 * Issue 15 #7 (R-PHOTO-01/02, counter staff): check a technician's photo folder against his list and the photo
 * handover book, and copy it renamed by address into the archive (photo server) and the local second copy, each
 * with a SHA-256 manifest. Nothing is copied unless the check passes; no archive file is ever overwritten.
 */
import { z } from 'zod';
import { COUNTER_ROLES } from './schemas.js';

const photoInput = z
  .object({
    sourceDir: z.string().min(1, '请选择照片文件夹').max(500, '路径过长'),
    /** The technician's list as CSV: 文件名,户号,地址. */
    listCsv: z.string().max(1_000_000, '照片清单过大'),
    /** The photo handover book (照片交接本): photos per household. */
    handover: z.array(z.object({ accountNo: z.string().min(1).max(40), count: z.number().int().min(0).max(1000) }).strict()).max(10_000),
    yearMonth: z.string().regex(/^\d{4}-\d{2}$/, '年月应为 YYYY-MM'),
  })
  .strict();

const photoCheck = z.object({
  missing: z.array(z.string()),
  extra: z.array(z.string()),
  countMismatch: z.array(z.object({ accountNo: z.string(), listed: z.number(), handover: z.number() })),
  listErrors: z.array(z.string()),
  plan: z.array(z.object({ from: z.string(), to: z.string(), accountNo: z.string() })),
});

export const photosContract = {
  /** R-PHOTO-01: the check only, shown before the copy. */
  'photos.check': { access: COUNTER_ROLES, input: photoInput, output: photoCheck },
  /** R-PHOTO-01/02: check, then copy to the configured archive and local copy; refused (nothing copied) on any problem. */
  'photos.import': {
    access: COUNTER_ROLES,
    input: photoInput.extend({ batch: z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, '批次号只能含字母、数字、-、_') }).strict(),
    output: z.object({ copied: z.array(z.object({ to: z.string(), sha256: z.string(), accountNo: z.string() })), manifests: z.array(z.string()) }),
  },
} as const;
