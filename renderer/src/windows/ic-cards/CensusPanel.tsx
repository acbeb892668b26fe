/** IC卡表普查核对 (R-CENS-02..04): purchased = remaining + used, or a 换表 note with 加急安排; a 装表 meter in private use needs a 点火. */
import { useState } from 'react';
import { FieldError } from '../../components/FieldError';
import { formatVolume } from '../../../../preload/kernel/volume';
import { useIcCards } from '../../stores/ic-cards';

export function CensusPanel() {
  const s = useIcCards();
  const year = new Date().getFullYear();
  const [form, setForm] = useState({ from: `${year}-01-01`, to: `${year}-12-31`, remaining: '', used: '' });
  const fieldError = s.error?.field === 'census' ? s.error.message : null;
  return (
    <details className="panel census">
      <summary>IC卡表普查核对</summary>
      <div className="row">
        <label>
          购气起
          <input name="censusFrom" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label>
          购气止
          <input name="censusTo" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
      </div>
      <div className="row">
        <label>
          表内剩余量（方）
          <input name="censusRemaining" inputMode="decimal" value={form.remaining} onChange={(e) => setForm({ ...form, remaining: e.target.value })} />
        </label>
        <label>
          用气量（方）
          <input name="censusUsed" inputMode="decimal" value={form.used} onChange={(e) => setForm({ ...form, used: e.target.value })} />
        </label>
      </div>
      <button type="button" name="census" disabled={s.busy} onClick={() => void s.runCensus(form)}>
        核对
      </button>
      <FieldError message={fieldError} id="census-error" />
      {s.census && (
        <div role="status">
          购气量 {formatVolume(s.census.purchased)} 方：{s.census.normal ? '正常（购气量 = 剩余量 + 用气量）' : '异常'}
          {s.census.privateUse && '。表状态为装表，无点火受理或点火协议：私自通气'}
          {s.census.suggestions.map((g) => (
            <div key={g.type}>
              请提交{g.type}（{g.note}），优先级 {g.priority}
            </div>
          ))}
        </div>
      )}
    </details>
  );
}
