/**
 * 冲正 of a payment taken today in this hall: the slip number, the reason, and the hall manager's sign-in
 * as the second person. An IC-card recharge needs its card in the reader (the volume is written back
 * first). Bank-paid rows are refused by the server.
 */
import { useState } from 'react';
import { FieldError } from '../../components/FieldError';
import { ErrorNotice, placeError, type ShownError } from '../../components/ErrorNotice';
import { SecondPersonFields } from '../../components/SecondPersonFields';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { useFeeCollection } from '../../stores/fee-collection';
import type { Output } from '../../../../preload/contract';

const empty = { slipNo: '', reason: '', login: '', password: '' };
/** The fields this form shows an error at; approver.password and the like land at approver (issue 10 #16). */
const REVERSAL_FIELDS = ['slipNo', 'card', 'payment', 'reason', 'approver'];

export function ReversalPanel() {
  const lastSlip = useFeeCollection((s) => s.paid?.slipNo ?? '');
  const [form, setForm] = useState(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<Output<'payments.reverse'> | null>(null);
  const slipNo = form.slipNo || lastSlip;
  const edit = (patch: Partial<typeof empty>) => {
    setForm({ ...form, ...patch });
    setError(null);
  };
  const submit = async () => {
    setBusy(true);
    setDone(null);
    const res = await call('payments.reverse', { slipNo, reason: form.reason, approver: { login: form.login, password: form.password } });
    setBusy(false);
    if (!res.ok) {
      setError(placeError(res.error, REVERSAL_FIELDS, 'slipNo'));
      return;
    }
    setDone(res.value);
    setForm(empty);
    await useFeeCollection.getState().reversed(res.value.print);
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : null);
  return (
    <details className="panel reversal">
      <summary>冲正（须营业厅主任审批）</summary>
      <ErrorNotice error={error} id="reverse-error" />
      <label>
        核对单号
        <input name="reverseSlipNo" value={slipNo} onChange={(e) => edit({ slipNo: e.target.value })} />
      </label>
      <FieldError message={fieldError('slipNo') ?? fieldError('card') ?? fieldError('payment')} id="reverse-slip-error" />
      <label>
        冲正原因
        <input name="reverseReason" value={form.reason} onChange={(e) => edit({ reason: e.target.value })} />
      </label>
      <FieldError message={fieldError('reason')} id="reverse-reason-error" />
      <SecondPersonFields role="审批人" names={['reverseApprover', 'reversePassword']} login={form.login} password={form.password} onChange={edit} />
      <FieldError message={fieldError('approver')} id="reverse-approver-error" />
      <button type="button" name="reverse" disabled={busy || slipNo === ''} onClick={() => void submit()}>
        执行冲正并打印凭证
      </button>
      {done && (
        <div role="status" className="reversed">
          冲正成功：{done.slipNo}（原单 {done.originalSlipNo}），退还现金 ￥{formatYuan(done.changeFen)}
          {done.ticketFen !== 0 ? `，退还票证抵款 ￥${formatYuan(-done.ticketFen)}` : ''}
          {done.card ? `，卡 ${done.card.cardNo} 已写回` : ''}
          {done.restoreWithdrawn && <div className="restore-withdrawn">欠费未结清，启封工单 {done.restoreWithdrawn} 已撤销，该户仍停气 (R-SEC-02)</div>}
        </div>
      )}
    </details>
  );
}
