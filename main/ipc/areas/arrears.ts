/** Handlers of the contract's arrears and closure area (preload/contract/arrears.ts): issue 15 #1 and #2. */
import { verifyApprover } from '../../services/auth.js';
import {
  AGREEMENT_APPROVER_ROLES,
  arrearsList,
  loadArrearsSettings,
  printNotices,
  recheckList,
  recordNotices,
  recordRecheck,
  requestStop,
  saveArrearsSettings,
  signAgreement,
  STOP_APPROVER_ROLES,
  settleStop,
  stopList,
} from '../../services/arrears-collection.js';
import { applyClosure, approveClosure, billFinalReading, CLOSURE_APPROVER_ROLES, closureList, requestRefit, scheduleRemoval, settleClosureDeposit } from '../../services/account-closure.js';
import type { PrintOutcome } from '../../services/receipts.js';
import { area, signedIn, type HandlerKit } from './kit.js';

const printed = (...outcomes: (PrintOutcome | null)[]) => outcomes.filter((o): o is PrintOutcome => o !== null);

export const arrearsHandlers = ({ deps, after, devices: { printer } }: HandlerKit) =>
  area({
    'arrears.settings': () => loadArrearsSettings(deps.db),
    'arrears.saveSettings': (ctx, input) => saveArrearsSettings(deps, signedIn(ctx), input),
    'arrears.list': (ctx) => arrearsList(deps, signedIn(ctx)),
    'arrears.notices': async (ctx, input) => {
      const actor = signedIn(ctx);
      const notices = recordNotices(deps, actor, input);
      // R-SEC-05: recorded first; the receipt printer's failure is reported, the A4 sheets print in the window
      const printed = input.output === 'receipt' ? await printNotices(deps, printer, actor, notices) : null;
      return { notices, printed };
    },
    'arrears.requestStop': (ctx, input) => {
      const actor = signedIn(ctx);
      return requestStop(deps, actor, { accountId: input.accountId, remark: input.remark, approver: verifyApprover(deps, actor, input.approver, STOP_APPROVER_ROLES) });
    },
    'arrears.stops': (ctx) => stopList(deps, signedIn(ctx)),
    'arrears.rechecks': (ctx) => recheckList(deps, signedIn(ctx)),
    'arrears.settleStop': (ctx, input) => settleStop(deps, signedIn(ctx), input),
    'arrears.recordRecheck': (ctx, input) => recordRecheck(deps, signedIn(ctx), input),
    'arrears.agreement': (ctx, input) => {
      const actor = signedIn(ctx);
      return signAgreement(deps, actor, { accountId: input.accountId, terms: input.terms, payBy: input.payBy, approver: verifyApprover(deps, actor, input.approver, AGREEMENT_APPROVER_ROLES) });
    },
    'closure.apply': (ctx, input) => applyClosure(deps, signedIn(ctx), input),
    // R-SEC-06: the deposit's and the removal fee's slips print after the commit
    'closure.removal': after.printsSlips(
      (ctx, input) => scheduleRemoval(deps, signedIn(ctx), { closureId: input.closureId, depositFen: input.deposit, tenderedFen: input.tendered, confirmLargeTender: input.confirmLargeTender }),
      { first: (done) => done.slips[0]?.slipNo ?? null, second: (done) => done.slips[1]?.slipNo ?? null },
      (done, { first, second }) => ({ ...done, prints: printed(first, second) }),
    ),
    'closure.settleDeposit': after.printsSlips(
      (ctx, input) => settleClosureDeposit(deps, signedIn(ctx), { closureId: input.closureId, tenderedFen: input.tendered, confirmLargeTender: input.confirmLargeTender }),
      { refund: (done) => done.refundSlipNo, payment: (done) => done.paymentSlipNo },
      (done, { refund, payment }) => ({ ...done, prints: printed(refund, payment) }),
    ),
    'closure.finalBill': (ctx, input) => billFinalReading(deps, signedIn(ctx), input),
    'closure.approve': (ctx, input) => {
      const actor = signedIn(ctx);
      return approveClosure(deps, actor, { closureId: input.closureId, approver: verifyApprover(deps, actor, input.approver, CLOSURE_APPROVER_ROLES) });
    },
    'closure.refit': (ctx, input) => requestRefit(deps, signedIn(ctx), input),
    'closure.list': (ctx) => closureList(deps, signedIn(ctx)),
  });
