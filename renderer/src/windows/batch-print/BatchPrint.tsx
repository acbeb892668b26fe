/**
 * 批量打印 (R-PRT-01/02): check slips by 收讫日期, 缴费方式 and 区域, arrears notices by 区域 and 抄表员,
 * sorted by area for the meter readers; to the receipt printer, or as A4 sheets to paper or PDF (Ctrl+P).
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { ArrearsNoticeSheet } from '../../components/ArrearsNoticeSheet';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type Slips = Output<'printing.slips'>;
type Notices = Output<'printing.arrears'>;

export function BatchPrint() {
  const session = useSession((s) => s.session);
  const [filters, setFilters] = useState<Output<'printing.filters'>>({ areas: [], meterReaders: [] });
  const [date, setDate] = useState(session?.businessDate ?? '');
  const [method, setMethod] = useState('');
  const [area, setArea] = useState('');
  const [reader, setReader] = useState('');
  const [slips, setSlips] = useState<Slips | null>(null);
  const [notices, setNotices] = useState<Notices | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('printing.filters', {}).then((r) => (r.ok ? setFilters(r.value) : setError(r.error.message)));
  }, []);
  const slipFilter = { date, ...(method ? { method } : {}), ...(area ? { area } : {}) };
  const noticeFilter = { ...(area ? { area } : {}), ...(reader ? { meterReader: reader } : {}) };
  const done = (r: { printed: number; failed: number; firstError: string | null }) =>
    setMessage(`已打印 ${r.printed} 张${r.failed ? `，${r.failed} 张未打印：${r.firstError ?? ''}` : ''}`);
  return (
    <main className="batch-print">
      <section className="panel no-print">
        <h2>批量打印</h2>
        <div className="row">
          <label>
            收讫日期
            <input name="printDate" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            缴费方式
            <select name="printMethod" value={method} onChange={(e) => setMethod(e.target.value)}>
              <option value="">（全部）</option>
              {['现金', '银行代缴', '银行托收', '燃气票', '优惠券', '提货券', '免费供应券', '信息亭', 'ATM', '自助终端', '网站'].map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label>
            区域
            <select name="printArea" value={area} onChange={(e) => setArea(e.target.value)}>
              <option value="">（全部）</option>
              {filters.areas.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
          <label>
            抄表员
            <select name="printReader" value={reader} onChange={(e) => setReader(e.target.value)}>
              <option value="">（全部）</option>
              {filters.meterReaders.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="row">
          <button type="button" name="refreshSlips" onClick={() => void call('printing.slips', slipFilter).then((r) => (r.ok ? (setSlips(r.value), setNotices(null)) : setError(r.error.message)))}>
            核对单刷新
          </button>
          <button type="button" name="printSlips" disabled={!slips || slips.length === 0} onClick={() => void call('printing.printSlips', slipFilter).then((r) => (r.ok ? done(r.value) : setError(r.error.message)))}>
            核对单开始打印（小票机）
          </button>
          <button type="button" name="previewArrears" onClick={() => void call('printing.arrears', noticeFilter).then((r) => (r.ok ? (setNotices(r.value), setSlips(null)) : setError(r.error.message)))}>
            欠费用户预览
          </button>
          <button type="button" name="printArrears" disabled={!notices || notices.length === 0} onClick={() => void call('printing.printArrears', noticeFilter).then((r) => (r.ok ? done(r.value) : setError(r.error.message)))}>
            欠费通知单打印（小票机）
          </button>
          <button type="button" className="primary" disabled={!slips?.length && !notices?.length} onClick={() => window.print()}>
            A4 打印 / 存为PDF (Ctrl+P)
          </button>
        </div>
        <FieldError message={error} id="print-error" />
        {message && <div role="status">{message}</div>}
        {slips && <p className="muted">共 {slips.length} 张核对单</p>}
        {notices && <p className="muted">共 {notices.length} 户欠费，合计 ￥{formatYuan(notices.reduce((a, n) => a + n.totalFen, 0))}</p>}
      </section>
      {slips && (
        <div className="slip-sheets">
          {slips.map((s) => (
            <pre key={s.slipNo} className="receipt">
              {s.lines.join('\n')}
            </pre>
          ))}
        </div>
      )}
      {notices?.map((n) => (
        <ArrearsNoticeSheet key={n.accountNo} title="燃气费欠费通知单" notice={n}>
          欠费合计 ￥{formatYuan(n.totalFen)}（滞纳金按每日0.3%计至 {session?.businessDate}），请尽快缴纳。{session?.hallName} · 区域 {n.area} · 抄表员 {n.meterReader}
        </ArrearsNoticeSheet>
      ))}
    </main>
  );
}
