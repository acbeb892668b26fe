/**
 * Issue 15 #6: 管理报表 in 查询及报表 (Alt+5; Alt+M goes to it, Alt+K runs the KPI page, Alt+T the ticket
 * reconciliation): 气量销售汇总表 (R-SEC-26), 票证核对 by count and m³ with differing rows highlighted (R-TKT-14),
 * 服务指标 with the chart (R-SEC-29, R-SEC-11; 无数据 where the app has no source), 银行代扣报表 with the signature
 * lines, printable on A4 (R-FIN-03), 公建回笼清单 (R-INV-10) and 公建月报 (R-FIN-05); each exported as .xlsx or CSV.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Input, Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { base64Blob, saveFile, XLSX_TYPE } from '../../api/save-file';
import { FieldError } from '../../components/FieldError';
import { ReportTable } from '../../components/ReportTable';
import { useSession } from '../../stores/session';

const LazyKpiChart = lazy(() => import('../../components/charts/KpiChart').then((m) => ({ default: m.KpiChart })));

type Query = Input<'reports.management'>;
type Report = Output<'reports.management'>;
type Kind = Query['report'];

const REPORTS: { kind: Kind; label: string; period: 'range' | 'month' }[] = [
  { kind: 'gasSales', label: '气量销售汇总表', period: 'range' },
  { kind: 'tickets', label: '票证核对（张数与气量）', period: 'range' },
  { kind: 'kpi', label: '服务指标考核', period: 'month' },
  { kind: 'bankWithholding', label: '银行代扣报表', period: 'month' },
  { kind: 'publicBuilding', label: '公建用户气费资金回笼清单', period: 'range' },
  { kind: 'publicBuildingMonth', label: '公建用户月报表（各营业厅）', period: 'month' },
];

function queryOf(kind: Kind, from: string, to: string, month: string, clerk: string): Query {
  switch (kind) {
    case 'kpi':
    case 'bankWithholding':
    case 'publicBuildingMonth':
      return { report: kind, month };
    case 'tickets':
      return { report: kind, from, to, ...(clerk ? { clerkLogin: clerk } : {}) };
    default:
      return { report: kind, from, to };
  }
}

export function ManagementReports() {
  const today = useSession((s) => s.session?.businessDate ?? '');
  const [kind, setKind] = useState<Kind>('gasSales');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const [clerk, setClerk] = useState('');
  const [report, setReport] = useState<{ query: Query; value: Report } | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const period = REPORTS.find((r) => r.kind === kind)?.period ?? 'range';

  const run = async (k: Kind = kind) => {
    setError(null);
    const query = queryOf(k, from, to, month, clerk);
    const r = await call('reports.management', query);
    if (r.ok) setReport({ query, value: r.value });
    else {
      setReport(null);
      setError({ field: r.error.field ?? 'report', message: r.error.message });
    }
  };
  const runRef = useRef(run);
  runRef.current = run;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'm') {
        e.preventDefault();
        select.current?.focus();
        select.current?.scrollIntoView({ block: 'start' });
      } else if (key === 'k' || key === 't') {
        e.preventDefault();
        const k: Kind = key === 'k' ? 'kpi' : 'tickets';
        setKind(k);
        select.current?.scrollIntoView({ block: 'start' });
        void runRef.current(k);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const exportFile = async (format: 'xlsx' | 'csv') => {
    if (!report) return;
    setBusy(true);
    const r = await call('reports.managementExport', { format, query: report.query });
    setBusy(false);
    if (!r.ok) return setError({ field: 'report', message: r.error.message });
    saveFile(r.value.fileName, base64Blob(r.value.base64, format === 'xlsx' ? XLSX_TYPE : 'text/csv;charset=utf-8'));
  };

  const table = report?.value.table;
  const flagged = new Set(report?.value.flagged ?? []);
  return (
    <section className="panel management-reports" aria-label="管理报表">
      <h2 className="no-print">管理报表 (Alt+M)</h2>
      <form
        className="row no-print"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          报表
          <select ref={select} name="mgmtReport" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {REPORTS.map((r) => (
              <option key={r.kind} value={r.kind}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {period === 'range' ? (
          <>
            <label>
              起
              <input name="mgmtFrom" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={error?.field === 'from'} />
            </label>
            <label>
              止
              <input name="mgmtTo" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={error?.field === 'to'} />
            </label>
          </>
        ) : (
          <label>
            月份
            <input name="mgmtMonth" value={month} onChange={(e) => setMonth(e.target.value)} aria-invalid={error?.field === 'month'} />
          </label>
        )}
        {kind === 'tickets' && (
          <label>
            收讫人工号（空为全厅）
            <input name="mgmtClerk" value={clerk} onChange={(e) => setClerk(e.target.value)} />
          </label>
        )}
        <button type="submit" className="primary" name="mgmtRun">
          查询 (Enter)
        </button>
        <span className="muted">Alt+K 服务指标 · Alt+T 票证核对</span>
      </form>
      <FieldError message={error?.message} id="mgmt-error" />
      {table && report && (
        <div className="mgmt-report" data-report={report.query.report}>
          <h3>
            {table.title}　<span className="muted">{table.period}</span>
          </h3>
          {report.query.report === 'tickets' && (
            <p className={flagged.size ? 'field-error' : 'muted'} role={flagged.size ? 'alert' : undefined} data-testid="ticket-verdict">
              {flagged.size ? `有 ${flagged.size} 行张数或气量不符，请核对票证与抄表收费记录 (R-TKT-14)` : table.rows.length ? '张数与气量均相符' : '期间内没有票证收费'}
            </p>
          )}
          <ReportTable table={table} flagged={flagged} />
          {table.signatures && (
            <p className="signatures" data-testid="signatures">
              {table.signatures.map((s) => (
                <span key={s}>{s}＿＿＿＿＿＿</span>
              ))}
            </p>
          )}
          <div className="export-row no-print">
            <button type="button" name="mgmtXlsx" disabled={busy} onClick={() => void exportFile('xlsx')}>
              导出 Excel (.xlsx)
            </button>
            <button type="button" name="mgmtCsv" disabled={busy} onClick={() => void exportFile('csv')}>
              导出 CSV
            </button>
            <button type="button" name="mgmtPrint" onClick={() => window.print()}>
              打印 A4 (Ctrl+P)
            </button>
          </div>
          {report.value.kpi.length > 0 && (
            <Suspense fallback={<p className="muted">正在加载图表…</p>}>
              <LazyKpiChart
                title={`服务指标 ${table.period}（虚线为目标）`}
                bars={report.value.kpi.map((f) => ({ label: f.label, rateBp: f.rateBp, targetBp: f.targetBp, status: f.status }))}
                fileName={`服务指标-${table.period}`}
              />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
