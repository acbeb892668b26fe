/** Handlers of the contract's accounts area (preload/contract/accounts.ts). */
import { transferOwnership } from '../../services/transfer.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const accountsHandlers = ({ deps, after }: HandlerKit) =>
  area({
    'accounts.transfer': after.printsSlips(
      (ctx, { tendered, ...rest }) => transferOwnership(deps, signedIn(ctx), { ...rest, tenderedFen: tendered }),
      { print: (done) => done.payment?.slipNo ?? null },
      (done, { print }) => ({
        previousName: done.previousName,
        settledReading: done.settledReading,
        feeFen: done.feeFen,
        slipNo: done.payment?.slipNo ?? null,
        changeFen: done.payment?.changeFen ?? null,
        print,
      }),
    ),
  });
