/**
 * issue 10 #5: correcting the reading of an unpaid counter-read bill before payment (the old figures stay on
 * record, audited). A paid bill is corrected only after its payment is reversed. Issue 15 #3 (R-SEC-09, A-32):
 * the form sends a correction request with its reason; the bill is re-billed only once the office manager
 * approves it in 更正审批 (Alt+A). R-SEC-10: 估抄 marks an estimate for a faulty meter.
 * Keyboard-first and small at 1366×768 (#15): it opens at the reading, Enter in either field saves, Esc
 * closes the form only (elsewhere Esc is 下一位), and the clerk is handed back to 实收 (onDone).
 */
import { useEffect, useRef } from 'react';
import { FieldError } from '../../components/FieldError';
import { formatVolume } from '../../../../preload/kernel/volume';
import { t } from '../../i18n/zh-CN';
import { useFeeCollection } from '../../stores/fee-collection';
import { ConfirmCheck } from './ConfirmCheck';

export function CorrectionForm({ onDone }: { onDone?: () => void }) {
  const { unpaid, correction, setCorrection, submitCorrection, openCorrection, error, busy } = useFeeCollection();
  const bill = unpaid?.bills.find((b) => b.id === correction?.billId);
  const box = useRef<HTMLDivElement>(null);
  const open = correction !== null && bill !== undefined;
  // Opened below a long unpaid list, the whole form (its buttons too) scrolls into the column's view.
  useEffect(() => {
    if (open) box.current?.scrollIntoView({ block: 'nearest' });
  }, [open, correction?.billId]);
  if (!correction || !bill) return null;
  const at = (field: string) => (error?.field === field ? error.message : null);
  const submit = async () => {
    if (await submitCorrection()) onDone?.();
  };
  const close = () => {
    openCorrection(null);
    onDone?.();
  };
  const onEscape = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Kept from the window's Esc (下一位), which would drop the customer with the form.
    e.preventDefault();
    e.stopPropagation();
    close();
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    }
  };
  return (
    <div className="correction" data-testid="correction" ref={box} onKeyDown={onEscape}>
      <div>
        {t.correction.action} {bill.readingDate}：{formatVolume(bill.previousReading)} / {formatVolume(bill.thisReading)}
      </div>
      <label>
        {t.correction.reading}
        <input
          name="correctionReading"
          inputMode="decimal"
          value={correction.reading}
          autoFocus
          onChange={(e) => setCorrection({ reading: e.target.value })}
          onKeyDown={onEnter}
          aria-invalid={error?.field === 'correctionReading'}
          aria-describedby="correction-reading-error"
        />
      </label>
      <FieldError message={at('correctionReading')} id="correction-reading-error" />
      <ConfirmCheck
        shown={error?.field === 'correctionReading' && error.code === 'NEEDS_CONFIRMATION'}
        checked={correction.confirm}
        onChange={(confirm) => setCorrection({ confirm })}
        label={t.reading.confirm}
        name="correctionConfirm"
        onEnter={() => void submit()}
      />
      <label>
        {t.correction.reason}
        <input
          name="correctionReason"
          value={correction.reason}
          maxLength={100}
          onChange={(e) => setCorrection({ reason: e.target.value })}
          onKeyDown={onEnter}
          aria-invalid={error?.field === 'correctionReason'}
          aria-describedby="correction-reason-error"
        />
      </label>
      <FieldError message={at('correctionReason')} id="correction-reason-error" />
      <label className="inline">
        <input type="checkbox" name="correctionEstimated" checked={correction.estimated} onChange={(e) => setCorrection({ estimated: e.target.checked })} onKeyDown={onEnter} />
        {t.correction.estimated}
      </label>
      <FieldError message={at('correction') ?? at('billId')} id="correction-error" />
      <div className="correction-buttons">
        <button type="button" onClick={() => void submit()} disabled={busy || correction.reading.trim() === ''}>
          {t.correction.submit}
        </button>
        <button type="button" onClick={close}>
          {t.correction.cancel}
        </button>
      </div>
    </div>
  );
}

/** Issue 15 #3: the request just sent, until the manager decides it in 更正审批 (Alt+A). */
export function CorrectionRequested() {
  const text = useFeeCollection((s) => s.correctionRequested);
  return text ? (
    <div className="notice" role="status" data-testid="correction-requested">
      {text}
    </div>
  ) : null;
}
