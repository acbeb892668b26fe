import { useRef } from 'react';
import { FieldError } from '../../components/FieldError';
import { formatYuan } from '../../../../preload/kernel/money';
import { localDateTime } from '../../../../preload/kernel/dates';
import { t } from '../../i18n/zh-CN';
import { useFeeCollection } from '../../stores/fee-collection';
import { WaiverForm } from './WaiverForm';
import { TicketForm } from './TicketForm';
import { ManualSlipForm } from './ManualSlipForm';
import { ConfirmCheck } from './ConfirmCheck';
import { useTicketTender } from '../../stores/ticket-tender';
import type { FocusTargets } from './FeeCollection';

/** A figure of main's quote, or a dash until main has answered. */
const yuan = (fen: number | undefined): string => (fen === undefined ? '—' : `￥${formatYuan(fen)}`);

export function PaymentPanel({ refs }: { refs: FocusTargets }) {
  const { unpaid, selectedBills, tendered, setTendered, pay, paid, error, busy, confirmTender, setConfirmTender, quote } = useFeeCollection();
  const ticketDraft = useTicketTender();
  const panel = useRef<HTMLDivElement>(null);
  if (!unpaid || (unpaid.bills.length === 0 && !paid)) return null;
  // issue 11 #4: every figure here is main's (payments.quote), computed by the rule the payment posts with
  const change = quote?.changeFen ?? null;
  const disabled = busy || selectedBills.length === 0;

  const submit = async () => {
    if (disabled) return;
    const ok = await pay();
    if (ok) refs.search.current?.focus();
  };

  return (
    <div className="panel payment" ref={panel}>
      <h2>{t.pay.title}</h2>
      {paid ? (
        <div className="paid" role="status">
          <div className="big">
            {t.pay.done} {paid.slipNo}
          </div>
          {paid.ticketFen > 0 && <div>{paid.method}抵款 ￥{formatYuan(paid.ticketFen)}</div>}
          <div className="call-out">{t.pay.callOut(formatYuan(paid.tenderedFen), formatYuan(paid.changeFen))}</div>
          {paid.restore && (
            <div className="restore-issued" data-testid="restore-issued">
              {t.pay.restored(paid.restore.businessNo, localDateTime(new Date(paid.restore.dueAt)).slice(0, 16))}
            </div>
          )}
        </div>
      ) : (
        <>
          <div className="due">
            {t.pay.due}: <b data-testid="due">{yuan(quote?.dueFen)}</b>
          </div>
          <TicketForm />
          {ticketDraft.enabled && (
            <div className="ticket-preview" data-testid="ticket-preview">
              票证抵款 {yuan(quote?.ticketFen)}
              {quote && quote.ticketCashFen > 0 ? `，票面现金 ￥${formatYuan(quote.ticketCashFen)}` : ''}，应收现金 <b data-testid="cash-due">{yuan(quote?.cashDueFen)}</b>
              {quote?.ticketError && <div className="hint">{quote.ticketError}</div>}
            </div>
          )}
          <label>
            {t.pay.tendered}
            <input
              ref={refs.tendered}
              name="tendered"
              inputMode="decimal"
              value={tendered}
              onChange={(e) => setTendered(e.target.value)}
              // The right column may still be scrolled down from a 冲正 or a reprint: 应收金额 comes back into view with 实收.
              onFocus={() => panel.current?.scrollIntoView({ block: 'nearest' })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void submit();
                }
              }}
              aria-invalid={error?.field === 'tendered'}
              aria-describedby="tendered-error"
            />
          </label>
          <FieldError message={error?.field === 'tendered' || error?.field === 'billIds' ? error.message : null} id="tendered-error" />
          <ConfirmCheck
            shown={error?.field === 'tendered' && error.code === 'NEEDS_CONFIRMATION'}
            checked={confirmTender}
            onChange={setConfirmTender}
            label={t.pay.confirmTender}
            name="confirmTender"
            onEnter={() => void submit()}
          />
          <div className="change">
            {t.pay.change}: <b data-testid="change">{change === null ? '—' : `￥${formatYuan(change)}`}</b>
          </div>
          {quote && quote.tenderedFen !== null && change !== null && <div className="call-out">{t.pay.callOut(formatYuan(quote.tenderedFen), formatYuan(change))}</div>}
          <button type="button" className="primary" onClick={() => void submit()} disabled={disabled}>
            {t.pay.submit}
          </button>
          <ManualSlipForm />
          <WaiverForm />
        </>
      )}
    </div>
  );
}
