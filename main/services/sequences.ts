/** Gap-free per-counter number sequences (check slips, businesses, work orders). */
import type { Tx } from '../../db/open.js';
import { statementOf } from '../../db/statements.js';


/** Next number of a per-counter sequence, inside the caller's transaction: gap-free by construction. */
export function nextCounterNumber(tx: Tx, counterId: string, kind: string): number {
  return (statementOf(tx, NEXT_NUMBER_SQL).get(counterId, kind) as { value: number }).value;
}

/** Prepared once per connection (issue 13 #3): every payment takes a slip number. */
const NEXT_NUMBER_SQL = `INSERT INTO counter_sequences (counter_id, kind, last_value) VALUES (?, ?, 1)
  ON CONFLICT (counter_id, kind) DO UPDATE SET last_value = counter_sequences.last_value + 1 RETURNING last_value AS value`;


/** 'LC01-00000042' for slips; with a prefix letter, 'LC01-B00000042' (业务) or 'LC01-P00000042' (派工单). */
export function formatCounterNo(counterCode: string, seq: number, prefix = ''): string {
  return `${counterCode}-${prefix}${String(seq).padStart(8, '0')}`;
}
