/**
 * 投诉与意见 (Alt+C), issue 15 #4: R-SEC-20 log (counter or phone), answer and close with the customer's satisfaction;
 * R-SEC-12 the one who logs it is its handler; R-SEC-18 the complaint phone to tell the customer; the overdue list
 * (已超期) for the hall manager. Keyboard: F9 登记, ↑/↓ pick, F10 答复办结, F5 refresh.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useCustomerSearch } from '../../stores/customer-search';
import { ComplaintSettings } from './ComplaintSettings';
import { useWindowKeys } from '../../components/useWindowKeys';

type Row = Output<'complaints.list'>[number];
const CATEGORIES = ['服务态度', '收费', '抄表', '维修', '安装', '气压气质', '其它'] as const;

export function Complaints() {
  const accountId = useCustomerSearch((s) => s.selectedId);
  const [rows, setRows] = useState<Row[]>([]);
  const [phoneInfo, setPhoneInfo] = useState<Output<'complaints.phone'> | null>(null);
  const [form, setForm] = useState({ kind: '投诉' as '投诉' | '意见', channel: '柜台' as '柜台' | '电话', category: '服务态度' as (typeof CATEGORIES)[number], customerName: '', phone: '', content: '', slipNo: '', promisedBy: '' });
  const [picked, setPicked] = useState(0);
  const [answer, setAnswer] = useState('');
  const [satisfaction, setSatisfaction] = useState<'满意' | '基本满意' | '不满意'>('满意');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await call('complaints.list', {});
    if (res.ok) setRows(res.value);
  }, []);
  useEffect(() => {
    void load();
    void call('complaints.phone', {}).then((r) => r.ok && setPhoneInfo(r.value));
  }, [load]);

  const log = useCallback(async () => {
    setError(null);
    const res = await call('complaints.log', { ...form, accountId: accountId ?? null, slipNo: form.slipNo || null, promisedBy: form.promisedBy || null });
    if (!res.ok) return setError({ ...(res.error.field ? { field: res.error.field } : {}), message: res.error.message });
    setDone(`已登记，受理人 ${res.value.handlerName}，承诺 ${res.value.promisedBy} 前答复`);
    setForm((f) => ({ ...f, content: '', slipNo: '', promisedBy: '' }));
    await load();
  }, [form, accountId, load]);

  const current = rows[picked];
  const close = useCallback(async () => {
    if (!current || current.status === '已办结') return;
    setError(null);
    const res = await call('complaints.answer', { complaintId: current.id, answer, satisfaction });
    if (!res.ok) return setError({ ...(res.error.field ? { field: res.error.field } : {}), message: res.error.message });
    setAnswer('');
    setDone(`已答复办结（${res.value.satisfaction}）`);
    await load();
  }, [current, answer, satisfaction, load]);

  useWindowKeys((e) => {
    if (e.key === 'F9') {
      e.preventDefault();
      void log();
    } else if (e.key === 'F10') {
      e.preventDefault();
      void close();
    } else if (e.key === 'F5') {
      e.preventDefault();
      void load();
    } else if (e.key === 'ArrowDown' && !(e.target instanceof HTMLInputElement)) setPicked((p) => Math.min(p + 1, Math.max(rows.length - 1, 0)));
    else if (e.key === 'ArrowUp' && !(e.target instanceof HTMLInputElement)) setPicked((p) => Math.max(p - 1, 0));
  });

  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <main className="complaints" data-testid="complaints">
      <section className="panel">
        <h2>投诉与意见登记</h2>
        <p className="hint">投诉电话：{phoneInfo?.phone || '（未设置）'} · 首问负责：登记人即受理人 · F9 登记 · F10 答复办结 · F5 刷新{accountId ? ' · 已关联当前选中用户' : ''}</p>
        <div className="row">
          <select name="complaintKind" value={form.kind} onChange={(e) => set({ kind: e.target.value as '投诉' | '意见' })}>
            <option>投诉</option>
            <option>意见</option>
          </select>
          <select name="complaintChannel" value={form.channel} onChange={(e) => set({ channel: e.target.value as '柜台' | '电话' })}>
            <option>柜台</option>
            <option>电话</option>
          </select>
          <select name="complaintCategory" value={form.category} onChange={(e) => set({ category: e.target.value as (typeof CATEGORIES)[number] })}>
            {CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <input name="complaintName" placeholder="客户姓名" value={form.customerName} onChange={(e) => set({ customerName: e.target.value })} />
          <input name="complaintPhone" placeholder="联系电话" value={form.phone} onChange={(e) => set({ phone: e.target.value })} />
          <input name="complaintSlip" placeholder="核对单号（可空）" value={form.slipNo} onChange={(e) => set({ slipNo: e.target.value })} />
          <input name="complaintPromised" placeholder={`承诺答复日期（默认${phoneInfo?.categoryDays[form.category] ?? phoneInfo?.answerDays ?? 5}天）`} value={form.promisedBy} onChange={(e) => set({ promisedBy: e.target.value })} />
        </div>
        <textarea name="complaintContent" placeholder="内容" value={form.content} maxLength={500} onChange={(e) => set({ content: e.target.value })} />
        <FieldError message={error?.message ?? null} id="complaint-error" />
        {done && <div role="status" className="notice" data-testid="complaints-done">{done}</div>}
      </section>
      <section className="panel">
        <table className="grid" aria-label="投诉与意见">
          <thead>
            <tr>
              <th>状态</th><th>类别</th><th>渠道</th><th>客户</th><th>内容</th><th>受理人</th><th>承诺日期</th><th>核对单评价</th><th>答复</th><th>满意度</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} aria-selected={i === picked} className={i === picked ? 'selected' : undefined} onClick={() => setPicked(i)}>
                <td>{r.status}</td><td>{r.kind}·{r.category}</td><td>{r.channel}</td><td>{r.customerName} {r.phone}</td><td>{r.content}</td><td>{r.handlerName}</td><td>{r.promisedBy}</td><td>{r.slipRating ?? ''}</td><td>{r.answer ?? ''}</td><td>{r.satisfaction ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {current && current.status !== '已办结' && (
          <div className="row">
            <input name="complaintAnswer" placeholder="答复内容" value={answer} onChange={(e) => setAnswer(e.target.value)} />
            <select name="complaintSatisfaction" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as '满意' | '基本满意' | '不满意')}>
              <option>满意</option>
              <option>基本满意</option>
              <option>不满意</option>
            </select>
            <button type="button" name="answerComplaint" onClick={() => void close()}>答复办结 (F10)</button>
          </div>
        )}
      </section>
      <ComplaintSettings onSaved={setPhoneInfo} />
    </main>
  );
}
