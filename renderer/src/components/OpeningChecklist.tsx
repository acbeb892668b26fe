/** R-GEN-01: the opening checklist and the counted cash float, once per counter and business day. */
import { useEffect, useState } from 'react';
import { OPENING_CHECKLIST } from '../../../preload/kernel/opening-checklist';
import { call } from '../api/client';
import { FieldError } from './FieldError';

export function OpeningChecklist() {
  const [opened, setOpened] = useState<boolean | null>(null);
  const [checked, setChecked] = useState<string[]>([]);
  const [float, setFloat] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('counter.status', {}).then((res) => setOpened(res.ok ? res.value.opened : true));
  }, []);
  if (opened !== false) return null;
  const submit = async () => {
    const res = await call('counter.open', { checked, float });
    if (res.ok) setOpened(true);
    else setError(res.error.message);
  };
  return (
    <details className="opening-checklist no-print">
      <summary>今日尚未开始营业：请完成开业检查并清点备用金 (R-GEN-01)</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {OPENING_CHECKLIST.map((item) => (
          <label key={item} className="inline">
            <input
              type="checkbox"
              checked={checked.includes(item)}
              onChange={(e) => setChecked(e.target.checked ? [...checked, item] : checked.filter((c) => c !== item))}
            />
            {item}
          </label>
        ))}
        <label>
          备用金（元）
          <input name="float" value={float} onChange={(e) => setFloat(e.target.value)} />
        </label>
        <FieldError message={error} id="opening-error" />
        <button type="submit" className="primary">
          开始营业
        </button>
      </form>
    </details>
  );
}
