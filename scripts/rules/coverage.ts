/**
 * The rule-coverage map (issue 15 #9): each rule of DOMAIN.md is implemented and tested (cited by ID in the
 * implementation and in a test), a manual procedure outside the software (with a one-line reason), or pending
 * (something the clerk does in the system that is not built yet, with the issue 15 point that builds it).
 */
import type { Citations } from './citations.js';
import type { DomainRule } from './domain.js';

/** The points of issue 15 that build the rules still pending (1 arrears/stop-restore … 7 installation photos). */
export const ISSUE_15_POINTS = {
  1: 'arrears collection and supply stop/restore',
  2: 'account closure 销户 and temporary removal',
  3: 'reading correction with approval',
  4: 'complaints and opinions',
  5: 'service timing',
  6: 'management reports',
  7: 'installation photos',
} as const;
export type IssuePoint = keyof typeof ISSUE_15_POINTS;

export interface PendingEntry {
  point: IssuePoint;
  /** What the clerk will do in the system once the point is built. */
  what: string;
}

export type Status = 'done' | 'manual' | 'pending' | 'problem';

export interface CoverageRow {
  rule: DomainRule;
  implementedIn: string[];
  testedIn: string[];
  manual?: string;
  pending?: PendingEntry;
  status: Status;
  /** Why the row is a problem (status `problem` only). */
  problem?: string;
}

export interface Coverage {
  rows: CoverageRow[];
  /** Rule rows with status `problem`, and map entries that name no rule or are ill-formed. */
  problems: string[];
  counts: Record<Status, number>;
  pendingByPoint: Map<IssuePoint, CoverageRow[]>;
}

function isIssuePoint(point: unknown): point is IssuePoint {
  return typeof point === 'number' && Object.hasOwn(ISSUE_15_POINTS, point);
}

/** Classify every `rule` (assumptions are listed, not gated: each belongs to the rule that cites it). */
export function checkCoverage(
  rules: readonly DomainRule[],
  citations: Citations,
  manual: Readonly<Record<string, string>>,
  pending: Readonly<Record<string, PendingEntry>>,
): Coverage {
  const problems: string[] = [];
  const known = new Set(rules.map((r) => r.id));
  for (const id of Object.keys(manual)) {
    if (!known.has(id)) problems.push(`${id}: 手工清单中的规则不在 DOMAIN.md (manual entry names no rule)`);
    else if (!manual[id]?.trim()) problems.push(`${id}: 手工清单缺少理由 (manual entry without a reason)`);
    if (Object.hasOwn(pending, id)) problems.push(`${id}: 同时列为手工与待办 (both manual and pending)`);
  }
  for (const [id, entry] of Object.entries(pending)) {
    if (!known.has(id)) problems.push(`${id}: 待办清单中的规则不在 DOMAIN.md (pending entry names no rule)`);
    if (!isIssuePoint(entry?.point)) problems.push(`${id}: 待办未注明 issue 15 的要点 1–7 (pending without its issue point)`);
    if (!entry?.what?.trim()) problems.push(`${id}: 待办缺少说明 (pending entry without what is to be built)`);
  }

  const rows: CoverageRow[] = [];
  const counts: Record<Status, number> = { done: 0, manual: 0, pending: 0, problem: 0 };
  const pendingByPoint = new Map<IssuePoint, CoverageRow[]>();
  for (const rule of rules) {
    const implementedIn = citations.implementedIn.get(rule.id) ?? [];
    const testedIn = citations.testedIn.get(rule.id) ?? [];
    const row: CoverageRow = { rule, implementedIn, testedIn, status: 'problem' };
    if (Object.hasOwn(manual, rule.id)) row.manual = manual[rule.id];
    if (Object.hasOwn(pending, rule.id)) row.pending = pending[rule.id];
    if (rule.kind === 'assumption') {
      rows.push(row);
      continue;
    }
    const implemented = implementedIn.length > 0;
    const tested = testedIn.length > 0;
    if (implemented && !tested) {
      row.problem = '已实现但没有测试引用 (implemented but no test cites it)';
    } else if (row.pending) {
      if (implemented && tested) row.problem = '已实现且有测试: 请从待办清单删除 (built and tested: remove it from pending)';
      else row.status = 'pending';
    } else if (implemented && tested) {
      row.status = 'done';
    } else if (row.manual) {
      row.status = 'manual';
    } else if (tested) {
      row.problem = '只有测试引用, 实现中没有 (cited by tests only, not by the implementation)';
    } else {
      row.problem = '既未实现, 也不是手工规程, 也不在待办 (neither implemented, manual nor pending)';
    }
    if (row.problem) problems.push(`${rule.id}: ${row.problem}`);
    counts[row.status] += 1;
    if (row.status === 'pending' && row.pending) {
      const list = pendingByPoint.get(row.pending.point) ?? [];
      list.push(row);
      pendingByPoint.set(row.pending.point, list);
    }
    rows.push(row);
  }
  return { rows, problems, counts, pendingByPoint };
}
