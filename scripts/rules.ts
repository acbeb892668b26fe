/**
 * `npm run rules` (issue 15 #9): the rule-coverage map of ../shared/DOMAIN.md. Prints every rule with the files that
 * implement it, the tests that cite it, or why it is a manual procedure; the rules still pending per issue 15 point;
 * and a summary. Exits 1 when a rule is neither implemented+tested, manual nor pending, or is implemented but untested.
 *   --write      refresh scripts/rules/domain-rules.json from DOMAIN.md
 *   --problems   print only the problems and the summary
 */
import { scanCitations } from './rules/citations.js';
import { type CoverageRow, checkCoverage, ISSUE_15_POINTS, type IssuePoint } from './rules/coverage.js';
import { loadRules, REPO_ROOT, snapshotMatches, writeSnapshot } from './rules/load.js';
import { MANUAL, PENDING } from './rules/manual.js';

const args = new Set(process.argv.slice(2));
const loaded = loadRules();
if (args.has('--write')) {
  if (!loaded.fresh) {
    console.error(`找不到 DOMAIN.md: ${loaded.source}`);
    process.exit(2);
  }
  writeSnapshot(loaded.fresh);
  console.log(`已更新规则快照 (${loaded.fresh.length} 条): scripts/rules/domain-rules.json`);
}

const known = new Set(loaded.rules.map((r) => r.id));
const coverage = checkCoverage(loaded.rules, scanCitations(REPO_ROOT, known), MANUAL, PENDING);

const MAX_FILES = 3;
function files(list: string[]): string {
  if (list.length === 0) return '—';
  const shown = list.slice(0, MAX_FILES).map((f) => f.replace(/^(main|tests|renderer\/src)\//, ''));
  return list.length > MAX_FILES ? `${shown.join(', ')} (+${list.length - MAX_FILES})` : shown.join(', ');
}

const LABEL = { done: '已实现+测试', manual: '手工规程', pending: '待办 NOT DONE', problem: '缺失 PROBLEM' } as const;

function line(row: CoverageRow): string {
  const what =
    row.status === 'manual'
      ? `手工: ${row.manual}`
      : row.status === 'pending'
        ? `issue 15 #${row.pending?.point}: ${row.pending?.what}`
        : `实现: ${files(row.implementedIn)} | 测试: ${files(row.testedIn)}${row.problem ? ` | ${row.problem}` : ''}`;
  return `${row.rule.id.padEnd(12)} ${LABEL[row.status].padEnd(10)} ${row.rule.title}\n${' '.repeat(13)}${what}`;
}

const ruleRows = coverage.rows.filter((r) => r.rule.kind === 'rule');
console.log(`规则来源: ${loaded.source} (${ruleRows.length} 条规则, ${coverage.rows.length - ruleRows.length} 条假设)`);
if (!args.has('--problems')) {
  console.log('\n规则覆盖表 (rule | status | title / implemented in | tested in | manual reason | pending point)');
  for (const row of ruleRows) console.log(line(row));
  const assumptions = coverage.rows.filter((r) => r.rule.kind === 'assumption');
  console.log('\n假设 (§11, 只列出, 不计入检查: 每条属于引用它的规则)');
  for (const row of assumptions)
    console.log(`${row.rule.id.padEnd(6)} ${row.rule.title}\n       实现: ${files(row.implementedIn)} | 测试: ${files(row.testedIn)}`);
}

if (coverage.pendingByPoint.size > 0) {
  console.log('\n待办 NOT DONE: 下列规则是营业员在系统中要做的事, 尚未实现 (临时清单, 随 issue 15 各要点完成而缩短):');
  for (const point of Object.keys(ISSUE_15_POINTS).map(Number) as IssuePoint[]) {
    const list = coverage.pendingByPoint.get(point);
    if (!list) continue;
    console.log(`  issue 15 #${point} ${ISSUE_15_POINTS[point]}: ${list.map((r) => r.rule.id).join(', ')}`);
  }
}

if (loaded.fresh && !snapshotMatches(loaded.fresh)) {
  coverage.problems.push('scripts/rules/domain-rules.json 与 DOMAIN.md 不一致: 运行 npm run rules -- --write');
}
const c = coverage.counts;
console.log(
  `\n合计 ${ruleRows.length} 条: 已实现+测试 ${c.done}, 手工规程 ${c.manual}, 待办 ${c.pending} (NOT DONE), 问题 ${c.problem}`,
);
if (coverage.problems.length > 0) {
  console.error(`\n规则覆盖检查失败 (${coverage.problems.length}):`);
  for (const p of coverage.problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(c.pending > 0 ? '规则覆盖检查通过 (仍有待办, 见上)' : '规则覆盖检查通过');
