import { useEffect } from 'react';
import { t } from './i18n/zh-CN';
import { useSession } from './stores/session';
import { Login } from './windows/Login';
import { FeeCollection } from './windows/fee-collection/FeeCollection';

export function App() {
  const session = useSession((s) => s.session);
  const logout = useSession((s) => s.logout);
  useEffect(() => {
    document.title = t.appTitle;
  }, []);
  if (!session) return <Login />;
  return (
    <div className="app">
      <header className="app-header">
        <strong>{t.header.window}</strong>
        <span>
          {t.header.hall}: {session.hallName} {session.counterName}
        </span>
        <span>
          {t.header.clerk}: {session.staffName}
        </span>
        <span>
          {t.header.date}: {session.businessDate}
        </span>
        <button type="button" onClick={() => void logout()}>
          {t.header.logout}
        </button>
      </header>
      <FeeCollection />
      <footer className="app-keys">{t.keys}</footer>
    </div>
  );
}
