/**
 * Issue 11 #6: tests call the router through the client typed from the contract (tests/fixtures/client.ts),
 * never cast a result, and create their data through services or the one fixture module
 * (tests/fixtures/data.ts). Raw SQL writes stay only in tests about the database itself, listed here with why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';

const testsDir = join(repoRoot, 'tests');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'artifacts' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [relative(testsDir, path).split('\\').join('/')] : [];
  });
}

const files = sources(testsDir).filter((f) => f !== 'unit/typed-tests.test.ts');
const text = (file: string) => readFileSync(join(testsDir, file), 'utf8');
const offending = (pattern: RegExp, allowed: ReadonlySet<string>, only: (file: string) => boolean = () => true) =>
  files.filter((f) => only(f) && !allowed.has(f) && pattern.test(text(f)));

/** The validation, fuzz and sweep tests send malformed or generated input on purpose. */
const RAW_CALLERS = new Set(['integration/ipc-validation.test.ts', 'integration/ipc-fuzz.test.ts', 'integration/odd-strings-sweep.test.ts']);

/** Tests about the database itself: services refuse first, so the guard is reached with raw SQL. */
const DATABASE_TESTS = new Map([
  ['integration/db-guards.test.ts', 'the closed-day, reversal, waiver and estimated-bill triggers'],
  ['integration/sync-snapshot.test.ts', 'the search-index triggers a snapshot defers, compared with the index they build row by row (issue 14 #2)'],
  ['integration/audit-anchor.test.ts', 'audit tampering and the audit-head triggers'],
  ['integration/backup.test.ts', 'a backup whose audit log was cut'],
  ['integration/corrections.test.ts', 'the correction request triggers: decided once, never by the requester, only by a manager (issue 15 #3)'],
  ['integration/complaints.test.ts', 'the append-only complaint triggers (issue 15 #4)'],
  ['integration/bank-bulk.test.ts', 'a temporary trigger refusing one account mid-write-off: the set-wise outbox capture rolls back with the rows (issue 13 #4)'],
  ['integration/counter-reading.test.ts', 'audit tampering and the paid-bill trigger'],
  ['integration/day-close.test.ts', 'the closed-day and reviewed-once triggers'],
  ['integration/day-totals.test.ts', 'the guards that only the ledger triggers write the per-day totals (issue 13 #2)'],
  ['integration/electron-shell.test.ts', 'another program holding the store file locked at start (issue 12 #5)'],
  ['integration/ic-card.test.ts', 'the closed-day triggers for a late card write'],
  ['integration/ipc-fuzz.test.ts', 'the fuzzer puts staff password hashes back between runs'],
  ['integration/meter-test.test.ts', 'the balance trigger on fee rows'],
  ['integration/payment.test.ts', 'the append-only and frozen-bill triggers'],
  ['integration/reports.test.ts', 'audit tampering and the append-only audit log'],
  ['integration/sync-capture.test.ts', 'the outbox capture triggers, the feed applier’s switch and the outbox guards (issue 14 #1)'],
  ['integration/sync-day-file-export.test.ts', 'a device key as the feed would have brought it (issue 14 #5)'],
  ['integration/reversal.test.ts', 'the trigger that a reversal mirrors its original'],
  ['integration/search.test.ts', 'the search index triggers follow an address change'],
  ['integration/sync-bill-decision.test.ts', 'the paid-bill trigger moves a 收讫 bill only to a standing payment that covers it (issue 14 conflicts)'],
  ['integration/sync-anomalies.test.ts', 'the 异常 list’s decide-once and never-deleted triggers (issue 14 #3)'],
  ['integration/store-check.test.ts', 'a write SQLite itself refuses while the integrity check runs or after it failed (issue 13 #5)'],
  ['integration/wal-checkpoint.test.ts', 'the WAL checkpoints, driven by raw writes to a scratch table (issue 13 #3)'],
  ['integration/work-orders.test.ts', 'the append-only work-order and business triggers'],
  ['e2e/management-reports.test.ts', 'a tampered per-day ticket total (its guard dropped) so 票证核对 shows a difference (issue 15 #6, R-TKT-14)'],
  ['integration/management-reports.test.ts', 'a tampered per-day ticket total and a 公建 account category and bank run set up in SQL (issue 15 #6)'],
  ['integration/account-closure.test.ts', 'the closed-account and closure guards (issue 15 #2, R-SEC-06)'],
  ['integration/meter-replacement.test.ts', 'the temporary-meter credit, refit and IC remark guards (issue 15, R-VOL-03/04)'],
  ['integration/arrears-collection.test.ts', 'the supply-stop and repayment-agreement guards (written once, append-only, two-person approval by a manager), and account categories set up in SQL (issue 15 #1)'],
  ['integration/no-replace-guards.test.ts', 'INSERT OR REPLACE refused on every append-only table (issue 13 #4)'],
  ['integration/service-timing.test.ts', 'the 暂停营业 two-person, written-once and paused-counter triggers and the append-only timings (issue 15 #5)'],
  ['integration/shift-handover.test.ts', 'the append-only shift-handover guards (issue 15 #6, R-SEC-21)'],
  ['integration/photos-store.test.ts', 'the append-only photo import and install photo guards (issue 15 #7, R-PHOTO-02)'],
]);

describe('typed tests (issue 11 #6)', () => {
  it('reach the router only through the typed client', () => {
    expect(offending(/\brouter\.call\(/, new Set(['fixtures/client.ts']))).toEqual([]);
    expect(offending(/\.callRaw\(/, RAW_CALLERS)).toEqual([]);
  });

  it('cast no result (the client types the router’s answer once, from the contract)', () => {
    expect(offending(/\.value as\b|\bas \{ (ok|value)\b|\.(call|callRaw|ok)\([^;\n]*\)\)? as\b/, new Set(['fixtures/client.ts']))).toEqual([]);
  });

  it('write fixture data through the fixture module, raw SQL only in tests about the database', () => {
    const tests = (f: string) => /^(integration|e2e|device|unit)\//.test(f);
    expect(offending(/\b(INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|DROP TRIGGER)\b/, new Set(DATABASE_TESTS.keys()), tests)).toEqual([]);
  });
});
