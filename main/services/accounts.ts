/**
 * Finding the customer at the front desk (R-GEN-03, R-PAY-01): by customer number, sequence number, name
 * or any fragment of the address (模糊地址). Fragments of 3+ characters use the FTS5 trigram index, so any
 * substring of a Chinese address is found; shorter fragments fall back to a bounded scan.
 */
import type { Database, Statement } from 'better-sqlite3';
import { DomainError } from '../domain/errors.js';
import type { ServiceDeps } from './context.js';

export interface AccountHit {
  id: string;
  accountNo: string;
  name: string;
  address: string;
  customerType: string;
  paymentMethod: string;
  unpaidCount: number;
  unpaidFen: number;
}

export interface SearchResult {
  rows: AccountHit[];
  truncated: boolean;
}

export const SEARCH_LIMIT = 50;
const TRIGRAM = 3;

const COLUMNS = `a.id AS id, a.account_no AS accountNo, a.name AS name, a.address AS address,
  a.customer_type AS customerType, a.payment_method AS paymentMethod,
  (SELECT count(*) FROM bills b WHERE b.account_id = a.id AND b.status = '未缴') AS unpaidCount,
  (SELECT coalesce(sum(b.amount_fen), 0) FROM bills b WHERE b.account_id = a.id AND b.status = '未缴') AS unpaidFen`;

function escapeLike(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function phrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** Splits the query into whitespace-separated terms and sorts them into index terms and short terms. */
export function planSearch(query: string): { indexTerms: string[]; shortTerms: string[] } {
  const terms = query.trim().split(/\s+/u).filter((t) => t !== '');
  return {
    indexTerms: terms.filter((t) => [...t].length >= TRIGRAM),
    shortTerms: terms.filter((t) => [...t].length < TRIGRAM),
  };
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
    const { indexTerms, shortTerms } = planSearch(query);
    if (indexTerms.length === 0 && shortTerms.length === 0) {
      throw new DomainError('VALIDATION', '请输入用户编号、姓名或地址', 'query');
    }
    const shortFilter = shortTerms
      .map(() => `(a.name LIKE ? ESCAPE '\\' OR a.address LIKE ? ESCAPE '\\' OR a.account_no LIKE ? ESCAPE '\\')`)
      .join(' AND ');
    const shortParams = shortTerms.flatMap((t) => [escapeLike(t), escapeLike(t), escapeLike(t)]);
    let rows: AccountHit[];
    if (indexTerms.length > 0) {
      const where = shortFilter === '' ? '' : `AND ${shortFilter}`;
      const stmt = this.prepare(
        `fts:${shortTerms.length}`,
        `SELECT ${COLUMNS} FROM accounts_fts f JOIN accounts a ON a.rowid = f.rowid
         WHERE accounts_fts MATCH ? ${where} LIMIT ?`,
      );
      rows = stmt.all(indexTerms.map(phrase).join(' AND '), ...shortParams, limit + 1) as AccountHit[];
    } else {
      const stmt = this.prepare(`scan:${shortTerms.length}`, `SELECT ${COLUMNS} FROM accounts a WHERE ${shortFilter} LIMIT ?`);
      rows = stmt.all(...shortParams, limit + 1) as AccountHit[];
    }
    const exact = this.prepare('exact', `SELECT ${COLUMNS} FROM accounts a WHERE a.account_no = ?`).get(query.trim()) as
      | AccountHit
      | undefined;
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
