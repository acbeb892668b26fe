/** Handlers of the contract's management part (preload/contract/management.ts, issue 15 #6): read on the read worker. */
import { reportFile } from '../../services/report-xlsx.js';
import { handoverDraft, handoverList, recordHandover } from '../../services/shift-handover.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const managementHandlers = ({ deps, reads }: HandlerKit) =>
  area({
    'reports.management': (ctx, input) => reads.run('reports.management', signedIn(ctx), input),
    'reports.managementExport': async (ctx, { format, query }) => {
      const actor = signedIn(ctx);
      const { table } = await reads.run('reports.management', actor, query);
      return reportFile(table, actor, format, deps.clock.now());
    },
    // R-SEC-21: 交接班记录
    'shift.handoverDraft': (ctx) => handoverDraft(deps, signedIn(ctx)),
    'shift.handover': (ctx, input) => recordHandover(deps, signedIn(ctx), { heldFen: input.held, reason: input.reason, incoming: input.incoming }),
    'shift.handovers': (ctx, input) => handoverList(deps, signedIn(ctx), input),
  });
