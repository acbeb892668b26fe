/**
 * 滞纳金减免 (R-LATE-05, A-28): a clerk alone for an estimated reading (估抄) whose late fee is at most 20
 * yuan; any other waiver needs the hall director to sign in here. The reason is always recorded.
 */
import { FieldError } from '../../components/FieldError';
import { SecondPersonFields } from '../../components/SecondPersonFields';
import { formatYuan } from '../../../../preload/kernel/money';
import { useFeeCollection } from '../../stores/fee-collection';

export function WaiverForm() {
  const { unpaid, selectedBills, waiver, setWaiver, error } = useFeeCollection();
  const candidates = unpaid?.bills.filter((b) => b.lateFeeFen > 0 && selectedBills.includes(b.id)) ?? [];
  if (candidates.length === 0) return null;
  const fieldError = (f: string) => (error && error.field === f ? error.message : null);
  return (
    <details className="waiver" open={waiver.billId !== '' || (error !== null && ['waiver', 'waiverReason', 'approver'].includes(error.field)) || undefined}>
      <summary>滞纳金减免</summary>
      <label>
        费用
        <select name="waiverBill" value={waiver.billId} onChange={(e) => setWaiver({ billId: e.target.value })}>
          <option value="">（不减免）</option>
          {candidates.map((b) => (
            <option key={b.id} value={b.id}>
              {b.readingDate} 滞纳金 {formatYuan(b.lateFeeFen)}
              {b.estimated ? '（估抄）' : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        减免金额（元）
        <input name="waiverAmount" value={waiver.amount} onChange={(e) => setWaiver({ amount: e.target.value })} />
      </label>
      <FieldError message={fieldError('waiver')} id="waiver-error" />
      <label>
        减免原因
        <input name="waiverReason" value={waiver.reason} onChange={(e) => setWaiver({ reason: e.target.value })} />
      </label>
      <FieldError message={fieldError('waiverReason')} id="waiverReason-error" />
      <SecondPersonFields
        role="审批人"
        hint="（非估抄或超过20元时由营业厅主任输入）"
        names={['approverLogin', 'approverPassword']}
        login={waiver.approverLogin}
        password={waiver.approverPassword}
        onChange={(p) => setWaiver({ ...(p.login !== undefined ? { approverLogin: p.login } : {}), ...(p.password !== undefined ? { approverPassword: p.password } : {}) })}
      />
      <FieldError message={fieldError('approver')} id="approver-error" />
    </details>
  );
}
