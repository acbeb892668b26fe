/**
 * The IC-card write ledger as the counter sees it: the purchase counter the system expects on an
 * account's card, the writes still in doubt, and the card reader's failures in the clerk's words.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ReadTx } from '../../db/open.js';
import { cardWriteOutcomes, cardWrites } from '../../db/schema.js';
import { CardDisconnectedError, CardStatusError, CardTimeoutError } from '../../hardware/card/reader.js';
import { DeviceUnavailableError } from '../../hardware/serial/errors.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { fen, type Fen } from '../../preload/kernel/money.js';
import { centiM3, type CentiM3 } from '../../preload/kernel/volume.js';
import { asAccountId, asCardNo, asCardWriteId, type AccountId, type CardNo, type CardWriteId } from '../domain/ids.js';

/** Device failures in the clerk's words. */
export function cardError(error: unknown): DomainError {
  if (error instanceof CardStatusError) {
    const text: Record<string, string> = {
      NO_CARD: '读卡器中没有卡，请插卡',
      BLANK_CARD: '这是一张空白卡，请先制卡',
      NOT_BLANK: '这张卡已有数据，不是空白卡',
      CARD_MISMATCH: '插入的不是这位用户的卡',
      COUNTER_MISMATCH: '卡上购气次数与写卡请求不符',
      INSUFFICIENT_CREDIT: '卡上剩余气量不足，气量可能已输入气表，不能写回',
      WRITE_FAILED: '写卡失败，卡未改变',
    };
    return new DomainError('CARD_ERROR', text[error.status] ?? `读卡器返回错误 ${error.status}`, 'card');
  }
  // issue 12 #2: no reader chosen or found, or its port refused: what to do, nothing changed
  if (error instanceof DeviceUnavailableError) return new DomainError('CARD_ERROR', error.message, 'card');
  if (error instanceof CardTimeoutError) return new DomainError('CARD_ERROR', '读卡器无响应，请检查卡是否插好', 'card');
  if (error instanceof CardDisconnectedError) return new DomainError('CARD_ERROR', '读卡器未连接，请检查USB连线', 'card');
  return new DomainError('CARD_ERROR', `读卡器故障：${error instanceof Error ? error.message : String(error)}`, 'card');
}

export interface PendingWrite {
  id: CardWriteId;
  kind: string;
  cardNo: CardNo;
  accountId: AccountId;
  volume: CentiM3;
  amountFen: Fen;
  createdAt: string;
}

/** The purchase counter of the account's last confirmed card write (0 before the first). */
export function systemCounter(tx: ReadTx, accountId: AccountId): number {
  const row = tx
    .select({ counter: cardWrites.counterAfter })
    .from(cardWrites)
    .innerJoin(cardWriteOutcomes, eq(cardWriteOutcomes.writeId, cardWrites.id))
    .where(and(eq(cardWrites.accountId, accountId), eq(cardWriteOutcomes.outcome, 'confirmed')))
    .orderBy(desc(sql`${cardWriteOutcomes}.rowid`))
    .limit(1)
    .get();
  return row?.counter ?? 0;
}

export function pendingWrites(tx: ReadTx, filter?: { cardNo?: CardNo }): PendingWrite[] {
  const rows = tx
    .select()
    .from(cardWrites)
    .leftJoin(cardWriteOutcomes, eq(cardWriteOutcomes.writeId, cardWrites.id))
    .where(and(isNull(cardWriteOutcomes.writeId), filter?.cardNo ? eq(cardWrites.cardNo, filter.cardNo) : undefined))
    .orderBy(cardWrites.createdAt)
    .all();
  return rows.map(({ card_writes: w }) => ({
    id: asCardWriteId(w.id),
    kind: w.kind,
    cardNo: asCardNo(w.cardNo),
    accountId: asAccountId(w.accountId),
    volume: centiM3(w.volumeCenti),
    amountFen: fen(w.amountFen),
    createdAt: w.createdAt,
  }));
}
