/** Handlers of the contract's timing area (preload/contract/timing.ts), issue 15 #5: R-SEC-13 and R-SEC-16. */
import { verifyApprover } from '../../services/auth.js';
import { reportFile } from '../../services/report-xlsx.js';
import {
  counterStatus,
  loadTimingSettings,
  PAUSE_APPROVER_ROLES,
  pauseCounter,
  pickCustomer,
  recentPauses,
  resumeCounter,
  saveTimingSettings,
} from '../../services/service-timing.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const timingHandlers = ({ deps, reads }: HandlerKit) =>
  area({
    'timing.pick': (ctx, input) => pickCustomer(deps, signedIn(ctx), input),
    'timing.status': (ctx) => {
      const actor = signedIn(ctx);
      return { ...counterStatus(deps, actor), recent: recentPauses(deps, actor) };
    },
    'timing.settings': () => loadTimingSettings(deps.db),
    'timing.saveSettings': (ctx, input) => saveTimingSettings(deps, signedIn(ctx), input),
    'timing.pause': (ctx, input) => {
      const actor = signedIn(ctx);
      return pauseCounter(deps, actor, { reason: input.reason, approver: verifyApprover(deps, actor, input.approver, PAUSE_APPROVER_ROLES) });
    },
    'timing.resume': (ctx) => resumeCounter(deps, signedIn(ctx)),
    'timing.report': (ctx, input) => reads.run('timing.report', signedIn(ctx), input),
    'timing.export': async (ctx, { format, query }) => {
      const actor = signedIn(ctx);
      const { table } = await reads.run('timing.report', actor, query);
      return reportFile(table, actor, format, deps.clock.now());
    },
  });
