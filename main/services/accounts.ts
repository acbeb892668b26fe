/**
 * Finding the customer at the front desk (R-GEN-03, R-PAY-01; the same search finds the archive of a
 * unified-installed customer, R-UNI-01, and answers the enquiry, R-QRY-01): by customer number, sequence number, name
 * or any fragment of the address (模糊地址). Fragments of 3+ characters use the FTS5 trigram index, 1–2
 * character fragments a per-character FTS5 index, so any substring of a Chinese address is found by index.
 */
import type { Database, Statement } from 'better-sqlite3';
import { DomainError } from '../../preload/kernel/errors.js';
import type { ServiceDeps } from './context.js';

/** Who the customer is, as every counter list shows it. */
export interface AccountIdentity {
  id: string;
  accountNo: string;
  name: string;
  address: string;
  customerType: string;
  paymentMethod: string;
}

export interface AccountHit extends AccountIdentity {
  unpaidCount: number;
  unpaidFen: number;
}

export interface SearchResult {
  rows: AccountHit[];
  truncated: boolean;
}

export const SEARCH_LIMIT = 50;
const TRIGRAM = 3;

/** The naive columns (the LIKE baseline): each row's unpaid bills counted and summed by two subqueries. */
const COLUMNS = `a.id AS id, a.account_no AS accountNo, a.name AS name, a.address AS address,
  a.customer_type AS customerType, a.payment_method AS paymentMethod,
  (SELECT count(*) FROM bills b WHERE b.account_id = a.id AND b.status = '未缴') AS unpaidCount,
  (SELECT coalesce(sum(b.amount_fen), 0) FROM bills b WHERE b.account_id = a.id AND b.status = '未缴') AS unpaidFen`;

/**
 * Issue 13 #1: the account's columns with its unpaid count and total as kept by the bills' triggers
 * (account_unpaid, migration 0043): one row a hit; no row means no unpaid bill.
 */
const KEPT_COLUMNS = `a.id AS id, a.account_no AS accountNo, a.name AS name, a.address AS address,
  a.customer_type AS customerType, a.payment_method AS paymentMethod,
  coalesce(u.unpaid_count, 0) AS unpaidCount, coalesce(u.unpaid_fen, 0) AS unpaidFen`;

function escapeLike(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * Sorts the whitespace-separated terms by the index that can answer them: 3+ characters → trigram index;
 * 1–2 letters or digits → the per-character index; anything else (punctuation such as % or _) → LIKE.
 */
export function planSearch(query: string): { trigramTerms: string[]; charTerms: string[]; likeTerms: string[] } {
  const terms = query.trim().split(/\s+/u).filter((t) => t !== '');
  const short = terms.filter((t) => [...t].length < TRIGRAM);
  return {
    trigramTerms: terms.filter((t) => [...t].length >= TRIGRAM),
    charTerms: short.filter((t) => /^[\p{L}\p{N}]+$/u.test(t)),
    likeTerms: short.filter((t) => !/^[\p{L}\p{N}]+$/u.test(t)),
  };
}

/** A phrase of single-character tokens: adjacent characters, i.e. a substring, in any one column. */
function charPhrase(term: string): string {
  return `"${[...term].join(' ')}"`;
}

export class AccountSearch {
  private readonly statements = new Map<string, Statement>();
  private readonly sqlite: Database;

  constructor(deps: ServiceDeps) {
    this.sqlite = deps.db.$client;
  }

  private prepare(key: string, sqlText: string): Statement {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.sqlite.prepare(sqlText);
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  search(query: string, limit = SEARCH_LIMIT): SearchResult {
    // FTS5 reads a NUL as the end of its query string ("unterminated string"); control characters mean nothing here
    if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(query)) throw new DomainError('VALIDATION', '查询内容不能包含控制字符', 'query');
    const { trigramTerms, charTerms, likeTerms } = planSearch(query);
    if (trigramTerms.length + charTerms.length + likeTerms.length === 0) {
      throw new DomainError('VALIDATION', '请输入用户编号、姓名或地址', 'query');
    }
    const filters: string[] = [];
    const params: unknown[] = [];
    let from = 'accounts a';
    if (trigramTerms.length > 0) {
      from = 'accounts_fts f JOIN accounts a ON a.rowid = f.rowid';
      filters.push('accounts_fts MATCH ?');
      params.push(trigramTerms.map(phrase).join(' AND '));
    }
    if (charTerms.length > 0) {
      const match = charTerms.map(charPhrase).join(' AND ');
      if (trigramTerms.length === 0) {
        from = 'accounts_chars c JOIN accounts a ON a.rowid = c.rowid';
        filters.push('accounts_chars MATCH ?');
      } else {
        filters.push('a.rowid IN (SELECT rowid FROM accounts_chars WHERE accounts_chars MATCH ?)');
      }
      params.push(match);
    }
    for (const term of likeTerms) {
      filters.push(`(a.name LIKE ? ESCAPE '\\' OR a.address LIKE ? ESCAPE '\\' OR a.account_no LIKE ? ESCAPE '\\')`);
      params.push(escapeLike(term), escapeLike(term), escapeLike(term));
    }
    const key = `${trigramTerms.length > 0}:${charTerms.length > 0}:${likeTerms.length}`;
    // issue 13 #1: each hit's unpaid count and total read from account_unpaid (kept by the bills' triggers), one
    // primary-key row a hit; the same rows in the same order as before (the index's order, then by address below)
    const stmt = this.prepare(
      key,
      `SELECT ${KEPT_COLUMNS} FROM ${from} LEFT JOIN account_unpaid u ON u.account_id = a.id WHERE ${filters.join(' AND ')} LIMIT ?`,
    );
    let rows = stmt.all(...params, limit + 1) as AccountHit[];
    const exact = this.prepare('exact', `SELECT ${KEPT_COLUMNS} FROM accounts a LEFT JOIN account_unpaid u ON u.account_id = a.id WHERE a.account_no = ?`).get(
      query.trim(),
    ) as AccountHit | undefined;
    const truncated = rows.length > limit;
    rows = rows.slice(0, limit);
    rows.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
    if (exact) rows = [exact, ...rows.filter((r) => r.id !== exact.id)].slice(0, limit);
    return { rows, truncated };
  }

  /** The same search done the naive way, with LIKE '%…%' over the table: the benchmark's baseline. */
  searchWithLike(query: string, limit = SEARCH_LIMIT): AccountHit[] {
    const stmt = this.prepare(
      'like-baseline',
      `SELECT ${COLUMNS} FROM accounts a
       WHERE a.name LIKE ? ESCAPE '\\' OR a.address LIKE ? ESCAPE '\\' OR a.account_no LIKE ? ESCAPE '\\' LIMIT ?`,
    );
    const p = escapeLike(query.trim());
    return stmt.all(p, p, p, limit + 1) as AccountHit[];
  }
}
