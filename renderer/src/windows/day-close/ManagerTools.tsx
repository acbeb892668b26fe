/** The manager's month-end report for finance (R-FIN-02) and the audit export for auditors (issue 6). */
import { useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../main/domain/money';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';

export function ManagerTools({ today }: { today: string }) {
  const [month, setMonth] = useState(today.slice(0, 7));
  const [report, setReport] = useState<Output<'day.month'> | null>(null);
  const [audit, setAudit] = useState<{ verified: boolean; rows: number; brokenAtSeq: number | null; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel no-print">
      <h2>月末报表与审计导出</h2>
      <div className="row">
        <label>
          月份
          <input name="monthReport" value={month} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <button type="button" name="monthReportButton" onClick={() => void call('day.month', { month }).then((r) => (r.ok ? setReport(r.value) : setError(r.error.message)))}>
          月末报表
        </button>
        <button
          type="button"
          name="auditExport"
          onClick={() =>
            void call('audit.export', { from: `${month}-01`, to: `${month}-31` }).then((r) => {
              if (!r.ok) return setError(r.error.message);
              setAudit({ ...r.value, url: URL.createObjectURL(new Blob([r.value.csv], { type: 'text/csv;charset=utf-8' })) });
            })
          }
        >
          审计日志导出
        </button>
      </div>
      <FieldError message={error} id="manager-error" />
      {report && (
        <div data-testid="month-report">
          <p>
            已日结 {report.closedDays.length} 天{report.openDays.length > 0 ? `；未日结：${report.openDays.join('、')}` : ''}
          </p>
          <ul>
            {report.byCharge.map((c) => (
              <li key={c.chargeType}>
                {c.chargeType}：{c.count} 笔 ￥{formatYuan(c.totalFen)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {audit && (
        <div role="status">
          审计链{audit.verified ? `完整（${audit.rows} 条）` : `在第 ${String(audit.brokenAtSeq)} 条断开，请立即报告`}。
          <a className="download" href={audit.url} download={`审计日志-${month}.csv`}>
            下载审计日志 (CSV)
          </a>
        </div>
      )}
    </section>
  );
}
