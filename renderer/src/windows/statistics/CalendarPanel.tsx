/** 工作日历: holidays and make-up working days that promised dates count with (R-LT-01). */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';

type Day = Output<'calendar.year'>[number];
const KIND_TEXT = { holiday: '节假日', workday: '调休上班' } as const;

export function CalendarPanel({ year }: { year: string }) {
  const [days, setDays] = useState<Day[]>([]);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<'holiday' | 'workday' | 'normal'>('holiday');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const res = await call('calendar.year', { year });
    if (res.ok) setDays(res.value);
  };
  useEffect(() => {
    void load();
  }, [year]);

  const save = async () => {
    setError(null);
    const res = await call('calendar.set', { date, kind, note });
    if (!res.ok) setError(res.error.message);
    else {
      setDate('');
      setNote('');
      await load();
    }
  };

  return (
    <section className="panel">
      <h2>工作日历 {year}（承诺日期按工作日计算）</h2>
      <table aria-label="工作日历">
        <tbody>
          {days.length === 0 && (
            <tr>
              <td className="muted">未设置节假日：按周一至周五计算</td>
            </tr>
          )}
          {days.map((d) => (
            <tr key={d.date}>
              <td>{d.date}</td>
              <td>{KIND_TEXT[d.kind]}</td>
              <td>{d.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="stat-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          日期
          <input name="calendarDate" value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" />
        </label>
        <label>
          类型
          <select name="calendarKind" value={kind} onChange={(e) => setKind(e.target.value as 'holiday' | 'workday' | 'normal')}>
            <option value="holiday">节假日</option>
            <option value="workday">调休上班</option>
            <option value="normal">恢复正常</option>
          </select>
        </label>
        <label>
          备注
          <input name="calendarNote" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit">保存（营业厅主任）</button>
      </form>
      <FieldError message={error} id="calendar-error" />
    </section>
  );
}
