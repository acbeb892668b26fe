/**
 * The committed part of the rule-coverage map (issue 15 #9), checked by `npm run rules` and tests/unit/rules-map.test.ts.
 *
 * MANUAL: rules that are a procedure outside the software (what staff say, wear, hand over, sign or stamp on paper),
 * each with a one-line reason. A rule that the software also supports is cited in the code and its test instead.
 *
 * PENDING: rules that describe something the clerk does in the system that is NOT built yet, each with the point of
 * issue 15 that builds it. This list is temporary: it shrinks as issue 15 points 1–7 are built (a pending rule that
 * is cited in the implementation and a test fails the check until it is removed from here).
 */
import type { PendingEntry } from './coverage.js';

export const MANUAL: Readonly<Record<string, string>> = {};

export const PENDING: Readonly<Record<string, PendingEntry>> = {};
