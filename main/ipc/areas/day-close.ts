/** Handlers of the contract's day-close area (preload/contract/day-close.ts): cash report, 日结, reports, audit, backups. */
import { layoutCloseReport } from '../../domain/close-report.js';
import { verifyApprover } from '../../services/auth.js';
import { draftCashReport, REVIEWER_ROLES, reviewCashReport, submitCashReport } from '../../services/cash-report.js';
import { closeDay, openDays } from '../../services/day-close.js';
import { reportFile } from '../../services/report-xlsx.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const dayCloseHandlers = ({ deps, devices: { backups }, after, reads }: HandlerKit) =>
  area({
    'cashReport.draft': (ctx) => draftCashReport(deps, signedIn(ctx)),
    'cashReport.submit': (ctx, input) =>
      submitCashReport(deps, signedIn(ctx), { depositedFen: input.deposited, denominations: input.denominations, differenceReason: input.differenceReason }),
    'cashReport.review': (ctx, input) =>
      reviewCashReport(deps, signedIn(ctx), { clerkLogin: input.clerkLogin, reviewer: verifyApprover(deps, signedIn(ctx), input.reviewer, REVIEWER_ROLES, 'reviewer') }),
    'day.status': (ctx, input) => reads.run('day.status', signedIn(ctx), input),
    'day.close': after.printsLayout(
      (ctx, input) => closeDay(deps, signedIn(ctx), input.date, input.hallId),
      (report, columns) => layoutCloseReport(report, columns),
      (report, print) => ({ report, print }),
    ),
    'day.openDays': (ctx) => openDays(deps, signedIn(ctx)),
    // Issue 13 #6: the reports, the totals' check and the audit export read on the read worker
    'day.report': (ctx, input) => reads.run('day.report', signedIn(ctx), input),
    'day.month': (ctx, input) => reads.run('day.month', signedIn(ctx), input),
    'reports.cash': (ctx, input) => reads.run('reports.cash', signedIn(ctx), input),
    'day.verifyTotals': (ctx, input) => reads.run('day.verifyTotals', signedIn(ctx), input),
    'reports.readings': (ctx, { minConsumption, ...rest }) =>
      reads.run('reports.readings', signedIn(ctx), { ...rest, ...(minConsumption !== undefined ? { minConsumptionCenti: minConsumption } : {}) }),
    'reports.arrears': (ctx, input) => reads.run('reports.arrears', signedIn(ctx), input),
    'audit.export': (ctx, input) => reads.run('audit.export', signedIn(ctx), input),
    // Issue 15 #8: the table is read on the read worker, the file written here (write-excel-file is async)
    'reports.export': async (ctx, input) => {
      const actor = signedIn(ctx);
      const { format } = input;
      const table =
        input.report === 'readings'
          ? await reads.run('reports.table', actor, (({ format: _f, minConsumption, ...rest }) => ({ ...rest, ...(minConsumption !== undefined ? { minConsumptionCenti: minConsumption } : {}) }))(input))
          : await reads.run('reports.table', actor, (({ format: _f, ...rest }) => rest)(input));
      return reportFile(table, actor, format, deps.clock.now());
    },
    'audit.exportFile': async (ctx, { from, to, format }) => {
      const actor = signedIn(ctx);
      return reportFile(await reads.run('reports.table', actor, { report: 'audit', from, to }), actor, format, deps.clock.now());
    },
    'backup.now': () => backups.now(),
    'backup.list': () => backups.list(),
    'backup.check': (_ctx, input) => backups.check(input.file),
    'backup.restore': (ctx, input) => backups.restore(signedIn(ctx), input),
  });
