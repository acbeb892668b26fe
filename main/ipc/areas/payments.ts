/** Handlers of the contract's payments area (preload/contract/payments.ts): cash, receipts, invoices, display, counter day, 冲正. */
import { fen } from '../../../preload/kernel/money.js';
import { asAccountId, asBillId, asBillIds } from '../../domain/ids.js';
import { WAIVER_APPROVER_ROLES } from '../../domain/late-fee.js';
import { verifyApprover } from '../../services/auth.js';
import { counterOpenedToday, openCounter } from '../../services/counter-day.js';
import { findChannelPayment, recordElectronicPayment } from '../../services/electronic-payments.js';
import { issueInvoice, registerInvoiceBook } from '../../services/invoices.js';
import { payBills, quotePayment, type PostedPayment } from '../../services/payments.js';
import { APPROVER_ROLES, isCardRecharge, reversePayment } from '../../services/reversals.js';
import { area, signedIn, ticketLines, type HandlerKit } from './kit.js';

export const paymentsHandlers = ({ deps, receipts, devices: { cards, displays }, after }: HandlerKit) => {
  return area({
    'payments.quote': (_ctx, input) => quotePayment(deps, input),
    'payments.payCash': after.printsSlips(
      (ctx, { tendered, waivers, approver, tickets, ...rest }) => {
        const actor = signedIn(ctx);
        return payBills(deps, actor, {
          ...rest,
          accountId: asAccountId(rest.accountId),
          billIds: asBillIds(rest.billIds),
          expectedTotalFen: fen(rest.expectedTotalFen),
          tenderedFen: tendered,
          waivers: waivers.map((w) => ({ billId: asBillId(w.billId), waiveFen: w.amount, reason: w.reason })),
          approver: approver ? verifyApprover(deps, actor, approver, WAIVER_APPROVER_ROLES) : null,
          tickets: ticketLines(tickets),
        });
      },
      { print: (posted) => posted.slipNo },
      ({ paymentId: _paymentId, ...shown }, { print }) => ({ ...shown, print }),
    ),
    'receipts.reprint': (ctx, input) => receipts.print(signedIn(ctx), input.slipNo),
    'receipts.recent': (ctx) => receipts.recent(signedIn(ctx)),
    'receipts.unprinted': (ctx) => receipts.unprinted(signedIn(ctx)),
    'counter.status': (ctx) => counterOpenedToday(deps, signedIn(ctx)),
    'counter.open': (ctx, input) => openCounter(deps, signedIn(ctx), { checked: input.checked, floatFen: input.float }),
    'display.state': (ctx) => displays.state(signedIn(ctx).counterId),
    'display.show': (ctx, input) => ({ updatedAt: displays.show(signedIn(ctx), input).updatedAt }),
    'display.rate': (ctx, input) => displays.rate(signedIn(ctx), input.score),
    'invoices.registerBook': (ctx, input) => registerInvoiceBook(deps, signedIn(ctx), input),
    'invoices.issue': (ctx, input) => issueInvoice(deps, signedIn(ctx), input.slipNo),
    'payments.recordElectronic': (ctx, { amount, ...rest }) => recordElectronicPayment(deps, signedIn(ctx), { ...rest, accountId: asAccountId(rest.accountId), billIds: asBillIds(rest.billIds), amountFen: amount }),
    'payments.findChannel': (_ctx, input) => findChannelPayment(deps, input.channelRef),
    'payments.reverse': after.printsSlips(
      async (ctx, input) => {
        const actor = signedIn(ctx);
        const request = { slipNo: input.slipNo, reason: input.reason, approver: verifyApprover(deps, actor, input.approver, APPROVER_ROLES) };
        if (!isCardRecharge(deps, input.slipNo)) {
          const done = reversePayment(deps, actor, request);
          return { done, card: null, originalSlipNo: input.slipNo, restoreWithdrawn: done.restoreWithdrawn };
        }
        const written = await cards.reverseRecharge(actor, request);
        return { done: written as PostedPayment, card: { cardNo: written.cardNo, volume: written.volume, credit: written.credit }, originalSlipNo: input.slipNo, restoreWithdrawn: null };
      },
      { print: ({ done }) => done.slipNo },
      ({ done, card, originalSlipNo, restoreWithdrawn }, { print }) => ({
        slipNo: done.slipNo,
        originalSlipNo,
        totalFen: done.totalFen,
        ticketFen: done.ticketFen,
        changeFen: done.changeFen,
        card,
        restoreWithdrawn,
        print,
      }),
    ),
  });
};
