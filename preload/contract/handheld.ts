/** The contract's Handheld meter readers and the price table methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { COUNTER_ROLES, HANDHELD_ROLES, centi, date, fen, id, noInput, volume, yuan } from './schemas.js';

export const handheldContract = {
  'handheld.readers': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.array(z.object({ meterReader: z.string(), accounts: z.number().int() })),
  },
  'handheld.syncClock': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.object({ pc: z.string(), handheld: z.string(), driftSeconds: z.number().int() }),
  },
  'handheld.exportList': {
    access: HANDHELD_ROLES,
    input: z.object({ meterReader: z.string().trim().min(1, '请选择抄表员').max(20), months: z.union([z.literal(1), z.literal(2)]) }).strict(),
    output: z.object({
      meterReader: z.string(),
      months: z.number().int(),
      count: z.number().int(),
      preview: z.array(z.object({ accountNo: z.string(), seqNo: z.string(), name: z.string(), address: z.string(), lastReading: centi })),
    }),
  },
  'handheld.export': {
    access: HANDHELD_ROLES,
    input: z
      .object({
        meterReader: z.string().trim().min(1, '请选择抄表员').max(20),
        months: z.union([z.literal(1), z.literal(2)]),
        confirmedCount: z.number().int().min(0, '户数有误').max(100_000, '户数有误'),
      })
      .strict(),
    output: z.object({ batchId: z.string(), count: z.number().int() }),
  },
  'handheld.import': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.object({
      batchId: z.string(),
      inserted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      ignored: z.number().int(),
      alreadyCommitted: z.boolean(),
    }),
  },
  'handheld.batch': {
    access: HANDHELD_ROLES,
    input: z.object({ batchId: z.string().trim().min(1).max(16) }).strict(),
    output: z.object({
      batch: z.object({ id: z.string(), meterReader: z.string(), months: z.number().int(), accountCount: z.number().int(), status: z.string(), deviceCommitted: z.boolean() }),
      read: z.number().int(),
      notRead: z.number().int(),
      anomalies: z.number().int(),
      rows: z.array(
        z.object({
          id,
          accountNo: z.string(),
          name: z.string(),
          address: z.string(),
          seqNo: z.string(),
          reading: centi,
          consumption: centi,
          readAt: z.string(),
          status: z.number().int(),
          anomalies: z.array(z.object({ code: z.string(), text: z.string() })),
          state: z.string(),
          note: z.string(),
        }),
      ),
    }),
  },
  'handheld.sendBack': {
    access: HANDHELD_ROLES,
    input: z.object({ batchId: z.string().trim().min(1).max(16), readingIds: z.array(id).min(1, '请选择要退回的记录').max(10_000) }).strict(),
    output: z.object({ returned: z.number().int() }),
  },
  'handheld.commit': {
    access: HANDHELD_ROLES,
    /** R-HH-04 (issue 10 #8): the clerk confirmed every 大额方数 row of the batch. */
    input: z.object({ batchId: z.string().trim().min(1).max(16), confirmLarge: z.boolean().default(false) }).strict(),
    output: z.object({ billed: z.number().int(), skipped: z.number().int(), returned: z.number().int(), deviceReleased: z.boolean(), message: z.string().nullable() }),
  },
  'handheld.progress': {
    access: HANDHELD_ROLES,
    input: noInput,
    output: z.object({ job: z.enum(['upload', 'download']).nullable(), done: z.number().int(), total: z.number().int() }),
  },
  'tariffs.list': {
    access: COUNTER_ROLES,
    input: noInput,
    output: z.array(z.object({ category: z.string(), effectiveFrom: date, priceFenPerM3: fen, tiers: z.array(z.object({ fromCenti: centi, priceFenPerM3: fen })) })),
  },
  'tariffs.set': {
    access: ['manager', 'admin'],
    input: z
      .object({
        category: z.enum(['普通用户', '公建用户']),
        effectiveFrom: date,
        price: yuan('price', z.string().trim().min(1, '请输入单价').max(12)),
        tiers: z.array(z.object({ fromM3: volume('tiers', z.string().trim().min(1).max(12)), price: yuan('tiers', z.string().trim().min(1).max(12)) }).strict()).max(8).default([]),
      })
      .strict(),
    output: z.object({ id }),
  },
} as const;
