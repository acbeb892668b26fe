/** Handlers of the contract's bank area (preload/contract/bank.ts): 银行代扣 and 批量打印. */
import { WITHHOLDING_BANKS } from '../../../preload/kernel/enums.js';
import { BankWithholding } from '../../services/bank-withholding.js';
import { BatchPrinting } from '../../services/batch-printing.js';
import type { CallContext } from '../router.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const bankHandlers = ({ deps, receipts, devices: { printer }, uploads, after, reads }: HandlerKit) => {
  const bank = new BankWithholding(deps);
  const batches = new BatchPrinting(deps, receipts, printer);
  /** A bank return: a finished upload of this session, or inline base64. */
  const returnFile = (ctx: CallContext, input: { file?: string | undefined; upload?: string | undefined }): { bytes: Buffer; sha256?: string } =>
    input.upload ? uploads.file(ctx.connection, signedIn(ctx), input.upload) : { bytes: Buffer.from(input.file ?? '', 'base64') };
  return area({
    'printing.filters': () => batches.filters(),
    'printing.slips': (_ctx, input) => batches.slipSheets(input),
    'printing.printSlips': (ctx, input) => batches.printSlips(signedIn(ctx), input),
    'printing.arrears': (_ctx, input) => batches.arrears(input),
    'printing.printArrears': (ctx, input) => batches.printArrears(signedIn(ctx), input),
    'bank.banks': () => [...WITHHOLDING_BANKS],
    'bank.preview': (_ctx, input) => bank.preview(input.bank),
    'bank.generate': (ctx, input) => bank.generate(signedIn(ctx), input.bank),
    'bank.file': (_ctx, input) => bank.file(input.runId),
    'bank.runs': () => bank.runs(),
    'bank.check': async (ctx, input) => {
      const file = returnFile(ctx, input);
      const { failures: _failures, ...summary } = await bank.check(input.runId, file.bytes, file.sha256);
      return summary;
    },
    'bank.writeOff': async (ctx, input) => {
      const file = returnFile(ctx, input);
      const done = await bank.writeOff(signedIn(ctx), input.runId, file.bytes, file.sha256);
      if (input.upload) uploads.drop(input.upload);
      return done;
    },
    'bank.failed': (_ctx, input) => bank.failed(input.runId),
    'bank.manualSlip': (ctx, input) => bank.manualSlip(signedIn(ctx), input),
    'bank.writeOffManual': after.printsSlips(
      (ctx, input) => bank.writeOffManual(signedIn(ctx), input.manualSlipNo),
      { print: (done) => done.slipNo },
      (done, { print }) => ({ ...done, print }),
    ),
    // Issue 13 #6: the bank's checks and reports read on the read worker
    'bank.postCheck': (ctx, input) => reads.run('bank.postCheck', signedIn(ctx), input),
    'bank.monthly': (ctx, input) => reads.run('bank.monthly', signedIn(ctx), input),
    'bank.quarterly': (ctx, input) => reads.run('bank.quarterly', signedIn(ctx), input),
  });
};
