/**
 * Issue 15 #6 (R-SEC-21): 交接班记录 in 日结 (Alt+D): the outgoing clerk's system cash since their last handover, the
 * cash actually held, the reason for a difference, and the incoming clerk signing in to accept (Enter submits).
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';

export function ShiftHandover() {
  const [draft, setDraft] = useState<Output<'shift.handoverDraft'> | null>(null);
  const [held, setHeld] = useState('');
  const [reason, setReason] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<Output<'shift.handover'> | null>(null);
  const load = async () => {
    const r = await call('shift.handoverDraft', {});
    if (r.ok) setDraft(r.value);
  };
  useEffect(() => {
    void load();
  }, []);
  const submit = async () => {
    setError(null);
    const r = await call('shift.handover', { held, reason, incoming: { login, password } });
    setPassword('');
    if (!r.ok) return setError({ field: r.error.field ?? 'held', message: r.error.message });
    setDone(r.value);
    setHeld('');
    setReason('');
    setLogin('');
    void load();
  };
  return (
    <form
      className="panel shift-handover"
      aria-label="交接班记录"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>交接班记录 (R-SEC-21)</h2>
      <p>系统应存现金（本班）：￥{draft ? formatYuan(draft.systemFen) : '…'}</p>
      <div className="row">
        <label>
          实存现金（元）
          <input name="handoverHeld" value={held} onChange={(e) => setHeld(e.target.value)} aria-invalid={error?.field === 'held'} />
        </label>
        <label>
          差额原因
          <input name="handoverReason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={error?.field === 'reason'} />
        </label>
        <label>
          接班人工号
          <input name="handoverLogin" value={login} onChange={(e) => setLogin(e.target.value)} aria-invalid={error?.field === 'incoming'} />
        </label>
        <label>
          接班人密码
          <input name="handoverPassword" type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="primary" name="handoverSubmit">
          交班 (Enter)
        </button>
      </div>
      <FieldError message={error?.message} id="handover-error" />
      {done && (
        <p role="status">
          已交班：系统 ￥{formatYuan(done.systemFen)}，实存 ￥{formatYuan(done.heldFen)}，差额 ￥{formatYuan(done.differenceFen)}
        </p>
      )}
    </form>
  );
}
