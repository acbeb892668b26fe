/**
 * 更正审批 (Alt+A), issue 15 #3: correction requests of the hall (R-SEC-09 reading, R-PAY-10 payment method, A-32).
 * Every counter role sees the requests and their outcome and may ask for a method correction of one of today's
 * slips (cash entered as tickets: 冲正 plus a new cash payment once approved); a hall manager or administrator
 * approves (F9) or refuses with a note (F10) a request someone else made. Keyboard: ↑/↓ pick, F5 refresh.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';
import { useWindowKeys } from '../../components/useWindowKeys';

type Request = Output<'corrections.list'>[number];
const KIND = { reading: '更改指数', method: '缴费方式' } as const;

export function Approvals() {
  const role = useSession((s) => s.session?.role);
  const manager = role === 'manager' || role === 'admin';
  const [rows, setRows] = useState<Request[]>([]);
  const [picked, setPicked] = useState(0);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [slipNo, setSlipNo] = useState('');
  const [reason, setReason] = useState('');
  const [methodError, setMethodError] = useState<{ field?: string; message: string } | null>(null);

  const load = useCallback(async () => {
    const res = await call('corrections.list', { pendingOnly: false });
    if (res.ok) setRows(res.value);
    else setError(res.error.message);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const current = rows[picked];
  const decide = useCallback(
    async (approve: boolean) => {
      if (!current || current.status !== '待审批') return;
      setError(null);
      setDone(null);
      const res = await call('corrections.decide', { requestId: current.id, approve, note });
      if (!res.ok) {
        setError(res.error.message);
        return;
      }
      setNote('');
      setDone(
        approve
          ? `已批准：${res.value.summary}${res.value.slips ? `（冲正 ${res.value.slips.reversal}，新收费 ${res.value.slips.payment}）` : '，已按更正读数重新计费'}`
          : `已驳回：${res.value.summary}`,
      );
      await load();
    },
    [current, note, load],
  );

  useWindowKeys((e) => {
    if (e.key === 'ArrowDown' && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      setPicked((p) => Math.min(p + 1, Math.max(rows.length - 1, 0)));
    } else if (e.key === 'ArrowUp' && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      setPicked((p) => Math.max(p - 1, 0));
    } else if (e.key === 'F5') {
      e.preventDefault();
      void load();
    } else if (manager && e.key === 'F9') {
      e.preventDefault();
      void decide(true);
    } else if (manager && e.key === 'F10') {
      e.preventDefault();
      void decide(false);
    }
  });

  const askMethod = async () => {
    setMethodError(null);
    setDone(null);
    const res = await call('corrections.requestMethod', { slipNo, toMethod: '现金', reason });
    if (!res.ok) {
      setMethodError({ ...(res.error.field ? { field: res.error.field } : {}), message: res.error.message });
      return;
    }
    setSlipNo('');
    setReason('');
    setDone(`更正申请已提交（${res.value.summary}），待营业厅主任审批`);
    await load();
  };

  return (
    <main className="approvals" data-testid="approvals">
      <section className="panel">
        <h2>更正审批</h2>
        <p className="hint">{manager ? '↑/↓ 选择申请 · F9 批准 · F10 驳回（须填审批意见） · F5 刷新' : '更正申请须由营业厅主任审批 · ↑/↓ 选择 · F5 刷新'}</p>
        <table className="grid" aria-label="更正申请">
          <thead>
            <tr>
              <th>状态</th>
              <th>类别</th>
              <th>用户</th>
              <th>申请内容</th>
              <th>原因</th>
              <th>申请人</th>
              <th>审批人</th>
              <th>审批意见</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id} aria-selected={i === picked} className={i === picked ? 'selected' : undefined} onClick={() => setPicked(i)}>
                <td>{r.status}</td>
                <td>{KIND[r.kind]}</td>
                <td>{r.accountName}</td>
                <td>{r.summary}</td>
                <td>{r.reason}</td>
                <td>{r.requesterName}</td>
                <td>{r.deciderName ?? ''}</td>
                <td>{r.note}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={8}>没有更正申请</td>
              </tr>
            )}
          </tbody>
        </table>
        {manager && current?.status === '待审批' && (
          <div className="row">
            <label>
              审批意见
              <input name="decisionNote" value={note} maxLength={100} autoFocus onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="button" name="approve" onClick={() => void decide(true)}>
              批准 (F9)
            </button>
            <button type="button" name="refuse" onClick={() => void decide(false)}>
              驳回 (F10)
            </button>
          </div>
        )}
        <FieldError message={error} id="decision-error" />
        {done && (
          <div role="status" className="notice" data-testid="approvals-done">
            {done}
          </div>
        )}
      </section>
      <section className="panel">
        <h2>缴费方式更正申请（R-PAY-10）</h2>
        <p className="hint">已提交的收费不能修改；批准后系统冲正原单并按现金重新收费，两张核对单都与申请关联。只限本营业厅当日的收费。</p>
        <div className="row">
          <label>
            核对单号
            <input name="methodSlipNo" value={slipNo} onChange={(e) => setSlipNo(e.target.value)} aria-invalid={methodError?.field === 'slipNo'} />
          </label>
          <label>
            更正原因
            <input
              name="methodReason"
              value={reason}
              maxLength={100}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void askMethod();
              }}
            />
          </label>
          <button type="button" name="requestMethod" onClick={() => void askMethod()}>
            提交申请（改为现金）
          </button>
        </div>
        <FieldError message={methodError?.message ?? null} id="method-error" />
      </section>
    </main>
  );
}
