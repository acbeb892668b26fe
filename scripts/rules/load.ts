/**
 * Inputs of the rule-coverage map: the rules of ../shared/DOMAIN.md (or the committed snapshot
 * scripts/rules/domain-rules.json where the shared folder is not beside the checkout), and the citations.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DomainRule, parseDomainRules } from './domain.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SNAPSHOT = join(REPO_ROOT, 'scripts', 'rules', 'domain-rules.json');

/** ../shared/DOMAIN.md beside the checkout, or GAS_DOMAIN_MD. */
export function domainPath(): string {
  return process.env.GAS_DOMAIN_MD ?? resolve(REPO_ROOT, '..', 'shared', 'DOMAIN.md');
}

export function readSnapshot(): DomainRule[] {
  return JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as DomainRule[];
}

export function writeSnapshot(rules: readonly DomainRule[]): void {
  writeFileSync(SNAPSHOT, `${JSON.stringify(rules, null, 1)}\n`);
}

export interface LoadedRules {
  rules: DomainRule[];
  /** Where they came from. */
  source: string;
  /** DOMAIN.md parsed, when it is there (to compare with the snapshot). */
  fresh?: DomainRule[];
}

/** The rules: DOMAIN.md when present, else the snapshot. */
export function loadRules(): LoadedRules {
  const path = domainPath();
  if (existsSync(path)) {
    const fresh = parseDomainRules(readFileSync(path, 'utf8'));
    return { rules: fresh, source: path, fresh };
  }
  return { rules: readSnapshot(), source: SNAPSHOT };
}

/** True when the snapshot lists the same rules (IDs, kinds, titles) as DOMAIN.md. */
export function snapshotMatches(fresh: readonly DomainRule[]): boolean {
  if (!existsSync(SNAPSHOT)) return false;
  return JSON.stringify(readSnapshot()) === JSON.stringify(fresh);
}
