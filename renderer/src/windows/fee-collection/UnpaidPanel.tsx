import { AccountCard } from '../../components/AccountCard';
import { FieldError } from '../../components/FieldError';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { t } from '../../i18n/zh-CN';
import { READING_SOURCES_AT_COUNTER } from '../../../../preload/contract';
import { useFeeCollection, type ReadingSource } from '../../stores/fee-collection';
import { ConfirmCheck } from './ConfirmCheck';
import { CorrectionForm, CorrectionRequested } from './CorrectionForm';
import type { FocusTargets } from './FeeCollection';

/** Sources typed at the counter: only their bills can be corrected here (issue 10 #5). */
const SOURCES: readonly ReadingSource[] = READING_SOURCES_AT_COUNTER;

export function UnpaidPanel({ refs }: { refs: FocusTargets }) {
  const { unpaid, selectedBills, toggleBill, reading, setReading, readingSource, setReadingSource, enterReading, error, busy, confirmReading, setConfirmReading, openCorrection } =
    useFeeCollection();
  if (!unpaid) {
    return (
      <div className="panel muted">
        {t.unpaid.title}
        <FieldError message={error?.field === 'account' ? error.message : null} id="account-error" />
      </div>
    );
  }
  const { account } = unpaid;

  const submitReading = async () => {
    await enterReading();
    if (!useFeeCollection.getState().error) refs.tendered.current?.focus();
  };

  return (
    <div className="panel">
      <h2>{t.unpaid.title}</h2>
      <AccountCard account={account} />
      <FieldError message={error?.field === 'account' ? error.message : null} id="account-error" />
      {unpaid.bills.length === 0 ? (
        <p className="muted">{t.unpaid.none}</p>
      ) : (
        <table className="bills" aria-label={t.unpaid.title}>
          <thead>
            <tr>
              <th>{t.unpaid.selected}</th>
              <th>{t.unpaid.readingDate}</th>
              <th>{t.unpaid.readings}</th>
              <th>{t.unpaid.volume}</th>
              <th>{t.unpaid.price}</th>
              <th>{t.unpaid.gas}</th>
              <th>{t.unpaid.lateFee}</th>
              <th>{t.unpaid.total}</th>
            </tr>
          </thead>
          <tbody>
            {unpaid.bills.map((b) => (
              <tr key={b.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={selectedBills.includes(b.id)}
                    onChange={() => toggleBill(b.id)}
                    aria-label={`选择 ${b.readingDate}`}
                  />
                </td>
                <td>
                  {b.readingDate}
                  {b.estimated ? ' (估抄)' : ''}
                </td>
                <td className="num">
                  {formatVolume(b.previousReading)} / {formatVolume(b.thisReading)}
                  {(SOURCES as readonly string[]).includes(b.source) && (
                    <button type="button" className="link" onClick={() => openCorrection(b.id)} aria-label={`${t.correction.action} ${b.readingDate}`}>
                      {t.correction.action}
                    </button>
                  )}
                </td>
                <td className="num">{formatVolume(b.consumption)}</td>
                <td className="num">{formatYuan(b.priceFenPerM3)}</td>
                <td className="num" title={b.pricing}>
                  {formatYuan(b.gasFen)}
                  <div className="trace">{b.pricing}</div>
                </td>
                <td className="num" title={b.lateFeeTrace}>
                  {formatYuan(b.lateFeeFen)}
                  {b.overdueDays > 0 && <div className="trace">{b.lateFeeTrace}</div>}
                </td>
                <td className="num">{formatYuan(b.totalFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CorrectionForm onDone={() => refs.tendered.current?.focus()} />
      <CorrectionRequested />
      {account.customerType === '抄表' && (
        <div className="reading-entry">
          <label>
            {t.reading.label} (F3)
            <input
              ref={refs.reading}
              name="reading"
              inputMode="decimal"
              value={reading}
              onChange={(e) => setReading(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void submitReading();
                }
              }}
              aria-invalid={error?.field === 'reading'}
              aria-describedby="reading-error"
            />
          </label>
          <label>
            {t.reading.source}
            <select value={readingSource} onChange={(e) => setReadingSource(e.target.value as ReadingSource)} name="source">
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t.reading[s]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void submitReading()} disabled={busy || reading.trim() === ''}>
            {t.reading.submit}
          </button>
          <FieldError message={error?.field === 'reading' ? error.message : null} id="reading-error" />
          <ConfirmCheck
            shown={error?.field === 'reading' && error.code === 'NEEDS_CONFIRMATION'}
            checked={confirmReading}
            onChange={setConfirmReading}
            label={t.reading.confirm}
            name="confirmReading"
            onEnter={() => void submitReading()}
          />
        </div>
      )}
    </div>
  );
}
