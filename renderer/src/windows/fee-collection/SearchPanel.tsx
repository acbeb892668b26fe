import { FieldError } from '../../components/FieldError';
import { formatYuan } from '../../../../main/domain/money';
import { t } from '../../i18n/zh-CN';
import { useFeeCollection } from '../../stores/fee-collection';
import type { FocusTargets } from './FeeCollection';

export function SearchPanel({ refs }: { refs: FocusTargets }) {
  const { query, hits, truncated, searched, cursor, error, busy, setQuery, search, moveCursor, choose } = useFeeCollection();

  const pick = async (index: number) => {
    await choose(index);
    const state = useFeeCollection.getState();
    if (state.unpaid && state.unpaid.bills.length === 0) refs.reading.current?.focus();
    else refs.tendered.current?.focus();
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      moveCursor(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      moveCursor(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const state = useFeeCollection.getState();
      // A second Enter on unchanged results picks the highlighted customer.
      if (state.searched && state.hits.length > 0 && state.lastQuery === state.query.trim()) void pick(state.cursor);
      else void search();
    }
  };

  return (
    <div className="panel">
      <h2>{t.search.title}</h2>
      <div className="search-row">
        <input
          ref={refs.search}
          name="query"
          value={query}
          placeholder={t.search.placeholder}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error?.field === 'query'}
          aria-describedby="query-error"
        />
        <button type="button" onClick={() => void search()} disabled={busy}>
          {t.search.submit}
        </button>
      </div>
      <FieldError message={error?.field === 'query' ? error.message : null} id="query-error" />
      {searched && hits.length === 0 && <p className="muted">{t.search.empty}</p>}
      {truncated && <p className="warn">{t.search.truncated}</p>}
      {hits.length > 0 && (
        <table className="hits" aria-label={t.search.title}>
          <thead>
            <tr>
              <th>{t.search.accountNo}</th>
              <th>{t.search.name}</th>
              <th>{t.search.address}</th>
              <th>{t.search.unpaid}</th>
            </tr>
          </thead>
          <tbody>
            {hits.map((h, i) => (
              <tr
                key={h.id}
                className={i === cursor ? 'cursor' : undefined}
                onClick={() => void pick(i)}
                aria-selected={i === cursor}
              >
                <td>{h.accountNo}</td>
                <td>{h.name}</td>
                <td>{h.address}</td>
                <td className="num">{h.unpaidCount > 0 ? `${h.unpaidCount}笔 ${formatYuan(h.unpaidFen)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
