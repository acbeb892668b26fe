/**
 * The rule IDs of ../shared/DOMAIN.md (issue 15 #9): every `**R-<AREA>-<nn>**` definition (bullets and the §5 table)
 * and every assumption row `| A-nn |` of §11, with a one-line title.
 */

export interface DomainRule {
  id: string;
  /** `rule` for R-…, `assumption` for A-… */
  kind: 'rule' | 'assumption';
  title: string;
  /** The DOMAIN.md section heading the rule sits under, e.g. "10.1 Stopping and restoring supply for arrears". */
  section: string;
}

/** A definition: a bullet, numbered step or table cell that opens with the bold ID. */
const RULE_DEF = /^\s*(?:[-*]|\d+\.|\|)\s+\*\*(R-[A-Z0-9]+-\d{2})(?: \[S\])?\*\*/;
const ASSUMPTION_ROW = /^\|\s*(A-\d{2})\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$/;
const TITLE_MAX = 60;

/** Markdown emphasis and code marks removed, whitespace collapsed. */
function plain(text: string): string {
  return text.replace(/\*\*|`/g, '').replace(/\s+/g, ' ').trim();
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length <= TITLE_MAX ? text : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

/** A rule's title: its leading bold phrase when it has one ("**Thresholds:**"), otherwise its first sentence. */
function titleOf(body: string): string {
  const trimmed = body.trim();
  const bold = /^\*\*([^*]+?)[:：]?\*\*/.exec(trimmed);
  if (bold?.[1]) return shorten(plain(bold[1]).replace(/[:：.]$/, ''));
  const text = plain(trimmed);
  const sentence = /^(.+?[.。])(\s|$)/.exec(text);
  return shorten((sentence?.[1] ?? text).replace(/[.。]$/, ''));
}

export function parseDomainRules(markdown: string): DomainRule[] {
  const rules: DomainRule[] = [];
  const seen = new Set<string>();
  let section = '';
  let inAssumptions = false;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^#{2,3}\s+(.*)$/.exec(line);
    if (heading?.[1]) {
      section = heading[1].trim();
      inAssumptions = /^11\.\s/.test(section);
      continue;
    }
    const def = RULE_DEF.exec(line);
    if (def?.[1]) {
      const id = def[1];
      if (seen.has(id)) continue;
      seen.add(id);
      const after = line.slice(def[0].length);
      const body = line.trimStart().startsWith('|') ? (after.split('|')[1] ?? '') : after;
      rules.push({ id, kind: 'rule', title: titleOf(body), section });
      continue;
    }
    if (inAssumptions) {
      const row = ASSUMPTION_ROW.exec(line);
      if (row?.[1] && !seen.has(row[1])) {
        seen.add(row[1]);
        rules.push({ id: row[1], kind: 'assumption', title: titleOf(row[2] ?? ''), section });
      }
    }
  }
  return rules;
}
