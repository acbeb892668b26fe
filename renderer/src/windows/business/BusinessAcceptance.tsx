/**
 * 业务受理: pick the customer, choose the business, record the customer's requirement, phone and priority,
 * submit (F9). Refusals (status, arrears, duplicates) appear at the field with their rule ID.
 */
import { useEffect, useRef } from 'react';
import { formatYuan } from '../../../../preload/kernel/money';
import { BUSINESS_TYPES, PRIORITIES, type Priority } from '../../../../preload/kernel/enums';
import { AccountCard } from '../../components/AccountCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { SearchPanel } from '../../components/SearchPanel';
import { t } from '../../i18n/zh-CN';
import { useBusinessAcceptance, type AcceptType } from '../../stores/business-acceptance';
import { ACCOUNT_ACTION_TYPES, acceptanceOf } from '../../stores/businesses';
import { useCustomerSearch, type Hit } from '../../stores/customer-search';
import { PipeSealLog } from './PipeSealLog';
import { VisitForm } from './VisitForm';

const TYPES: readonly AcceptType[] = [...BUSINESS_TYPES, ...ACCOUNT_ACTION_TYPES];

export function BusinessAcceptance() {
  const search = useRef<HTMLInputElement>(null);
  const typeRef = useRef<HTMLSelectElement>(null);
  const state = useBusinessAcceptance();
  const { customer, history, type, requirement, contactPhone, priority, error, accepted, busy, done } = state;

  useEffect(() => {
    search.current?.focus();
    const selected = useCustomerSearch.getState().selectedId;
    if (selected && useBusinessAcceptance.getState().customer?.account.id !== selected) {
      void useBusinessAcceptance.getState().load(selected);
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F9') {
        e.preventDefault();
        void useBusinessAcceptance.getState().submit();
      } else if (e.key === 'F2') {
        e.preventDefault();
        search.current?.select();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    // Issue 12 #4: a customer picked in another window of the counter PC is followed here
    const unfollow = useCustomerSearch.subscribe((now, before) => {
      if (now.remotePicks === before.remotePicks || now.selectedId === null) return;
      if (useBusinessAcceptance.getState().customer?.account.id !== now.selectedId) void useBusinessAcceptance.getState().load(now.selectedId);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unfollow();
    };
  }, []);

  const pick = async (hit: Hit) => {
    await useBusinessAcceptance.getState().load(hit.id);
    typeRef.current?.focus();
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  // The chosen business's own rules and panel (renderer/src/stores/businesses).
  const business = acceptanceOf(type);
  const Panel = business.form?.Panel;
  const panel = Panel && customer && (
    <Panel
      customer={customer}
      values={state.values[type]}
      set={(patch: object) => state.setValues(type, patch)}
      error={error}
      fieldError={fieldError}
      confirmTender={state.confirmTender}
      setConfirmTender={state.setConfirmTender}
    />
  );
  // The amount due at 前台收费 today: bills and late fees (issue 10 #17).
  const unpaidTotal = customer ? customer.totalFen : 0;
  const unpaidLateFee = customer ? customer.lateFeeFen : 0;

  return (
    <main className="fee-collection">
      <section className="column left">
        <SearchPanel inputRef={search} onPick={pick} />
        <PipeSealLog />
      </section>
      <section className="column middle">
        <ErrorNotice error={error} id="business-general-error" />
        <div className="panel">
          <h2>{t.business.title}</h2>
          {!customer ? (
            <p className="muted">{t.business.pickCustomer}</p>
          ) : (
            <form
              className="business-form"
              onSubmit={(e) => {
                e.preventDefault();
                void state.submit();
              }}
            >
              <AccountCard account={customer.account} />
              {customer.bills.length > 0 && <div className="warn">{t.business.arrears(customer.bills.length, formatYuan(unpaidTotal), formatYuan(unpaidLateFee))}</div>}
              <label>
                {t.business.type}
                <select ref={typeRef} name="type" value={type} onChange={(e) => state.set({ type: e.target.value as AcceptType })}>
                  {TYPES.map((bt) => (
                    <option key={bt} value={bt}>
                      {bt}
                    </option>
                  ))}
                </select>
              </label>
              <FieldError message={fieldError('type')} id="type-error" />
              {business.kind === 'field' && business.cookerNotice && <div className="hint">{t.business.cookerNotice}</div>}
              {business.kind === 'field' && business.cookerNotice && customer.account.paymentMethod === '现金' && <div className="hint">{t.business.promoteBank}</div>}
              {business.kind === 'account' ? (
                panel
              ) : (
                <>
                  {panel}
                  <label>
                    {t.business.requirement(type)}
                    <textarea name="requirement" rows={3} value={requirement} onChange={(e) => state.set({ requirement: e.target.value })} />
                  </label>
                  <FieldError message={fieldError('requirement')} id="requirement-error" />
                </>
              )}
              {(business.kind === 'field' || business.asksPhone) && (
                <label>
                  {t.business.phone}
                  <input name="contactPhone" value={contactPhone} onChange={(e) => state.set({ contactPhone: e.target.value })} />
                </label>
              )}
              <FieldError message={fieldError('contactPhone')} id="contactPhone-error" />
              {business.kind === 'field' && <label>
                {t.business.priority}
                <select name="priority" value={priority} onChange={(e) => state.set({ priority: e.target.value as Priority })}>
                  {PRIORITIES.map((p, i) => (
                    <option key={p} value={p}>
                      {'①②③④'[i]} {p}
                    </option>
                  ))}
                </select>
              </label>}
              <button type="submit" className="primary" disabled={busy}>
                {t.business.submit}
              </button>
              {done && (
                <div className="paid big" role="status">
                  {done}
                </div>
              )}
              {accepted && (
                <div className="paid big" role="status">
                  {t.business.accepted(accepted.businessNo, accepted.promisedOn)}
                  {accepted.depositSlipNo ? `；押金收据 ${accepted.depositSlipNo}` : ''}
                </div>
              )}
            </form>
          )}
          <FieldError message={fieldError('account')} id="account-error" />
        </div>
      </section>
      <section className="column right">
        <div className="panel">
          <h2>{t.business.history}</h2>
          {history.length === 0 ? (
            <p className="muted">{t.business.none}</p>
          ) : (
            <table className="history" aria-label={t.business.history}>
              <thead>
                <tr>
                  <th>{t.business.no}</th>
                  <th>{t.business.type}</th>
                  <th>{t.business.state}</th>
                  <th>{t.business.promisedOn}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((b) => (
                  <tr key={b.id}>
                    <td>{b.businessNo}</td>
                    <td>{b.type}</td>
                    <td>{b.state}</td>
                    <td>{b.deferredTo ?? b.promisedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <VisitForm />
        </div>
      </section>
    </main>
  );
}
