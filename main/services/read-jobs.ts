/**
 * Issue 13 #6: the heavy reads (reports, exports, statistics, the bank's checks) by name, as the read worker
 * (main/workers/reads.ts) runs them on its read-only connection: the same service functions the handlers
 * called in the back end's thread before, so the answers are identical. Nothing here writes.
 */
import type { StatKind } from '../../preload/kernel/enums.js';
import { BankWithholding } from './bank-withholding.js';
import type { Actor, ServiceDeps } from './context.js';
import { closeReport, dayStatus, monthReport } from './day-close.js';
import { verifyDayTotals } from './day-totals.js';
import { arrearsReport, auditExport, cashStatistics, readingChargeQuery, reportTable, type CashStatsFilter, type ReadingFilter, type ReportTableInput } from './reports.js';
import { managementReport, type ManagementReportInput } from './management-reports.js';
import { timingReport, type TimingReportInput } from './service-timing.js';
import { ignitionsByCommunity, meterBusinessCounts, meterBusinessList } from './statistics.js';

export const READ_JOBS = {
  'reports.cash': (deps: ServiceDeps, actor: Actor, input: CashStatsFilter) => cashStatistics(deps, actor, input),
  'reports.readings': (deps: ServiceDeps, actor: Actor, input: ReadingFilter) => readingChargeQuery(deps, actor, input),
  'reports.arrears': (deps: ServiceDeps, actor: Actor, input: { area?: string | undefined; meterReader?: string | undefined }) => arrearsReport(deps, actor, input),
  // issue 15 #8: a report's whole table for its .xlsx / CSV file
  'reports.table': (deps: ServiceDeps, actor: Actor, input: ReportTableInput) => reportTable(deps, actor, input),
  // issue 15 #6: management reports (R-SEC-26, R-TKT-14, R-SEC-29, R-FIN-03, R-INV-10, R-FIN-05)
  'reports.management': (deps: ServiceDeps, actor: Actor, input: ManagementReportInput) => managementReport(deps, actor, input),
  // issue 15 #5: service timing per clerk or counter (R-SEC-13) and the 暂停营业 log (R-SEC-16)
  'timing.report': (deps: ServiceDeps, actor: Actor, input: TimingReportInput) => timingReport(deps, actor, input),
  'audit.export': (deps: ServiceDeps, _actor: Actor, input: { from: string; to: string; heads?: readonly string[] | undefined }) => auditExport(deps, input),
  'day.status': (deps: ServiceDeps, actor: Actor, input: { date: string; hallId?: string | undefined }) => dayStatus(deps, actor, input.date, input.hallId),
  'day.report': (deps: ServiceDeps, actor: Actor, input: { date: string }) => closeReport(deps, actor, input.date),
  'day.month': (deps: ServiceDeps, actor: Actor, input: { month: string }) => monthReport(deps, actor, input.month),
  // issue 13 #2: the kept per-day totals recomputed from the whole ledger (seconds at millions of payments)
  'day.verifyTotals': (deps: ServiceDeps, _actor: Actor, input: { date?: string | undefined }) => verifyDayTotals(deps, input.date),
  'stats.meterBusiness': (deps: ServiceDeps, _actor: Actor, input: { from: string; to: string; hallId: string | null }) => meterBusinessCounts(deps, input),
  'stats.meterBusinessList': (deps: ServiceDeps, _actor: Actor, input: { from: string; to: string; hallId: string | null; kind: StatKind }) => meterBusinessList(deps, input),
  'stats.ignitionsByCommunity': (deps: ServiceDeps, _actor: Actor, input: { month: string; hallId: string | null }) => ignitionsByCommunity(deps, input),
  'bank.postCheck': (deps: ServiceDeps, _actor: Actor, input: { date: string }) => new BankWithholding(deps).postCheck(input.date),
  'bank.monthly': (deps: ServiceDeps, _actor: Actor, input: { month: string }) => new BankWithholding(deps).monthly(input.month),
  'bank.quarterly': (deps: ServiceDeps, _actor: Actor, input: { year: number; quarter: number }) => new BankWithholding(deps).quarterly(input.year, input.quarter),
};

export type ReadJob = keyof typeof READ_JOBS;
export type ReadInput<J extends ReadJob> = Parameters<(typeof READ_JOBS)[J]>[2];
export type ReadOutput<J extends ReadJob> = ReturnType<(typeof READ_JOBS)[J]>;

export function isReadJob(name: string): name is ReadJob {
  return Object.hasOwn(READ_JOBS, name);
}

/** Where the handlers send a heavy read: the read worker (main/services/read-worker.ts) or, without one, this thread. */
export interface Reads {
  run<J extends ReadJob>(job: J, actor: Actor, input: ReadInput<J>): Promise<ReadOutput<J>>;
}

/** The heavy reads in the calling thread, on the store's own connection (a handler table built without a worker). */
export function readsInProcess(deps: ServiceDeps): Reads {
  return {
    run: async (job, actor, input) => (READ_JOBS[job] as (deps: ServiceDeps, actor: Actor, input: unknown) => never)(deps, actor, input),
  };
}
