/**
 * 前台收费 (fee collection) window, keyboard-first: F2 search, ↑/↓ + Enter pick, F3 reading entry,
 * F4 tendered, F6 tickets, Enter pay, F8 reprint, Esc next customer.
 */
import { useEffect, useRef } from 'react';
import { useFeeCollection } from '../../stores/fee-collection';
import { PaymentPanel } from './PaymentPanel';
import { ReceiptPanel } from './ReceiptPanel';
import { StatementPanel } from './StatementPanel';
import { UnprintedQueue } from './UnprintedQueue';
import { SearchPanel } from '../../components/SearchPanel';
import { useCustomerSearch, type Hit } from '../../stores/customer-search';
import { UnpaidPanel } from './UnpaidPanel';
import { ReversalPanel } from './ReversalPanel';
import { useTicketTender } from '../../stores/ticket-tender';
import { ErrorNotice } from '../../components/ErrorNotice';

export interface FocusTargets {
  search: React.RefObject<HTMLInputElement | null>;
  reading: React.RefObject<HTMLInputElement | null>;
  tendered: React.RefObject<HTMLInputElement | null>;
}

export function FeeCollection() {
  const error = useFeeCollection((s) => s.error);
  const search = useRef<HTMLInputElement>(null);
  const reading = useRef<HTMLInputElement>(null);
  const tendered = useRef<HTMLInputElement>(null);
  const refs: FocusTargets = { search, reading, tendered };

  useEffect(() => {
    search.current?.focus();
    // The customer may have been picked in another window at this counter.
    const selected = useCustomerSearch.getState().selectedId;
    if (selected && useFeeCollection.getState().unpaid?.account.id !== selected) void useFeeCollection.getState().choose(selected);
    const onKey = (e: KeyboardEvent) => {
      const state = useFeeCollection.getState();
      switch (e.key) {
        case 'F2':
          e.preventDefault();
          search.current?.select();
          search.current?.focus();
          break;
        case 'F3':
          e.preventDefault();
          reading.current?.focus();
          break;
        case 'F4':
          e.preventDefault();
          tendered.current?.select();
          tendered.current?.focus();
          break;
        case 'F5':
          // issue 15 #3: the unpaid list again, e.g. once the manager approved a correction request (R-SEC-09)
          e.preventDefault();
          useFeeCollection.setState({ correctionRequested: null });
          void state.refreshUnpaid();
          break;
        case 'F6': {
          e.preventDefault();
          const tickets = useTicketTender.getState();
          tickets.set({ enabled: !tickets.enabled });
          break;
        }
        case 'F8':
          e.preventDefault();
          void state.reprint();
          break;
        case 'Escape':
          e.preventDefault();
          state.reset();
          useCustomerSearch.getState().reset();
          search.current?.focus();
          break;
        default:
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    // Issue 12 #4: a customer picked (or let go with Esc) in another window of the counter PC is followed here
    const unfollow = useCustomerSearch.subscribe((now, before) => {
      if (now.remotePicks === before.remotePicks) return;
      const fee = useFeeCollection.getState();
      if (now.selectedId === null) fee.reset();
      else if (fee.unpaid?.account.id !== now.selectedId) void fee.choose(now.selectedId);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      unfollow();
    };
  }, []);

  const pick = async (hit: Hit) => {
    await useFeeCollection.getState().choose(hit.id);
    const state = useFeeCollection.getState();
    if (state.unpaid && state.unpaid.bills.length === 0) reading.current?.focus();
    else tendered.current?.focus();
  };

  return (
    <main className="fee-collection">
      <section className="column left">
        <SearchPanel inputRef={search} onPick={pick} />
      </section>
      <section className="column middle">
        <UnpaidPanel refs={refs} />
      </section>
      {/* The payment beside the unpaid list, so the customer card stays in view while the clerk types 实收 (issue 10 #15). */}
      <section className="column right">
        <ErrorNotice error={error} id="fee-error" />
        <PaymentPanel refs={refs} />
        <UnprintedQueue />
        <ReceiptPanel />
        <ReversalPanel />
        <StatementPanel />
      </section>
    </main>
  );
}
