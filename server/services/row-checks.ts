/**
 * Issue 14: the few columns the server's money projection reads are checked before a batch is written: money
 * is integer fen, ids are present. A bad row refuses the whole batch with 400 (nothing stored).
 */
import { z } from 'zod';
import type { SyncEvent } from '../protocol/index.js';
import { badRequest } from '../http/errors.js';

const fen = z.number().int().refine(Number.isSafeInteger, '金额必须是整数分');
const optionalFen = fen.optional().nullable();
const id = z.string().min(1);

const paymentRow = z.object({
  account_id: id,
  business_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
  method: z.string().min(1),
  total_fen: fen,
  gas_fen: optionalFen,
  late_fee_fen: optionalFen,
  fee_fen: optionalFen,
  reverses_payment_id: z.string().nullable().optional(),
});

const paymentItemRow = z.object({ bill_id: id, payment_id: id, gas_fen: fen, late_fee_fen: optionalFen });

export function validatePaymentRows(events: SyncEvent[]): void {
  events.forEach((e, i) => {
    const schema = e.table === 'payments' ? paymentRow : e.table === 'payment_items' ? paymentItemRow : null;
    if (!schema) return;
    const parsed = schema.safeParse(e.row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRequest(`第 ${e.seq} 号记录（${e.table}）无效: ${issue?.message ?? ''}`, `events.${i}.row.${issue?.path.map(String).join('.') ?? ''}`);
    }
  });
}
