/**
 * 抄表收费统计查询 for one customer (R-QRY-02): the readings of an account, paid (收讫) or unpaid (未缴),
 * by reading date or by paid date, for the monthly statement printed for the customer.
 */
import type { ServiceDeps } from './context.js';
import { DomainError } from '../../preload/kernel/errors.js';

export interface StatementInput {
  accountId: string;
  status: '收讫' | '未缴';
  dateKind: 'reading' | 'paid';
  from: string;
  to: string;
}

export interface StatementLine {
  readingDate: string;
  previousReading: number;
  thisReading: number;
  consumption: number;
  amountFen: number;
  status: string;
  paidOn: string | null;
  slipNo: string | null;
  method: string | null;
}

export function accountStatement({ db }: ServiceDeps, input: StatementInput): { lines: StatementLine[]; totalFen: number; totalConsumption: number } {
  if (input.from > input.to) throw new DomainError('VALIDATION', '开始日期不能晚于结束日期', 'from');
  if (input.status === '未缴' && input.dateKind === 'paid') {
    throw new DomainError('VALIDATION', '未缴记录没有收讫日期，请按抄表日期查询', 'dateKind');
  }
  const dateColumn = input.dateKind === 'paid' ? 'p.business_date' : 'b.reading_date';
  const lines = db.$client
    .prepare(
      `SELECT b.reading_date AS readingDate, b.previous_reading_centi AS previousReading, b.this_reading_centi AS thisReading,
         b.consumption_centi AS consumption, b.amount_fen AS amountFen, b.status AS status,
         p.business_date AS paidOn, p.slip_no AS slipNo, p.method AS method
       FROM bills b LEFT JOIN payments p ON p.id = b.paid_payment_id
       WHERE b.account_id = @accountId AND b.status = @status AND ${dateColumn} BETWEEN @from AND @to
       ORDER BY b.reading_date`,
    )
    .all(input) as StatementLine[];
  return {
    lines,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
    totalConsumption: lines.reduce((sum, l) => sum + l.consumption, 0),
  };
}
