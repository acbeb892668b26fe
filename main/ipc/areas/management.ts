/** Handlers of the contract's management part (preload/contract/management.ts, issue 15 #6): read on the read worker. */
import { reportFile } from '../../services/report-xlsx.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const managementHandlers = ({ deps, reads }: HandlerKit) =>
  area({
    'reports.management': (ctx, input) => reads.run('reports.management', signedIn(ctx), input),
    'reports.managementExport': async (ctx, { format, query }) => {
      const actor = signedIn(ctx);
      const { table } = await reads.run('reports.management', actor, query);
      return reportFile(table, actor, format, deps.clock.now());
    },
  });
