/** The manager's month-end report for finance (R-FIN-02) and the audit export for auditors (issue 6). */
import { useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatHead } from '../../../../preload/kernel/chain-head';
import { addDays } from '../../../../preload/kernel/dates';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { base64Blob, saveFile, XLSX_TYPE } from '../../api/save-file';
import { FieldError } from '../../components/FieldError';
import { LateRows } from './LateRows';

/** The month's last day (2026-11 → 2026-11-30), for the file's 期间; as typed plus -31 if the month is not one. */
function monthEnd(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12) return `${month}-31`;
  return addDays(mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`, -1);
}

export function ManagerTools({ today }: { today: string }) {
  const [month, setMonth] = useState(today.slice(0, 7));
  const [report, setReport] = useState<Output<'day.month'> | null>(null);
  const [audit, setAudit] = useState<(Pick<Output<'audit.export'>, 'verified' | 'rows' | 'brokenAtSeq' | 'head' | 'mismatches'> & { url: string }) | null>(null);
  // issue 10 #20: heads copied from printed 日结 / cash reports, one per line, checked against the chain
  const [heads, setHeads] = useState('');
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
            void call('audit.export', { from: `${month}-01`, to: `${month}-31`, heads: heads.split('\n').filter((h) => h.trim() !== '') }).then((r) => {
              if (!r.ok) return setError(r.error.message);
              setAudit({ ...r.value, url: URL.createObjectURL(new Blob([r.value.csv], { type: 'text/csv;charset=utf-8' })) });
            })
          }
        >
          审计日志导出
        </button>
      </div>
      <label>
        核对打印的审计链头（每行一个，如 #1234 1a2b3c4d5e6f）
        <textarea name="printedHeads" rows={2} cols={40} value={heads} onChange={(e) => setHeads(e.target.value)} />
      </label>
      <FieldError message={error} id="manager-error" />
      {report && (
        <div data-testid="month-report">
          <p>
            已日结 {report.closedDays.length} 天{report.openDays.length > 0 ? `；未日结：${report.openDays.join('、')}` : ''}
          </p>
          <p>
            日结合计 {report.closedAll.count} 笔 ￥{formatYuan(report.closedAll.totalFen)}，其中现金 ￥{formatYuan(report.closedAll.cashFen)}
          </p>
          <ul>
            {report.byCharge.map((c) => (
              <li key={c.chargeType}>
                {c.chargeType}：{c.count} 笔 ￥{formatYuan(c.totalFen)}
              </li>
            ))}
          </ul>
          <LateRows late={report.late} closed={report.closedAll} ledger={report.ledger.all} showDate />
        </div>
      )}
      {audit && (
        <div role="status">
          审计链
          {audit.brokenAtSeq !== null
            ? `在第 ${String(audit.brokenAtSeq)} 条断开，请立即报告`
            : audit.verified
              ? `完整（${audit.rows} 条${audit.head ? `，链头 ${formatHead(audit.head)}` : ''}）`
              : `与链头不符，请立即报告：${audit.mismatches.map((m) => m.message).join('；')}`}
          。
          <button
            type="button"
            name="auditXlsx"
            onClick={() =>
              void call('audit.exportFile', { from: `${month}-01`, to: monthEnd(month), format: 'xlsx' }).then((r) =>
                r.ok ? saveFile(r.value.fileName, base64Blob(r.value.base64, XLSX_TYPE)) : setError(r.error.message),
              )
            }
          >
            下载审计日志 (Excel)
          </button>{' '}
          <a className="download" href={audit.url} download={`审计日志-${month}.csv`}>
            下载审计日志 (CSV)
          </a>
        </div>
      )}
    </section>
  );
}
