/**
 * The names of the contract's methods and their IPC channels, without zod, so the preload bundle stays
 * small. `contract.ts` is checked at compile time to have exactly these keys.
 */
export const METHOD_NAMES = [
  'auth.counters',
  'auth.login',
  'auth.session',
  'auth.logout',
  'accounts.search',
  'bills.unpaid',
  'bills.enterReading',
  'payments.payCash',
  'bills.split',
  'receipts.reprint',
  'receipts.recent',
  'businesses.accept',
  'businesses.forAccount',
  'businesses.queue',
  'businesses.dispatch',
  'businesses.receipt',
  'businesses.defer',
  'businesses.void',
  'followUps.ignition',
  'followUps.seal',
  'followUps.install',
  'accounts.register',
  'accounts.transfer',
  'accounts.changePaymentMethod',
  'stats.meterBusiness',
  'stats.ignitionsByCommunity',
  'businesses.dispatchSheets',
  'meters.unifiedInstall',
  'premises.logPipeSeal',
  'followUps.meterChange',
  'followUps.modification',
  'businesses.privateIgnition',
  'followUps.hose',
  'stats.meterBusinessList',
  'businesses.visit',
  'followUps.hazard',
  'followUps.meterTest',
  'accounts.statement',
  'calendar.year',
  'calendar.set',
  'counter.status',
  'counter.open',
  'followUps.rectificationConsumables',
  'display.state',
  'display.show',
  'display.rate',
  'invoices.registerBook',
  'invoices.issue',
  'receipts.unprinted',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function channelOf(method: MethodName): string {
  return `gas:${method}`;
}
