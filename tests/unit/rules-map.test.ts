/**
 * Issue 15 #9: the rule-coverage map. Every rule of DOMAIN.md is implemented and tested, a manual procedure with a
 * reason, or pending with its issue 15 point; the same check as `npm run rules`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citedIds, scanCitations } from '../../scripts/rules/citations.js';
import { checkCoverage, type PendingEntry } from '../../scripts/rules/coverage.js';
import { type DomainRule, parseDomainRules } from '../../scripts/rules/domain.js';
import { domainPath, loadRules, REPO_ROOT, readSnapshot } from '../../scripts/rules/load.js';
import { MANUAL, PENDING } from '../../scripts/rules/manual.js';

/** Fake rule areas (R-Z…, R-A-…, A-9x) so that this file cites no real rule of DOMAIN.md. */
const rule = (id: string): DomainRule => ({ id, kind: 'rule', title: id, section: 's' });

describe('rule IDs of DOMAIN.md', () => {
  it('parses bullets, numbered steps, table cells and §11 assumptions', () => {
    const md = [
      '### 4.1 P-REG',
      '- **R-ZREG-01** *Path A.* The customer MUST show the invoice.',
      '2. **R-ZREG-07** The customer fills in the form. More.',
      '### 5. Validation',
      '| **R-ZVAL-01** | If 用户类型 = `IC卡`, then pay. | 000 |',
      '### 10.1 Stopping',
      '- **R-ZSEC-01 [S]** **Thresholds:** an individual customer …',
      'See R-ZREG-01 again (a reference, not a definition).',
      '## 11. Open questions and assumptions',
      '| A-97 | Data types, keys | Surrogate keys |',
    ].join('\n');
    const rules = parseDomainRules(md);
    expect(rules.map((r) => [r.id, r.kind])).toEqual([
      ['R-ZREG-01', 'rule'],
      ['R-ZREG-07', 'rule'],
      ['R-ZVAL-01', 'rule'],
      ['R-ZSEC-01', 'rule'],
      ['A-97', 'assumption'],
    ]);
    expect(rules[3]?.title).toBe('Thresholds');
    expect(rules[1]?.title).toBe('The customer fills in the form');
  });

  it('the committed snapshot lists all 263 rules and matches DOMAIN.md where it is beside the checkout', () => {
    const snapshot = readSnapshot();
    expect(snapshot.filter((r) => r.kind === 'rule')).toHaveLength(263);
    if (existsSync(domainPath())) expect(parseDomainRules(readFileSync(domainPath(), 'utf8'))).toEqual(snapshot);
  });
});

describe('citations', () => {
  const known = new Set(['R-ZSEC-01', 'R-ZSEC-02', 'R-ZSEC-03', 'R-ZSEC-05', 'R-ZTKT-03', 'R-ZTKT-09', 'R-ZLATE-01', 'R-ZLATE-02', 'A-98']);
  it('expands ranges, lists and area wildcards, and ignores look-alikes', () => {
    expect([...citedIds('R-ZSEC-01..03', known)].sort()).toEqual(['R-ZSEC-01', 'R-ZSEC-02', 'R-ZSEC-03']);
    expect([...citedIds('R-ZSEC-02…05 and R-ZSEC-01–02', known)].sort()).toEqual(['R-ZSEC-01', 'R-ZSEC-02', 'R-ZSEC-03', 'R-ZSEC-05']);
    expect([...citedIds('(R-ZTKT-03/09)', known)].sort()).toEqual(['R-ZTKT-03', 'R-ZTKT-09']);
    expect([...citedIds('R-ZLATE-*', known)].sort()).toEqual(['R-ZLATE-01', 'R-ZLATE-02']);
    expect([...citedIds('A-98; XA-98; R-ZSEC-011; PR-ZSEC-01', known)]).toEqual(['A-98']);
  });
});

describe('coverage check', () => {
  const rules = ['R-A-01', 'R-A-02', 'R-A-03', 'R-A-04', 'R-A-05'].map(rule);
  const cite = (impl: Record<string, string[]>, tests: Record<string, string[]>) => ({
    implementedIn: new Map(Object.entries(impl)),
    testedIn: new Map(Object.entries(tests)),
  });

  it('classifies done, manual and pending, and fails on each gap', () => {
    const c = checkCoverage(
      rules,
      cite({ 'R-A-01': ['main/a.ts'], 'R-A-02': ['main/b.ts'] }, { 'R-A-01': ['tests/a.test.ts'], 'R-A-05': ['tests/x.test.ts'] }),
      { 'R-A-03': '穿工作服' },
      { 'R-A-04': { point: 1, what: '催缴' } },
    );
    expect(c.rows.map((r) => r.status)).toEqual(['done', 'problem', 'manual', 'pending', 'problem']);
    expect(c.problems).toEqual([
      expect.stringMatching(/^R-A-02: .*implemented but no test/),
      expect.stringMatching(/^R-A-05: .*tests only/),
    ]);
    expect(c.pendingByPoint.get(1)?.map((r) => r.rule.id)).toEqual(['R-A-04']);
  });

  it('fails on a rule that is neither implemented, manual nor pending', () => {
    const c = checkCoverage([rule('R-A-01')], cite({}, {}), {}, {});
    expect(c.problems).toEqual([expect.stringMatching(/^R-A-01: .*neither implemented, manual nor pending/)]);
  });

  it('fails on a pending rule without its issue point, a manual rule without a reason, and unknown or stale entries', () => {
    const c = checkCoverage(
      rules,
      cite({ 'R-A-05': ['main/e.ts'] }, { 'R-A-05': ['tests/e.test.ts'] }),
      { 'R-A-01': ' ', 'R-X-09': 'x' },
      {
        'R-A-02': { what: '催缴' } as unknown as PendingEntry,
        'R-A-03': { point: 8, what: 'x' } as unknown as PendingEntry,
        'R-A-05': { point: 3, what: 'x' },
      },
    );
    expect(c.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^R-A-01: .*without a reason/),
        expect.stringMatching(/^R-X-09: .*names no rule/),
        expect.stringMatching(/^R-A-02: .*without its issue point/),
        expect.stringMatching(/^R-A-03: .*without its issue point/),
        expect.stringMatching(/^R-A-05: .*remove it from pending/),
      ]),
    );
  });
});

describe('the repository (npm run rules)', () => {
  it('maps every rule of DOMAIN.md: implemented and tested, manual with a reason, or pending with its issue 15 point', () => {
    const { rules } = loadRules();
    const coverage = checkCoverage(rules, scanCitations(REPO_ROOT, new Set(rules.map((r) => r.id))), MANUAL, PENDING);
    expect(coverage.problems).toEqual([]);
    for (const row of coverage.rows.filter((r) => r.status === 'pending')) {
      expect(row.pending?.point, row.rule.id).toBeGreaterThanOrEqual(1);
      expect(row.pending?.point, row.rule.id).toBeLessThanOrEqual(7);
    }
  });
});
