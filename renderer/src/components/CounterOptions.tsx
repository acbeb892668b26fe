import type { Output } from '../../../preload/contract';

type Counter = Output<'auth.counters'>[number];

/** The counters as a select's options: 营业厅 窗口 (编号), for the log-in and the administrator's lockout panel. */
export function CounterOptions({ counters }: { counters: readonly Counter[] }) {
  return (
    <>
      {counters.map((c) => (
        <option key={c.id} value={c.id}>
          {c.hallName} {c.name} ({c.code})
        </option>
      ))}
    </>
  );
}
