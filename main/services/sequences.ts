/** Gap-free per-counter number sequences (check slips, businesses, work orders). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { counterSequences } from '../../db/schema.js';


/** Next number of a per-counter sequence, inside the caller's transaction: gap-free by construction. */
export function nextCounterNumber(tx: Tx, counterId: string, kind: string): number {
  const row = tx
    .insert(counterSequences)
    .values({ counterId, kind, lastValue: 1 })
    .onConflictDoUpdate({
      target: [counterSequences.counterId, counterSequences.kind],
      set: { lastValue: sql`${counterSequences.lastValue} + 1` },
    })
    .returning({ value: counterSequences.lastValue })
    .get();
  return row.value;
}


/** 'LC01-00000042' for slips; with a prefix letter, 'LC01-B00000042' (业务) or 'LC01-P00000042' (派工单). */
export function formatCounterNo(counterCode: string, seq: number, prefix = ''): string {
  return `${counterCode}-${prefix}${String(seq).padStart(8, '0')}`;
}
