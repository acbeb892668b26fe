/**
 * The contract's legacy data import (issue 12 #3, administrators and managers): the templates (CSV or .xlsx,
 * empty or with sample rows), a dry run that returns the error report, the import itself (all or nothing) and
 * its progress. A file larger than one call comes through the chunked upload (upload.begin/chunk/end) and is
 * named by its upload id; a small one may come inline as base64.
 */
import { z } from 'zod';
import { IMPORT_KINDS } from '../kernel/enums.js';
import { noInput } from './schemas.js';

export const IMPORT_ROLES = ['manager', 'admin'] as const;

const importFileIn = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    file: z.string().min(1, '请选择导入文件').max(80_000_000, '文件过大').optional(),
    upload: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '上传编号不正确').optional(),
  })
  .strict()
  .refine((v) => (v.file === undefined) !== (v.upload === undefined), { message: '请选择导入文件', path: ['file'] });

const report = z.object({
  kind: z.enum(IMPORT_KINDS),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  rows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** CSV text (UTF-8 with BOM) the window offers for download; null when every row is good. */
  errorReport: z.string().nullable(),
});

export const importsContract = {
  'imports.templates': {
    access: IMPORT_ROLES,
    input: noInput,
    output: z.array(z.object({ kind: z.enum(IMPORT_KINDS), title: z.string(), columns: z.array(z.object({ name: z.string(), required: z.boolean(), note: z.string() })) })),
  },
  'imports.template': {
    access: IMPORT_ROLES,
    input: z.object({ kind: z.enum(IMPORT_KINDS), format: z.enum(['csv', 'xlsx']), sample: z.boolean() }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  'imports.check': { access: IMPORT_ROLES, input: importFileIn, output: report },
  'imports.run': {
    access: IMPORT_ROLES,
    input: importFileIn,
    output: report.extend({
      imported: z.boolean(),
      counts: z.object({ rows: z.number().int(), inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    }),
  },
  'imports.progress': {
    access: IMPORT_ROLES,
    input: noInput,
    output: z.object({ job: z.enum(['check', 'run']).nullable(), phase: z.enum(['read', 'validate', 'write', 'done']), done: z.number().int(), total: z.number().int() }),
  },
} as const;
