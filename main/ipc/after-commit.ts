/**
 * Post-commit effects, declared once (issue 11 #3). A use case commits its transaction and returns; what
 * follows from the commit is not written inline in each handler but declared where the handler is
 * registered (main/ipc/areas/<area>.ts), with one of these wrappers:
 *
 * - `printsSlips(commit, slips, show)`: the use case posted payments; each slip named in `slips` is printed
 *   after the commit, in the order the keys are written (a meter test's fee slip before its refund slip),
 *   through ReceiptService.print (original/副本, the cash-drawer kick with an original cash slip, the print
 *   audit); a pick that gives null prints nothing and shows null. `show` then shapes the answer with the
 *   printouts under their keys (`print`, `refundPrint`, …).
 * - `printsLayout(commit, layout, show)`: the use case produced a report (日结) printed on the receipt printer.
 *
 * The hook for everything else that follows a commit: `on(listener)`. Every successful call is announced
 * once, after its declared prints, with its method, actor and answer (main/ipc/handlers.ts does this for
 * every handler). The later sync push listens for the methods that wrote; the customer display push listens
 * for `display.*` and the payments. Listeners run synchronously in subscription order and must not throw
 * into the call: an error (or a rejected promise) is logged and the committed answer stands. The host owns
 * the one instance (`host.afterCommit`, main/host.ts), e.g.
 *
 *   host.afterCommit.on(({ method, actor }) => { if (actor && method.startsWith('display.')) pushDisplay(actor.counterId); });
 */
import type { Method } from '../../preload/contract.js';
import type { ReceiptPrinter } from '../../hardware/printer/printer.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';
import type { Actor } from '../services/context.js';
import { printLayout } from '../services/print-layout.js';
import type { PrintOutcome, ReceiptService } from '../services/receipts.js';
import { signedIn } from './areas/kit.js';
import type { CallContext } from './router.js';

/** One successful call, announced after its commit and its prints. */
export interface Committed {
  method: Method;
  actor: Actor | null;
  value: unknown;
}
export type AfterCommitListener = (event: Committed) => void | Promise<void>;
export type LayoutPrintout = Awaited<ReturnType<typeof printLayout>>;

/** The printout under each slip's key: null only where the pick may give no slip. */
type Printed<S> = { [P in keyof S]: S[P] extends (done: never) => string ? PrintOutcome : PrintOutcome | null };
type Commit<I, R> = (ctx: CallContext, input: I) => R | Promise<R>;

export class AfterCommit {
  private readonly listeners: AfterCommitListener[] = [];

  constructor(
    private readonly receipts: ReceiptService,
    private readonly printer: ReceiptPrinter,
    private readonly columns: () => number,
    private readonly log: (message: string, error: unknown) => void = (m, e) => {
      console.error(m, e);
    },
  ) {}

  /** Subscribes to every successful call (see the file comment); returns the unsubscribe. */
  on(listener: AfterCommitListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  /** Announces a successful call to the listeners (main/ipc/handlers.ts, once per call). */
  announce(event: Committed): void {
    for (const listener of this.listeners) {
      try {
        const done = listener(event);
        if (done instanceof Promise) done.catch((error: unknown) => this.log(`after-commit listener of ${event.method} failed`, error));
      } catch (error) {
        this.log(`after-commit listener of ${event.method} failed`, error);
      }
    }
  }

  /** The use case posts payments; their slips print after the commit (see the file comment). */
  printsSlips<I, R, S extends Record<string, (done: R) => string | null>, O>(
    commit: Commit<I, R>,
    slips: S,
    show: (done: R, printed: Printed<S>) => O,
  ): (ctx: CallContext, input: I) => Promise<O> {
    return async (ctx, input) => {
      const done = await commit(ctx, input);
      const printed: Record<string, PrintOutcome | null> = {};
      for (const [key, pick] of Object.entries(slips)) {
        const slipNo = pick(done);
        printed[key] = slipNo === null ? null : await this.receipts.print(signedIn(ctx), slipNo);
      }
      return show(done, printed as Printed<S>);
    };
  }

  /** The use case produces a report; its layout prints on the receipt printer after the commit. */
  printsLayout<I, R, O>(commit: Commit<I, R>, layout: (done: R, columns: number) => readonly SlipLine[], show: (done: R, print: LayoutPrintout) => O): (ctx: CallContext, input: I) => Promise<O> {
    return async (ctx, input) => {
      const done = await commit(ctx, input);
      const columns = this.columns();
      return show(done, await printLayout(this.printer, layout(done, columns), columns));
    };
  }
}
