/**
 * 日收银报表 (R-CASH-01..05): the clerk's day by category, the cash counted by denomination, the balance
 * equation and any difference with its reason; then another person reviews by signing in.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { cashBalance, cashDifference } from '../../../../preload/kernel/cash-balance';
import { countedTotal, DENOMINATIONS_FEN, denominationLabel } from '../../../../preload/kernel/denominations';
import { formatHead } from '../../../../preload/kernel/chain-head';
import { fen, formatYuan, parseYuan, ZERO_FEN, type Fen } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { call } from '../../api/client';
import { ErrorNotice, GENERAL, placeError } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { SecondPersonFields } from '../../components/SecondPersonFields';

type Draft = Output<'cashReport.draft'>;

/** What the clerk has typed, as the preview takes it: an unfinished amount counts as nothing yet. */
function yuanOr0(text: string): Fen {
  try {
    return text.trim() === '' ? ZERO_FEN : parseYuan(text);
  } catch {
    return ZERO_FEN;
  }
}

/** The drawer counted so far, by the same rule the submit uses (issue 11 #4); unfinished counts count as none. */
function countedSoFar(counts: Record<string, string>): Fen {
  const whole = Object.entries(counts).map(([k, v]) => [k, Number(v)] as const).filter(([, n]) => Number.isSafeInteger(n) && n > 0);
  return countedTotal(Object.fromEntries(whole));
}

/** The balance as the report will compute it (yuan text never parses negative). */
function balanceOf(draft: Draft, deposited: string): Fen {
  return cashBalance(fen(draft.previousBalanceFen), fen(draft.incomeFen), yuanOr0(deposited));
}

/** The fields 缴款报告 shows an error at (issue 10 #16); any other error goes to its ErrorNotice. */
export const CASH_REPORT_ERROR_FIELDS = ['report', 'reviewer'] as const;
const CASH_REPORT_ERROR_ALIASES: Record<string, string> = { differenceReason: 'report', denominations: 'report', deposited: 'report', clerkLogin: 'reviewer', approver: 'reviewer' };

export function CashReport() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [deposited, setDeposited] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [review, setReview] = useState({ clerkLogin: '', login: '', password: '' });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = () => void call('cashReport.draft', {}).then((r) => (r.ok ? setDraft(r.value) : setError(placeError(r.error, [], GENERAL))));
  useEffect(load, []);
  if (!draft) return <ErrorNotice error={error} id="cash-report-general-error" />;
  const counted = countedSoFar(counts);
  const balance = balanceOf(draft, deposited);
  const submitted = draft.submitted;
  const submit = async () => {
    setError(null);
    const denominations = Object.fromEntries(Object.entries(counts).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, Number(v)]));
    const res = await call('cashReport.submit', { deposited: deposited || '0', denominations, differenceReason: reason });
    if (!res.ok) setError(placeError(res.error, CASH_REPORT_ERROR_FIELDS, 'report', CASH_REPORT_ERROR_ALIASES));
    else load();
  };
  const sign = async () => {
    setError(null);
    const res = await call('cashReport.review', { clerkLogin: review.clerkLogin, reviewer: { login: review.login, password: review.password } });
    if (!res.ok) setError(placeError(res.error, CASH_REPORT_ERROR_FIELDS, 'reviewer', CASH_REPORT_ERROR_ALIASES));
    else {
      setMessage(`${review.clerkLogin} 的日收银报表已复核签字`);
      load();
    }
  };
  const fe = (...f: string[]) => (error && f.includes(error.field) ? error.message : null);
  return (
    // a signed report prints (Ctrl+P) with its audit chain head (issue 10 #20); the inputs never do
    <section className={submitted ? 'panel cash-report' : 'panel no-print'}>
      <h2>日收银报表 {draft.businessDate}</h2>
      <ErrorNotice error={error} id="cash-report-general-error" />
      <table>
        <thead>
          <tr>
            <th>类别</th>
            <th>项目</th>
            <th>笔/张数</th>
            <th>金额</th>
            <th>气量(方)</th>
          </tr>
        </thead>
        <tbody>
          {draft.lines.map((l) => (
            <tr key={l.group + l.item}>
              <td>{l.group}</td>
              <td>{l.item}</td>
              <td className="num">{l.count}</td>
              <td className="num">{formatYuan(l.amountFen)}</td>
              <td className="num">{l.volumeCenti === undefined ? '' : formatVolume(l.volumeCenti)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {submitted ? (
        <div role="status" data-testid="report-submitted">
          已提交：前日结余 ￥{formatYuan(submitted.previousBalanceFen)} + 本日收入 ￥{formatYuan(submitted.incomeFen)} − 存入 ￥{formatYuan(submitted.depositedFen)} = 当日结余 ￥
          {formatYuan(submitted.balanceFen)}；清点 ￥{formatYuan(submitted.countedFen)}
          {submitted.differenceFen !== 0 ? `，差额 ￥${formatYuan(submitted.differenceFen)}（${submitted.differenceReason}）` : ''}
          {submitted.reviewed ? '，已复核' : '，待复核'}
          {submitted.head ? `；审计链头 ${formatHead(submitted.head)}` : ''}
        </div>
      ) : (
        <>
          <div data-testid="balance">
            前日现金结余 ￥{formatYuan(draft.previousBalanceFen)} + 本日营业收入 ￥{formatYuan(draft.incomeFen)} − 存入银行或财务 ￥{formatYuan(yuanOr0(deposited))} = 当日现金结余 ￥
            {formatYuan(balance)}
          </div>
          <label>
            存入银行或财务金额
            <input name="deposited" value={deposited} onChange={(e) => setDeposited(e.target.value)} />
          </label>
          <div className="row denominations">
            {DENOMINATIONS_FEN.map((d) => (
              <label key={d}>
                {denominationLabel(d)} {d >= 100 ? '张数' : '枚数'}
                <input name={`count-${d}`} size={5} inputMode="numeric" value={counts[d] ?? ''} onChange={(e) => setCounts({ ...counts, [d]: e.target.value })} />
              </label>
            ))}
          </div>
          <div data-testid="counted">
            清点现金 ￥{formatYuan(counted)}，差额 ￥{formatYuan(cashDifference(counted, balance))}
          </div>
          {counted !== balance && (
            <label>
              差额原因（如实填写，不得调平）
              <input name="differenceReason" value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          )}
          <FieldError message={fe('report')} id="report-error" />
          <button type="button" name="submitReport" className="primary" onClick={() => void submit()}>
            核对无误，签字提交
          </button>
        </>
      )}
      {submitted && <p className="print-only">制表人签字：__________　复核人签字：__________</p>}
      <h3 className="no-print">复核（由另一营业员或主任签字）</h3>
      <div className="row no-print">
        <label>
          制表人工号
          <input name="reviewClerk" value={review.clerkLogin} onChange={(e) => setReview({ ...review, clerkLogin: e.target.value })} />
        </label>
        <SecondPersonFields role="复核人" names={['reviewerLogin', 'reviewerPassword']} login={review.login} password={review.password} onChange={(p) => setReview({ ...review, ...p })} />
        <button type="button" name="review" onClick={() => void sign()}>
          复核签字
        </button>
      </div>
      <div className="no-print">
        <FieldError message={fe('reviewer')} id="review-error" />
        {message && <div role="status">{message}</div>}
      </div>
    </section>
  );
}
