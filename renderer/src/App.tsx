import { useEffect, useState } from 'react';
import { t } from './i18n/zh-CN';
import { OpeningChecklist } from './components/OpeningChecklist';
import { DeviceStatus } from './components/DeviceStatus';
import { SyncStatus } from './components/SyncStatus';
import { activityElsewhere, LockScreen, useIdleLock } from './components/LockScreen';
import { subscribeCounter } from './api/client';
import { useCustomerSearch } from './stores/customer-search';
import { useSession } from './stores/session';
import { BusinessAcceptance } from './windows/business/BusinessAcceptance';
import { FeeCollection } from './windows/fee-collection/FeeCollection';
import { Login } from './windows/Login';
import { Registration } from './windows/registration/Registration';
import { CustomerDisplay } from './windows/customer-display/CustomerDisplay';
import { DispatchSheets } from './windows/dispatch-sheets/DispatchSheets';
import { Statistics } from './windows/statistics/Statistics';
import { WorkQueue } from './windows/work-queue/WorkQueue';
import { IcCards } from './windows/ic-cards/IcCards';
import { Handheld } from './windows/handheld/Handheld';
import { Bank } from './windows/bank/Bank';
import { BatchPrint } from './windows/batch-print/BatchPrint';
import { Tariffs } from './windows/settings/Tariffs';
import { DayClose } from './windows/day-close/DayClose';
import { Anomalies } from './windows/anomalies/Anomalies';
import { DayFileImport } from './windows/day-file/DayFileImport';
import { ArrearsCollection } from './windows/arrears/ArrearsCollection';
import { SetupWizard } from './windows/setup/SetupWizard';
import { Approvals } from './windows/approvals/Approvals';
import { Complaints } from './windows/complaints/Complaints';
import { ServiceTiming } from './windows/timing/ServiceTiming';
import { Photos } from './windows/photos/Photos';
import { AccountClosure } from './windows/closure/AccountClosure';
import { useSetup } from './stores/setup';

/** Counter windows by hash, so Electron can open each as its own window and the harness can switch tabs. */
const WINDOWS = [
  { hash: '#/fee', key: '1', title: t.windows.fee, view: () => <FeeCollection /> },
  { hash: '#/business', key: '2', title: t.windows.business, view: () => <BusinessAcceptance />, phone: true },
  { hash: '#/queue', key: '3', title: t.windows.workQueue, view: () => <WorkQueue /> },
  { hash: '#/register', key: '4', title: t.windows.register, view: () => <Registration /> },
  { hash: '#/stats', key: '5', title: t.windows.stats, view: () => <Statistics /> },
  { hash: '#/sheets', key: '6', title: t.windows.sheets, view: () => <DispatchSheets /> },
  { hash: '#/display', key: '7', title: '顾客显示屏', view: () => <CustomerDisplay /> },
  { hash: '#/cards', key: '8', title: t.windows.cards, view: () => <IcCards /> },
  { hash: '#/handheld', key: '9', title: t.windows.handheld, view: () => <Handheld /> },
  { hash: '#/bank', key: 'b', title: t.windows.bank, view: () => <Bank /> },
  { hash: '#/print', key: '0', title: t.windows.batchPrint, view: () => <BatchPrint /> },
  { hash: '#/day', key: 'd', title: t.windows.dayClose, view: () => <DayClose /> },
  { hash: '#/settings', key: 's', title: t.windows.tariffs, view: () => <Tariffs /> },
  { hash: '#/anomalies', key: 'y', title: t.windows.anomalies, view: () => <Anomalies /> },
  { hash: '#/arrears', key: 'q', title: t.windows.arrears, view: () => <ArrearsCollection /> },
  { hash: '#/approvals', key: 'a', title: t.windows.approvals, view: () => <Approvals /> },
  { hash: '#/complaints', key: 'c', title: '投诉与意见', view: () => <Complaints />, phone: true },
  { hash: '#/timing', key: 'j', title: '服务计时', view: () => <ServiceTiming /> },
  { hash: '#/photos', key: 'p', title: t.windows.photos, view: () => <Photos /> },
  { hash: '#/closure', key: 'x', title: '销户', view: () => <AccountClosure /> },
  { hash: '#/day-file', key: 'u', title: t.windows.dayFile, view: () => <DayFileImport /> },
] as const;

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash || '#/fee');
  useEffect(() => {
    const onHash = () => setHash(window.location.hash || '#/fee');
    const onKey = (e: KeyboardEvent) => {
      const target = WINDOWS.find((w) => e.altKey && e.key === w.key);
      if (target) {
        e.preventDefault();
        window.location.hash = target.hash;
      }
    };
    window.addEventListener('hashchange', onHash);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return hash;
}

/**
 * Issue 12 #4: the windows of a counter PC share one sign-in and the customer picked. A window opening takes the
 * sign-in as it is; afterwards it follows what the other windows change (pushed by main or the harness).
 */
function useCounterPc(): void {
  useEffect(() => {
    const unsubscribe = subscribeCounter((event) => {
      if (event.topic === 'session') useSession.getState().follow(event);
      else if (event.topic === 'customer') useCustomerSearch.getState().follow(event.value);
      else activityElsewhere();
    });
    void useSession.getState().adopt();
    return unsubscribe;
  }, []);
}

export function App() {
  const session = useSession((s) => s.session);
  const logout = useSession((s) => s.logout);
  const hash = useHash();
  useEffect(() => {
    document.title = t.appTitle;
  }, []);
  useCounterPc();
  useIdleLock();
  const locked = useSession((s) => s.locked);
  // Issue 12 #3: an empty store (nobody to sign in) opens the first-run setup instead of the log-in.
  const needsSetup = useSetup((s) => s.needsSetup);
  const checkSetup = useSetup((s) => s.check);
  useEffect(() => {
    if (!session) void checkSetup();
  }, [session, checkSetup]);
  // Issue 12 #4: the customer display has no sign-in of its own: until the clerk signs in (in any window) it waits.
  if (hash === '#/display' && (!session || session.mustChangePassword)) {
    return (
      <div className="app">
        <div className="customer-display customer-display-idle" role="status">
          <h1>{t.appTitle}</h1>
          <p>暂停服务，请稍候</p>
        </div>
      </div>
    );
  }
  if (!session && needsSetup === null) return null;
  // The wizard stays up through its import step, where its new administrator is already signed in.
  if (needsSetup) return <SetupWizard />;
  if (!session || session.mustChangePassword) return <Login />;
  // The call centre (接听组) takes businesses by phone and handles no money: it sees 业务受理 only.
  const phoneOnly = session.role === 'callcenter' || session.role === 'callcenter_lead';
  const windows = WINDOWS.filter((w) => !phoneOnly || ('phone' in w && w.phone));
  const current = windows.find((w) => w.hash === hash) ?? windows[0] ?? WINDOWS[1];
  // The customer-facing screen shows nothing of the clerk's windows.
  if (current.hash === '#/display') return <div className="app">{current.view()}</div>;
  return (
    <div className="app">
      {locked && <LockScreen />}
      <div className="app-body" inert={locked}>
        <header className="app-header">
          <nav className="tabs" aria-label="窗口">
            {windows.map((w) => (
              <a key={w.hash} href={w.hash} className={w === current ? 'active' : undefined} title={`Alt+${w.key}`}>
                {w.title}
              </a>
            ))}
          </nav>
          <span className="who" title={`${t.header.hall}: ${session.hallName} ${session.counterName}　${t.header.clerk}: ${session.staffName}`}>
            <span>
              {session.hallName} {session.counterName}
            </span>
            <span>
              {session.staffName} · {t.header.date} {session.businessDate}
            </span>
          </span>
          <button type="button" onClick={() => void logout()}>
            {t.header.logout}
          </button>
        </header>
        {!phoneOnly && <OpeningChecklist />}
        {current.view()}
        <footer className="app-keys">
          <span>
            {t.windows.switchHint}　{current.hash === '#/fee' ? t.keys : ''}
          </span>
          <DeviceStatus />
          <SyncStatus />
        </footer>
      </div>
    </div>
  );
}
