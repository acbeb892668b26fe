/**
 * 核对单换发票 (R-INV-01..03): a national-tax invoice for the slip on screen, numbered from the clerk's
 * invoice book (发票手册, R-FIN-01), which is registered here too.
 */
import { useState } from 'react';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';

export function InvoicePanel({ slipNo }: { slipNo: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [prefix, setPrefix] = useState('');
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const issue = async () => {
    const res = await call('invoices.issue', { slipNo });
    setMessage(res.ok ? { ok: true, text: `发票号码 ${res.value.invoiceNo}（本手册剩余 ${res.value.remaining} 份）` } : { ok: false, text: res.error.message });
  };
  const register = async () => {
    const res = await call('invoices.registerBook', { category: '国税', prefix, firstNo: Number(first), lastNo: Number(last) });
    setMessage(res.ok ? { ok: true, text: `已登记发票手册，共 ${res.value.remaining} 份` } : { ok: false, text: res.error.message });
  };
  return (
    <div className="invoice-panel">
      <button type="button" onClick={() => void issue()}>
        核对单换发票
      </button>
      {message && (message.ok ? <div className="paid">{message.text}</div> : <FieldError message={message.text} id="invoice-error" />)}
      <details>
        <summary>登记发票手册（国税）</summary>
        <label>
          发票代码
          <input name="invoicePrefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} />
        </label>
        <label>
          起始号码
          <input name="invoiceFirst" value={first} onChange={(e) => setFirst(e.target.value)} />
        </label>
        <label>
          终止号码
          <input name="invoiceLast" value={last} onChange={(e) => setLast(e.target.value)} />
        </label>
        <button type="button" onClick={() => void register()}>
          登记
        </button>
      </details>
    </div>
  );
}
