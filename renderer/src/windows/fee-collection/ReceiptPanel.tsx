import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { useFeeCollection } from '../../stores/fee-collection';
import { InvoicePanel } from './InvoicePanel';

/** What went to the printer, line for line, so the clerk sees the slip the customer gets. */
export function ReceiptPanel() {
  const { receipt, reprint, error } = useFeeCollection();
  if (!receipt) return <div className="panel muted">{t.receipt.title}</div>;
  return (
    <div className="panel receipt-panel">
      <h2>
        {t.receipt.title} {receipt.slipNo} {receipt.copy ? `(${t.receipt.copy})` : ''}
      </h2>
      {receipt.message && (
        <div className="warn" role="alert">
          {receipt.message}
        </div>
      )}
      {receipt.warning && (
        <div className="warn" role="status">
          {receipt.warning}
        </div>
      )}
      <pre className="receipt" aria-label="核对单内容">
        {receipt.lines.join('\n')}
      </pre>
      <button type="button" onClick={() => void reprint()}>
        {t.pay.reprint}
      </button>
      <FieldError message={error?.field === 'receipt' ? error.message : null} id="receipt-error" />
      {receipt.invoiceable !== false && <InvoicePanel key={receipt.slipNo} slipNo={receipt.slipNo} />}
    </div>
  );
}
