/** Handlers of the contract's day-close area (preload/contract/day-close.ts): cash report, 日结, reports, audit, backups. */
import { layoutCloseReport } from '../../domain/close-report.js';
import { verifyApprover } from '../../services/auth.js';
import { draftCashReport, REVIEWER_ROLES, reviewCashReport, submitCashReport } from '../../services/cash-report.js';
import { closeDay, closeReport, dayStatus, monthReport, openDays } from '../../services/day-close.js';
import { verifyDayTotals } from '../../services/day-totals.js';
import { arrearsReport, auditExport, cashStatistics, readingChargeQuery } from '../../services/reports.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const dayCloseHandlers = ({ deps, devices: { backups }, after }: HandlerKit) =>
  area({
    'cashReport.draft': (ctx) => draftCashReport(deps, signedIn(ctx)),
    'cashReport.submit': (ctx, input) =>
      submitCashReport(deps, signedIn(ctx), { depositedFen: input.deposited, denominations: input.denominations, differenceReason: input.differenceReason }),
    'cashReport.review': (ctx, input) =>
      reviewCashReport(deps, signedIn(ctx), { clerkLogin: input.clerkLogin, reviewer: verifyApprover(deps, signedIn(ctx), input.reviewer, REVIEWER_ROLES, 'reviewer') }),
    'day.status': (ctx, input) => dayStatus(deps, signedIn(ctx), input.date, input.hallId),
    'day.close': after.printsLayout(
      (ctx, input) => closeDay(deps, signedIn(ctx), input.date, input.hallId),
      (report, columns) => layoutCloseReport(report, columns),
      (report, print) => ({ report, print }),
    ),
    'day.openDays': (ctx) => openDays(deps, signedIn(ctx)),
    'day.report': (ctx, input) => closeReport(deps, signedIn(ctx), input.date),
    'day.month': (ctx, input) => monthReport(deps, signedIn(ctx), input.month),
    'day.verifyTotals': (_ctx, input) => verifyDayTotals(deps, input.date),
    'reports.cash': (ctx, input) => cashStatistics(deps, signedIn(ctx), input),
    'reports.readings': (ctx, { minConsumption, ...rest }) =>
      readingChargeQuery(deps, signedIn(ctx), { ...rest, ...(minConsumption !== undefined ? { minConsumptionCenti: minConsumption } : {}) }),
    'reports.arrears': (ctx, input) => arrearsReport(deps, signedIn(ctx), input),
    'audit.export': (_ctx, input) => auditExport(deps, input),
    'backup.now': () => backups.now(),
    'backup.list': () => backups.list(),
    'backup.check': (_ctx, input) => backups.check(input.file),
    'backup.restore': (ctx, input) => backups.restore(signedIn(ctx), input),
  });
