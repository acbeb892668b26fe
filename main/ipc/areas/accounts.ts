/** Handlers of the contract's accounts area (preload/contract/accounts.ts): customers, readings, 报装, 过户. */
import { asAccountId } from '../../domain/ids.js';
import { AccountSearch } from '../../services/accounts.js';
import { splitUnpaidBill } from '../../services/bill-split.js';
import { enterCounterReading, unpaidList } from '../../services/billing.js';
import { changePaymentMethod } from '../../services/payment-method.js';
import { registerAccount } from '../../services/registration.js';
import { accountStatement } from '../../services/statement.js';
import { transferOwnership } from '../../services/transfer.js';
import { area, feeShown, signedIn, type HandlerKit } from './kit.js';

export const accountsHandlers = ({ deps, after }: HandlerKit) => {
  const search = new AccountSearch(deps);
  return area({
    'accounts.search': (_ctx, input) => search.search(input.query),
    'bills.unpaid': (_ctx, input) => unpaidList(deps, asAccountId(input.accountId)),
    'bills.enterReading': (ctx, input) => enterCounterReading(deps, signedIn(ctx), input),
    'bills.split': (ctx, input) => splitUnpaidBill(deps, signedIn(ctx), { billId: input.billId, splitCenti: input.split }),
    'accounts.register': after.printsSlips(
      (ctx, { connectionFee, tendered, ...rest }) => registerAccount(deps, signedIn(ctx), { ...rest, connectionFeeFen: connectionFee, tenderedFen: tendered }),
      { print: (done) => done.payment?.slipNo ?? null },
      (done, { print }) => ({
        accountId: done.accountId,
        accountNo: done.accountNo,
        seqNo: done.seqNo,
        business: done.business,
        warnings: done.warnings,
        ...feeShown(done.payment),
        print,
      }),
    ),
    'accounts.transfer': after.printsSlips(
      (ctx, { tendered, ...rest }) => transferOwnership(deps, signedIn(ctx), { ...rest, tenderedFen: tendered }),
      { print: (done) => done.payment?.slipNo ?? null },
      (done, { print }) => ({ previousName: done.previousName, settledReading: done.settledReading, feeFen: done.feeFen, ...feeShown(done.payment), print }),
    ),
    'accounts.changePaymentMethod': (ctx, input) => changePaymentMethod(deps, signedIn(ctx), input),
    'accounts.statement': (_ctx, input) => accountStatement(deps, input),
  });
};
