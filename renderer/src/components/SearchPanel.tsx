/**
 * 检索区: customer number / name / fuzzy address → 筛选 → pick (R-GEN-03). Enter searches; a second Enter
 * on unchanged results picks the highlighted row; ↑/↓ move the highlight.
 */
import type { RefObject } from 'react';
import { formatYuan } from '../../../preload/kernel/money';
import { t } from '../i18n/zh-CN';
import { useCustomerSearch, type Hit } from '../stores/customer-search';
import { FieldError } from './FieldError';

export function SearchPanel({ inputRef, onPick }: { inputRef: RefObject<HTMLInputElement | null>; onPick: (hit: Hit) => Promise<void> }) {
  const { query, hits, truncated, searched, cursor, error, busy, setQuery, search, moveCursor } = useCustomerSearch();

  const pick = (index: number) => {
    const hit = useCustomerSearch.getState().select(index);
    if (hit) void onPick(hit);
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
      const state = useCustomerSearch.getState();
      if (state.searched && state.hits.length > 0 && state.lastQuery === state.query.trim()) pick(state.cursor);
      else void search();
    }
  };

  return (
    <div className="panel">
      <h2>{t.search.title}</h2>
      <div className="search-row">
        <input
          ref={inputRef}
          name="query"
          value={query}
          placeholder={t.search.placeholder}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error !== null}
          aria-describedby="query-error"
        />
        <button type="button" onClick={() => void search()} disabled={busy}>
          {t.search.submit}
        </button>
      </div>
      <FieldError message={error} id="query-error" />
      {searched && hits.length === 0 && <p className="muted">{t.search.empty}</p>}
      {truncated && <p className="warn">{t.search.truncated}</p>}
      {hits.length > 0 && (
        <table className="hits" aria-label={t.search.title}>
          <thead>
            <tr>
              <th>{t.search.accountNo}</th>
              <th>{t.search.name}</th>
              <th>{t.search.address}</th>
              <th className="num">
                {t.search.unpaid}
                <small>{t.search.unpaidNote}</small>
              </th>
            </tr>
          </thead>
          <tbody>
            {hits.map((h, i) => (
              <tr key={h.id} className={i === cursor ? 'cursor' : undefined} onClick={() => pick(i)} aria-selected={i === cursor}>
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
