/**
 * Bank day (R-PAY-06): the bill is in a bank file awaiting its return. When the customer's card has no
 * balance, the clerk takes the cash on a handwritten, signed and stamped slip and records its number here;
 * it is written off in the 银行代扣 window after the return.
 */
import { useState } from 'react';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useFeeCollection } from '../../stores/fee-collection';

export function ManualSlipForm() {
  const { error, selectedBills } = useFeeCollection();
  const [no, setNo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [fail, setFail] = useState<string | null>(null);
  if (!error?.message.includes('R-PAY-06') && !done) return null;
  const billId = selectedBills[0];
  const submit = async () => {
    if (!billId) return;
    setFail(null);
    const res = await call('bank.manualSlip', { billId, manualSlipNo: no });
    if (res.ok) setDone(`已登记手工核对单 ${no}：收取 ${formatYuan(res.value.amountFen)} 元（含滞纳金 ${formatYuan(res.value.lateFeeFen)} 元）。银行回执后在“银行代扣”窗口核销。`);
    else setFail(res.error.message);
  };
  return (
    <div className="manual-slip">
      <label>
        手工核对单号（卡内无余额时手工收费）
        <input name="manualSlipNo" value={no} onChange={(e) => setNo(e.target.value)} />
      </label>
      <button type="button" name="manualSlip" disabled={no.trim() === '' || !billId} onClick={() => void submit()}>
        登记手工核对单
      </button>
      <FieldError message={fail} id="manual-slip-error" />
      {done && <div role="status">{done}</div>}
    </div>
  );
}
