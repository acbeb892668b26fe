/** Handlers of the contract's cards area (preload/contract/cards.ts): IC-card meters. */
import { asAccountId } from '../../domain/ids.js';
import { area, feeShown, signedIn, ticketLines, type HandlerKit } from './kit.js';

export const cardsHandlers = ({ devices: { cards }, after }: HandlerKit) =>
  area({
    'cards.read': () => cards.read(),
    'cards.pending': () => cards.pending(),
    'cards.flagged': (ctx) => cards.flagged(signedIn(ctx).hallId),
    'cards.recharge': after.printsSlips(
      (ctx, { purchase, tendered, tickets, accountId, confirmLargeTender }) =>
        cards.recharge(signedIn(ctx), {
          accountId: asAccountId(accountId),
          ...purchase,
          tenderedFen: tendered,
          tickets: ticketLines(tickets),
          confirmLargeTender,
        }),
      { print: (done) => done.slipNo },
      (done, { print }) => ({ ...done, print }),
    ),
    'cards.issue': after.printsSlips(
      (ctx, { tendered, ...rest }) => cards.issue(signedIn(ctx), { ...rest, accountId: asAccountId(rest.accountId), tenderedFen: tendered }),
      { print: (done) => done.fee?.slipNo ?? null },
      (done, { print }) => {
        const fee = feeShown(done.fee);
        return { cardNo: done.cardNo, counter: done.counter, feeSlipNo: fee.slipNo, feeFen: done.fee?.totalFen ?? 0, changeFen: fee.changeFen ?? 0, print };
      },
    ),
    'cards.recover': after.printsSlips(
      (ctx, input) => cards.recover(signedIn(ctx), input),
      { print: (done) => ('abandoned' in done ? null : done.slipNo) },
      (done, { print }) => ('abandoned' in done ? done : { ...done, abandoned: false as const, print: print as NonNullable<typeof print> }),
    ),
    'cards.census': (_ctx, { remaining, used, ...rest }) => cards.census({ ...rest, remainingCenti: remaining, usedCenti: used }),
  });
