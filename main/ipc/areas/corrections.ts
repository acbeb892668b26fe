/** Handlers of the contract's corrections area (preload/contract/corrections.ts): requests and the manager's decision (issue 15 #3). */
import { decideCorrection, listCorrections, requestMethodCorrection, requestReadingCorrection } from '../../services/correction-requests.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const correctionsHandlers = ({ deps }: HandlerKit) =>
  area({
    'corrections.requestReading': (ctx, input) => requestReadingCorrection(deps, signedIn(ctx), input),
    'corrections.requestMethod': (ctx, input) => requestMethodCorrection(deps, signedIn(ctx), input),
    'corrections.list': (ctx, input) => listCorrections(deps, signedIn(ctx), input),
    'corrections.decide': (ctx, input) => decideCorrection(deps, signedIn(ctx), input),
  });
