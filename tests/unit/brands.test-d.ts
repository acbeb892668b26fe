/**
 * Type-level test (issue 11 #4): a mix-up of money, volume and entity ids is a compile error. Checked by
 * `npm run typecheck` (tsconfig includes tests/); vitest does not run it (its include is *.test.ts). Every
 * `@ts-expect-error` line must fail to compile: if a brand is loosened, tsc reports "Unused '@ts-expect-error'
 * directive" here. Nothing in this file is called.
 */
import type { Db, ReadTx, Tx } from '../../db/open.js';
import { asAccountId, asBillId, asPaymentId, type AccountId, type BillId, type PaymentId } from '../../main/domain/ids.js';
import { addFen, changeFor, fen, formatYuan, parseYuan, type Fen } from '../../preload/kernel/money.js';
import { centiM3, consumption, gasAmountFen, parseVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import { lateFeeFen } from '../../main/domain/late-fee.js';
import type { Actor, ServiceDeps } from '../../main/services/context.js';
import { payBills, settleBills, type CashPaymentInput } from '../../main/services/payments.js';
import { unpaidList } from '../../main/services/billing.js';

export function moneyAndVolume(): void {
  const due: Fen = parseYuan('121.00');
  const reading: CentiM3 = parseVolume('1234.5');

  // @ts-expect-error a plain number is not a Fen: literals go through fen()
  const plain: Fen = 12_100;
  // @ts-expect-error a volume is not money
  const mixed: Fen = reading;
  // @ts-expect-error money is not a volume
  consumption(due, reading);
  // @ts-expect-error a CentiM3 passed where Fen is expected
  changeFor(reading, due);
  // @ts-expect-error gasAmountFen takes a volume, not an amount
  gasAmountFen(due, 345);
  // @ts-expect-error a plain number is not a Fen argument either
  lateFeeFen(12_000, 4);
  // @ts-expect-error `+` on two Fen is a plain number; addFen keeps the brand
  const sum: Fen = due + due;

  // what must keep compiling: constructors, helpers, and a Fen read as a number (display, JSON, SQL)
  const total: Fen = addFen(due, fen(100));
  const used: CentiM3 = consumption(centiM3(12_000), reading);
  const shown: string = formatYuan(total);
  const asNumber: number = used;
  void [plain, mixed, sum, shown, asNumber];
}

export function entityIds(deps: ServiceDeps, actor: Actor, tx: Tx): void {
  const account: AccountId = asAccountId('acc-1');
  const bill: BillId = asBillId('bill-1');
  const payment: PaymentId = asPaymentId('pay-1');

  // @ts-expect-error a bill id is not an account id
  unpaidList(deps, bill);
  // @ts-expect-error a plain string is not an account id
  unpaidList(deps, 'acc-1');
  // @ts-expect-error an account id is not a payment id
  settleBills(tx, actor, account, account, [], new Date());

  const input: CashPaymentInput = {
    // @ts-expect-error a payment id is not an account id
    accountId: payment,
    // @ts-expect-error bill ids must be BillId, not plain strings
    billIds: ['bill-1'],
    tenderedFen: fen(20_000),
    // @ts-expect-error a volume is not the expected total
    expectedTotalFen: centiM3(12_100),
  };
  payBills(deps, actor, { ...input, accountId: account, billIds: [bill] });
  settleBills(tx, actor, account, payment, [], new Date());
}

/** One Tx type: the store itself and the tx of db.transaction both fit it; a reader fits ReadTx. */
export function oneTxType(db: Db): void {
  const direct: Tx = db;
  db.transaction((tx) => {
    const inside: Tx = tx;
    const reader: ReadTx = tx;
    void [inside, reader];
  });
  const reader: ReadTx = direct;
  // @ts-expect-error a ReadTx cannot write
  reader.insert;
}
