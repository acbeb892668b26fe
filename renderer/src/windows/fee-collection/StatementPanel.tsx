/** 气费查询 (R-QRY-02): the customer's readings, paid or unpaid, over a period, for a printed statement. */
import { useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useFeeCollection } from '../../stores/fee-collection';

type Statement = Output<'accounts.statement'>;

export function StatementPanel() {
  const unpaid = useFeeCollection((s) => s.unpaid);
  if (!unpaid) return null;
  // Keyed by customer, so the period starts afresh for each one.
  return <StatementForm key={unpaid.account.id} accountId={unpaid.account.id} today={unpaid.businessDate} />;
}

function StatementForm({ accountId, today }: { accountId: string; today: string }) {
  const [status, setStatus] = useState<'收讫' | '未缴'>('收讫');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [statement, setStatement] = useState<Statement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = async () => {
    setError(null);
    const res = await call('accounts.statement', {
      accountId,
      status,
      dateKind: status === '收讫' ? 'paid' : 'reading',
      from,
      to,
    });
    if (res.ok) setStatement(res.value);
    else setError(res.error.message);
  };
  return (
    <details className="panel statement">
      <summary>气费查询 / 对账单</summary>
      <form
        className="stat-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void query();
        }}
      >
        <label>
          缴费情况
          <select name="statementStatus" value={status} onChange={(e) => setStatus(e.target.value === '未缴' ? '未缴' : '收讫')}>
            <option value="收讫">收讫（按收讫日期）</option>
            <option value="未缴">未缴（按抄表日期）</option>
          </select>
        </label>
        <label>
          从
          <input name="statementFrom" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          至
          <input name="statementTo" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit">预览报表</button>
      </form>
      <FieldError message={error} id="statement-error" />
      {statement && (
        <table aria-label="对账单">
          <thead>
            <tr>
              <th>抄表日期</th>
              <th>读数</th>
              <th>用气量</th>
              <th>气费（不含滞纳金）</th>
              <th>收讫</th>
            </tr>
          </thead>
          <tbody>
            {statement.lines.map((l) => (
              <tr key={`${l.readingDate}-${l.thisReading}`}>
                <td>{l.readingDate}</td>
                <td className="num">
                  {formatVolume(l.previousReading)}–{formatVolume(l.thisReading)}
                </td>
                <td className="num">{formatVolume(l.consumption)}</td>
                <td className="num">{formatYuan(l.amountFen)}</td>
                <td>{l.paidOn ? `${l.paidOn} ${l.slipNo ?? ''}` : '未缴'}</td>
              </tr>
            ))}
            <tr>
              <td>合计（不含滞纳金）</td>
              <td />
              <td className="num">{formatVolume(statement.totalConsumption)}</td>
              <td className="num">{formatYuan(statement.totalFen)}</td>
              <td />
            </tr>
          </tbody>
        </table>
      )}
    </details>
  );
}
