/**
 * Issue 15 #7 (R-PHOTO-01/02, counter staff): check a technician's photo folder against his list, match each photo to
 * its household (by 户号, or by the address alone) and check the counts against the photo handover book (照片交接本);
 * copy it renamed by address into the archive (photo server) and the local second copy, each with a SHA-256
 * manifest, recorded with an audit row. Nothing is copied unless the check passes; no archive file is ever
 * overwritten. The two folders are set by a manager or an administrator; a household's photos are shown beside its
 * install and ignition forms.
 */
import { z } from 'zod';
import { COUNTER_ROLES, noInput } from './schemas.js';

const handover = z.array(z.object({ accountNo: z.string().min(1).max(40), count: z.number().int().min(0).max(1000) }).strict()).max(10_000);

const photoInput = z
  .object({
    sourceDir: z.string().min(1, '请选择照片文件夹').max(500, '路径过长'),
    /** The technician's list as CSV: 文件名,户号,地址 (户号 may be empty). Empty: the folder's 照片清单.csv. */
    listCsv: z.string().max(1_000_000, '照片清单过大'),
    /** The photo handover book (照片交接本): photos per household. */
    handover,
    yearMonth: z.string().regex(/^\d{4}-\d{2}$/, '年月应为 YYYY-MM'),
  })
  .strict();

const dirs = z.object({ archive: z.string().nullable(), local: z.string().nullable() });

const household = z.object({
  accountNo: z.string(),
  name: z.string(),
  archiveAddress: z.string(),
  writtenAddress: z.string(),
  files: z.array(z.string()),
  by: z.enum(['accountNo', 'address']),
  addressDiffers: z.boolean(),
});

const photoCheck = z.object({
  missing: z.array(z.string()),
  extra: z.array(z.string()),
  countMismatch: z.array(z.object({ accountNo: z.string(), listed: z.number(), handover: z.number() })),
  listErrors: z.array(z.string()),
  plan: z.array(z.object({ from: z.string(), to: z.string(), accountNo: z.string() })),
  households: z.array(household),
  targets: dirs,
});

const settings = dirs.extend({ stored: z.object({ archive: z.boolean(), local: z.boolean() }), start: dirs });
const MANAGERS = ['manager', 'admin'] as const;

export const photosContract = {
  /** The archive and the local copy now (stored, else the start's GAS_PHOTO_ARCHIVE / GAS_PHOTO_LOCAL). */
  'photos.settings': { access: COUNTER_ROLES, input: noInput, output: settings },
  /** Each a full path to an existing, writable folder (refused at its field otherwise); empty clears it. Audited. */
  'photos.setSettings': {
    access: MANAGERS,
    input: z.object({ archive: z.string().max(500, '路径过长').nullable(), local: z.string().max(500, '路径过长').nullable() }).strict(),
    output: settings,
  },
  /** The folder picker: a folder's sub-folders and their photo counts (null: the home folder). */
  'photos.browse': {
    access: COUNTER_ROLES,
    input: z.object({ dir: z.string().max(500, '路径过长').nullable() }).strict(),
    output: z.object({
      dir: z.string(),
      parent: z.string().nullable(),
      photos: z.number().int(),
      hasList: z.boolean(),
      folders: z.array(z.object({ name: z.string(), path: z.string(), photos: z.number().int() })),
    }),
  },
  /** R-PHOTO-01: the match and the check only, shown before the copy. */
  'photos.check': { access: COUNTER_ROLES, input: photoInput, output: photoCheck },
  /** R-PHOTO-01/02: check, then copy to the configured archive and local copy, record and audit; refused (nothing copied) on any problem. */
  'photos.import': {
    access: COUNTER_ROLES,
    input: photoInput
      .extend({
        technician: z.string().max(40, '技术员姓名过长'),
        /** Empty: made from the time and the counter. */
        batch: z.string().regex(/^[0-9A-Za-z_-]{0,40}$/, '批次号只能含字母、数字、-、_').nullable(),
      })
      .strict(),
    output: z.object({
      batch: z.string(),
      importId: z.string(),
      photos: z.number().int(),
      households: z.number().int(),
      manifests: z.array(z.string()),
      manifestSha256: z.string(),
    }),
  },
  /** The running import's progress (polled by the window). */
  'photos.progress': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({ running: z.boolean(), done: z.number().int(), total: z.number().int(), batch: z.string().nullable() }),
  },
  /** R-PHOTO-02: every recorded photo and manifest in the configured archive against its recorded SHA-256. */
  'photos.verifyArchive': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.object({ root: z.string(), imports: z.number().int(), photos: z.number().int(), problems: z.array(z.string()) }),
  },
  /** A household's archived photos (beside its install and ignition forms, R-RCPT-09). */
  'photos.forAccount': {
    access: COUNTER_ROLES,
    input: z.object({ accountNo: z.string().min(1).max(40) }).strict(),
    output: z.array(
      z.object({
        id: z.string(),
        path: z.string(),
        originalName: z.string(),
        address: z.string(),
        yearMonth: z.string(),
        batch: z.string(),
        importedAt: z.string(),
        installBusinessNo: z.string().nullable(),
        sha256: z.string(),
        bytes: z.number().int(),
      }),
    ),
  },
  /** One photo's bytes (local copy first, else the archive) and whether they still match the recorded SHA-256. */
  'photos.image': {
    access: COUNTER_ROLES,
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: z.object({ mime: z.string(), base64: z.string(), intact: z.boolean(), source: z.enum(['local', 'archive']) }),
  },
} as const;
