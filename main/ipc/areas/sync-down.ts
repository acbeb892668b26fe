/** Handlers of the contract's sync-down part (preload/contract/sync-down.ts): the 异常 list, 同步问题, USB day files (issue 14). */
import { decideAnomaly, listAnomalies, listProblems } from '../../sync/anomalies.js';
import { importDayFile } from '../../sync/day-file-import.js';
import type { CallContext } from '../router.js';
import { DomainError } from '../../../preload/kernel/errors.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const syncDownHandlers = ({ deps, uploads, devices: { puller } }: HandlerKit) => {
  const fileOf = (ctx: CallContext, input: { file?: string | undefined; upload?: string | undefined }): Buffer =>
    input.upload ? uploads.file(ctx.connection, signedIn(ctx), input.upload).bytes : Buffer.from(input.file ?? '', 'base64');
  return area({
    'anomalies.list': (ctx, input) => listAnomalies(deps, signedIn(ctx), input.open),
    'anomalies.decide': (ctx, input) => {
      const done = decideAnomaly(deps, signedIn(ctx), input);
      puller.kick();
      return done;
    },
    'sync.pullStatus': () => puller.status(),
    'sync.pullNow': async () => {
      try {
        await puller.pullOnce();
      } catch (error) {
        throw new DomainError('VALIDATION', `同步未完成：${error instanceof Error ? error.message : String(error)}`);
      }
      return puller.status();
    },
    'sync.problems': (ctx) => listProblems(deps, signedIn(ctx)),
    'dayFile.import': (ctx, input) => {
      const done = importDayFile(deps, signedIn(ctx), fileOf(ctx, input));
      if (input.upload) uploads.drop(input.upload);
      return done;
    },
  });
};
