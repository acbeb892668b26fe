import { useState } from 'react';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import type { QueueRow } from '../../stores/work-queue';

/** R-RCPT-10: after a failed ignition, the rectification's consumables go on the install/modify form. */
export function RectificationConsumables({ row }: { row: QueueRow }) {
  const [name, setName] = useState('');
  const [qty, setQty] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    const res = await call('followUps.rectificationConsumables', {
      ignitionBusinessId: row.id,
      consumables: name.trim() === '' ? [] : [{ name, unit: '个', quantity: Number(qty) }],
    });
    setMessage(res.ok ? { ok: true, text: `已记入安装/改装单 ${res.value.formBusinessNo}` } : { ok: false, text: res.error.message });
  };
  return (
    <details className="panel">
      <summary>点火未成功：整改耗材（记入安装单）</summary>
      <label>
        耗材名称
        <input name="rectConsumable" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        数量
        <input name="rectQty" value={qty} onChange={(e) => setQty(e.target.value)} />
      </label>
      {message && (message.ok ? <div className="paid">{message.text}</div> : <FieldError message={message.text} id="rect-error" />)}
      <button type="button" onClick={() => void save()}>
        保存耗材
      </button>
    </details>
  );
}
