/**
 * 顾客显示屏: the customer-facing screen of the counter — amount due, received, change (唱收唱付, R-PAY-07),
 * then the satisfaction rating (满意度评价, R-GEN-02); keys 1–4 or the buttons. The state is pushed by main
 * when it changes (issue 11 #3), not polled.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { call, subscribeDisplay } from '../../api/client';
import { ErrorNotice, GENERAL, placeError, type ShownError } from '../../components/ErrorNotice';
import { useWindowKeys } from '../../components/useWindowKeys';

type State = Output<'display.state'>;
const RATINGS: [number, string][] = [
  [1, '非常满意'],
  [2, '满意'],
  [3, '一般'],
  [4, '不满意'],
];

export function CustomerDisplay() {
  const [state, setState] = useState<State | null>(null);
  const [thanks, setThanks] = useState(false);
  // issue 10 #16: the screen has no fields; a failed read or rating shows in its notice.
  const [error, setError] = useState<ShownError | null>(null);
  // Issue 11 #3: main pushes the state whenever the clerk's window changes it; one read when the screen opens.
  useEffect(() => {
    let alive = true;
    let pushed = false;
    const unsubscribe = subscribeDisplay((next) => {
      if (!alive) return;
      pushed = true;
      setState(next);
      setError(null);
    });
    void call('display.state', {}).then((res) => {
      // a push that came first is newer than this answer
      if (!alive || (res.ok && pushed)) return;
      if (res.ok) setState(res.value);
      setError(res.ok ? null : placeError(res.error, [], GENERAL));
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, []);
  const rate = async (score: number) => {
    const res = await call('display.rate', { score });
    setError(res.ok ? null : placeError(res.error, [], GENERAL));
    if (res.ok) {
      setThanks(true);
      window.setTimeout(() => setThanks(false), 3000);
    }
  };
  useWindowKeys((e) => {
    const score = Number(e.key);
    if (state?.askRating && score >= 1 && score <= 4) void rate(score);
  });
  const yuan = (fen: number | null) => (fen === null ? '—' : `￥${formatYuan(fen)}`);
  return (
    <main className="customer-display">
      <h1>欢迎光临</h1>
      <ErrorNotice error={error} id="display-error" />
      <dl>
        <dt>应收金额</dt>
        <dd data-testid="display-due">{yuan(state?.dueFen ?? null)}</dd>
        <dt>实收</dt>
        <dd>{yuan(state?.tenderedFen ?? null)}</dd>
        <dt>找零</dt>
        <dd data-testid="display-change">{yuan(state?.changeFen ?? null)}</dd>
      </dl>
      {thanks && <p className="thanks">谢谢您的评价，请走好！</p>}
      {state?.askRating && !thanks && (
        <div className="rating">
          <p>请您对本次服务评价</p>
          {RATINGS.map(([score, text]) => (
            <button key={score} type="button" onClick={() => void rate(score)}>
              {score} {text}
            </button>
          ))}
        </div>
      )}
    </main>
  );
}
