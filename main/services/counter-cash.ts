/**
 * Cash in every report is the money physically taken at the counter (issue 10 #2, R-CASH-01..04): a
 * payment through a bank (银行代缴/托收) or an electronic channel (信息亭, ATM, …) moved no cash over the
 * counter, whatever its tendered column says. 日结, 日收银报表 and 收银统计报表 all use these fragments.
 */
import { sql, type SQL } from 'drizzle-orm';
import { OFF_COUNTER_METHODS } from '../domain/payment-channels.js';

const offCounter = sql.join(OFF_COUNTER_METHODS.map((m) => sql`${m}`), sql`, `);

/** True for a payment whose money was taken at the counter (`p` is the payments table's alias, or none). */
export function takenAtCounter(alias?: string): SQL {
  const col = sql.raw(alias ? `${alias}.method` : 'method');
  return sql`${col} NOT IN (${offCounter})`;
}

/** The cash a payment row moved over the counter (negative for a reversal's cash handed back). */
export function counterCashFen(alias?: string): SQL {
  const p = alias ? `${alias}.` : '';
  return sql`(CASE WHEN ${takenAtCounter(alias)} THEN ${sql.raw(`${p}tendered_fen - ${p}change_fen`)} ELSE 0 END)`;
}
