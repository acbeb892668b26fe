/** 业务回访 (R-CANC-05): a note on a finished business, recorded before e.g. the ignition after a 15C modification. */
import { useState } from 'react';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';

export function VisitForm() {
  const history = useBusinessAcceptance((s) => s.history);
  const finished = history.filter((b) => b.state === '已完成' || b.state === '已归档');
  const [businessId, setBusinessId] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (finished.length === 0) return null;
  const chosen = finished.find((b) => b.id === businessId) ?? finished[0];
  const submit = async () => {
    if (!chosen) return;
    const res = await call('businesses.visit', { businessId: chosen.id, note });
    if (res.ok) {
      setMessage({ ok: true, text: `已记录 ${chosen.businessNo} 的回访（${res.value.visitedOn}）` });
      setNote('');
    } else setMessage({ ok: false, text: res.error.message });
  };
  return (
    <form
      className="visit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>业务回访</h3>
      <label>
        业务
        <select name="visitBusiness" value={chosen?.id ?? ''} onChange={(e) => setBusinessId(e.target.value)}>
          {finished.map((b) => (
            <option key={b.id} value={b.id}>
              {b.businessNo} {b.type}
            </option>
          ))}
        </select>
      </label>
      <label>
        回访情况
        <input name="visitNote" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {message && (message.ok ? <div className="paid">{message.text}</div> : <FieldError message={message.text} id="visit-error" />)}
      <button type="submit">保存回访</button>
    </form>
  );
}
