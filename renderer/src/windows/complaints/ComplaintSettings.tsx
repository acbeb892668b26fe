/**
 * Issue 15 #4 (§10 configurable; R-SEC-18, R-SEC-20), hall manager or administrator: the complaint phone told to
 * customers and the days until the promised answer, by default and per category (empty: the default). 保存 (or Enter
 * in a field) checks them (phone: digits and -, days 1–30); errors at the field; audited.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type Settings = Output<'complaints.phone'>;
const CATEGORIES = ['服务态度', '收费', '抄表', '维修', '安装', '气压气质', '其它'] as const;
type Category = (typeof CATEGORIES)[number];

export function ComplaintSettings({ onSaved }: { onSaved(value: Settings): void }) {
  const role = useSession((s) => s.session?.role);
  const allowed = role === 'manager' || role === 'admin';
  const [phone, setPhone] = useState('');
  const [days, setDays] = useState('');
  const [byCategory, setByCategory] = useState<Partial<Record<Category, string>>>({});
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const shown = (v: Settings) => {
    setPhone(v.phone);
    setDays(String(v.answerDays));
    setByCategory(Object.fromEntries(Object.entries(v.categoryDays).map(([k, n]) => [k, String(n)])));
  };
  useEffect(() => {
    if (allowed) void call('complaints.phone', {}).then((r) => r.ok && shown(r.value));
  }, [allowed]);
  if (!allowed) return null;

  const asDays = (v: string) => (/^\d{1,3}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
  const save = async () => {
    setError(null);
    setDone(null);
    const answerDays = asDays(days);
    if (Number.isNaN(answerDays)) return setError({ field: 'answerDays', message: '答复期限须为 1–30 天' });
    const categoryDays: Partial<Record<Category, number>> = {};
    for (const c of CATEGORIES) {
      const v = byCategory[c]?.trim() ?? '';
      if (v === '') continue;
      const n = asDays(v);
      if (Number.isNaN(n)) return setError({ field: `categoryDays.${c}`, message: '答复期限须为 1–30 天' });
      categoryDays[c] = n;
    }
    const res = await call('complaints.saveSettings', { phone, answerDays, categoryDays });
    if (!res.ok) return setError({ ...(res.error.field ? { field: res.error.field } : {}), message: res.error.message });
    shown(res.value);
    onSaved(res.value);
    setDone('已保存投诉设置');
  };
  const enter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') void save();
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  return (
    <section className="panel" aria-label="投诉设置">
      <h2>投诉设置（主任）</h2>
      <div className="row">
        <label>
          投诉电话
          <input name="settingsComplaintPhone" value={phone} size={16} onChange={(e) => setPhone(e.target.value)} onKeyDown={enter} aria-describedby="cs-phone-error" />
        </label>
        <label>
          默认答复期限（天）
          <input name="settingsAnswerDays" value={days} size={3} onChange={(e) => setDays(e.target.value)} onKeyDown={enter} aria-describedby="cs-days-error" />
        </label>
        {CATEGORIES.map((c) => (
          <label key={c}>
            {c}（天）
            <input
              name={`settingsDays-${c}`}
              value={byCategory[c] ?? ''}
              size={3}
              placeholder={days}
              onChange={(e) => setByCategory((m) => ({ ...m, [c]: e.target.value }))}
              onKeyDown={enter}
              aria-describedby={`cs-${c}-error`}
            />
          </label>
        ))}
        <button type="button" name="saveComplaintSettings" onClick={() => void save()}>
          保存
        </button>
      </div>
      <FieldError message={fieldError('phone')} id="cs-phone-error" />
      <FieldError message={fieldError('answerDays')} id="cs-days-error" />
      {CATEGORIES.map((c) => (
        <FieldError key={c} message={fieldError(`categoryDays.${c}`) ? `${c}：${fieldError(`categoryDays.${c}`)}` : null} id={`cs-${c}-error`} />
      ))}
      <FieldError message={error && !error.field ? error.message : null} id="cs-error" />
      {done && (
        <div role="status" data-testid="complaint-settings-done">
          {done}
        </div>
      )}
    </section>
  );
}
