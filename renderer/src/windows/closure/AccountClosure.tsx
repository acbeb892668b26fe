/**
 * 销户 (Alt+X), issue 15 #2 (R-SEC-06): account closure and temporary removal (临时拆表) step by step on the
 * work-order machinery and the ledger: the application (arrears settled first) issues the site check (2 working
 * days); after its receipt the removal fee and the deposit are taken in cash with their slips and the removal is
 * issued (5 working days); the removal form's reading is billed; the deposit is settled against the final bill
 * (refund or offset, to the fen, with slips); the hall director signs in to approve. A temporary removal is re-fitted
 * within 6 months (else a new installation). Keyboard: F9 受理, ↑/↓ pick a closure (outside a field), F10 the picked
 * closure's next step, F7 临时拆表复装, F5 refresh; Enter in a field does what F9/F10 does there.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { call } from '../../api/client';
import { AccountCard } from '../../components/AccountCard';
import { FieldError } from '../../components/FieldError';
import { SearchPanel } from '../../components/SearchPanel';
import { SecondPersonFields } from '../../components/SecondPersonFields';
import { useCustomerSearch, type Hit } from '../../stores/customer-search';
import { useWindowKeys } from '../../components/useWindowKeys';

type Row = Output<'closure.list'>[number];
type Customer = Output<'bills.unpaid'>;
type Failure = { field?: string; message: string };

const KINDS = ['销户', '临时拆表'] as const;
const done = (b: Row['site']) => b !== null && (b.state === '已完成' || b.state === '已归档');

/** What the picked closure waits for, in the clerk's words. */
function nextStep(r: Row): string {
  if (r.state === '待核实') return done(r.site) ? '收拆表费及押金，派发拆表 (F10)' : `等待现场核实回执：${r.site?.businessNo ?? ''}（派工/回执 Alt+3）`;
  if (r.state === '待拆表') return r.removal?.state === '已归档' ? '出最终账单 (F10)' : `等待拆表回执及拆表单（结算方数）：${r.removal?.businessNo ?? ''}（Alt+3）`;
  if (r.state === '待结清') return r.depositHeldFen > 0 || r.unpaidFen > 0 ? '结算押金 (F10)' : '主任审批 (F10)';
  if (r.state === '已临时拆表') return '6个月内可复装 (F7)';
  return '—';
}

export function AccountClosure() {
  const search = useRef<HTMLInputElement>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const customerRef = useRef<string | null>(null);
  customerRef.current = customer?.account.id ?? null;
  const [rows, setRows] = useState<Row[]>([]);
  const [picked, setPicked] = useState(0);
  const [form, setForm] = useState({ kind: '销户' as (typeof KINDS)[number], reason: '' });
  const [deposit, setDeposit] = useState('');
  const [tendered, setTendered] = useState('');
  const [approver, setApprover] = useState({ login: '', password: '' });
  const [error, setError] = useState<Failure | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [slips, setSlips] = useState<string[][]>([]);

  const load = useCallback(async () => {
    const r = await call('closure.list', {});
    if (r.ok) setRows(r.value);
    // the picked customer's card follows the steps (meter status after the removal, arrears after the final bill)
    const shown = customerRef.current;
    if (shown) {
      const c = await call('bills.unpaid', { accountId: shown });
      if (c.ok) setCustomer(c.value);
    }
  }, []);
  useEffect(() => {
    void load();
    search.current?.focus();
  }, [load]);
  // the customer picked in this or another window of the counter PC (issue 12 #4) is the one shown here
  const selectedId = useCustomerSearch((st) => st.selectedId);
  useEffect(() => {
    if (selectedId === null || selectedId === customerRef.current) return;
    void call('bills.unpaid', { accountId: selectedId }).then((r) => r.ok && setCustomer(r.value));
  }, [selectedId]);

  const fail = (e: { field?: string | undefined; message: string }) => {
    setStatus(null);
    setError({ ...(e.field ? { field: e.field } : {}), message: e.message });
  };
  const ok = (message: string, prints: { lines: string[] }[] = []) => {
    setError(null);
    setStatus(message);
    setSlips(prints.map((p) => p.lines));
  };
  const at = (field: string) => (error?.field === field ? error.message : null);

  const pick = async (hit: Hit) => {
    const r = await call('bills.unpaid', { accountId: hit.id });
    if (!r.ok) return fail(r.error);
    setCustomer(r.value);
    setError(null);
    document.querySelector<HTMLSelectElement>('select[name=closureKind]')?.focus();
  };

  const apply = useCallback(async () => {
    if (!customer) return fail({ field: 'accountId', message: '请先在检索区选择用户' });
    const r = await call('closure.apply', { accountId: customer.account.id, kind: form.kind, reason: form.reason });
    if (!r.ok) return fail(r.error);
    ok(`已受理${form.kind}，现场核实工单 ${r.value.siteBusinessNo}，承诺 ${r.value.promisedOn} 前完成`);
    setForm((f) => ({ ...f, reason: '' }));
    setPicked(0);
    await load();
  }, [customer, form, load]);

  const current = rows[picked];
  const step = useCallback(async () => {
    if (!current) return;
    const closureId = current.closureId;
    if (current.state === '待核实') {
      const r = await call('closure.removal', { closureId, deposit, tendered });
      if (!r.ok) return fail(r.error);
      const taken = r.value.slips.map((s) => `${s.chargeType} ${formatYuan(s.amountFen)} 元（核对单 ${s.slipNo}）`).join('，');
      ok(`已派发拆表工单 ${r.value.removalBusinessNo}，承诺 ${r.value.promisedOn} 前完成${taken ? `；已收 ${taken}，找零 ${formatYuan(r.value.changeFen)} 元` : ''}`, r.value.prints);
      setDeposit('');
      setTendered('');
    } else if (current.state === '待拆表') {
      const r = await call('closure.finalBill', { closureId });
      if (!r.ok) return fail(r.error);
      ok(r.value.finalBillId ? '已按拆表读数出最终账单，请结算押金' : '拆表读数无新用气，无最终账单');
    } else if (current.state === '待结清' && (current.depositHeldFen > 0 || current.unpaidFen > 0)) {
      const r = await call('closure.settleDeposit', { closureId, tendered });
      if (!r.ok) return fail(r.error);
      const v = r.value;
      const back = v.changeFen > 0 ? `退还用户 ${formatYuan(v.changeFen)} 元` : '无退款';
      ok(`押金 ${formatYuan(v.depositFen)} 元已结算：抵扣最终账单 ${formatYuan(v.offsetFen)} 元${v.cashFen > 0 ? `，补交实收 ${formatYuan(v.cashFen)} 元` : ''}，${back}`, v.prints);
      setTendered('');
    } else if (current.state === '待结清') {
      const r = await call('closure.approve', { closureId, approver });
      setApprover({ login: '', password: '' });
      if (!r.ok) return fail(r.error);
      ok(r.value.state === '已销户' ? `已审批销户（${r.value.date}），该用户不能再办理任何业务` : `已审批临时拆表（${r.value.date}），须在6个月内复装`);
    } else return;
    await load();
  }, [current, deposit, tendered, approver, load]);

  const refit = useCallback(async () => {
    const accountId = customer?.account.id ?? (current?.state === '已临时拆表' ? current.accountId : null);
    if (!accountId) return fail({ field: 'accountId', message: '请先选择临时拆表的用户' });
    const r = await call('closure.refit', { accountId });
    if (!r.ok) return fail(r.error);
    ok(`已受理临时拆表复装，安装工单 ${r.value.businessNo}`);
    await load();
  }, [customer, current, load]);

  // the keys act on what the window shows now (useWindowKeys: a key right after a refresh acts on the new rows)
  useWindowKeys((e) => {
    const inField = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
    if (e.key === 'F9') {
      e.preventDefault();
      void apply();
    } else if (e.key === 'F10') {
      e.preventDefault();
      void step();
    } else if (e.key === 'F7') {
      e.preventDefault();
      void refit();
    } else if (e.key === 'F5') {
      e.preventDefault();
      void load();
    } else if (e.key === 'ArrowDown' && !inField) setPicked((p) => Math.min(p + 1, Math.max(rows.length - 1, 0)));
    else if (e.key === 'ArrowUp' && !inField) setPicked((p) => Math.max(p - 1, 0));
  });

  const enter = (action: () => Promise<void>) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void action();
    }
  };
  const owed = customer ? customer.totalFen : 0;
  const offset = current ? Math.min(current.depositHeldFen, current.unpaidFen) : 0;
  return (
    <main className="closure" data-testid="closure">
      <section className="column left">
        <SearchPanel inputRef={search} onPick={pick} />
      </section>
      <section className="column middle">
        <div className="panel">
          <h2>销户 / 临时拆表受理</h2>
          <p className="hint">须先缴清欠费 · 现场核实2个工作日内 · 拆表5个工作日内（用户签字确认）· 临时拆表6个月内须复装，逾期按新装办理 · F9 受理 · F10 下一步 · F7 复装 · F5 刷新</p>
          {customer ? <AccountCard account={customer.account} /> : <p className="muted">请先在检索区选择用户</p>}
          {customer && owed > 0 && <div className="warn">该用户欠费 {formatYuan(owed)} 元，须先在前台收费 (Alt+1) 缴清才能办理</div>}
          <FieldError message={at('accountId')} id="closure-account-error" />
          <div className="row">
            <label>
              办理类型
              <select name="closureKind" value={form.kind} onChange={(e) => setForm((f) => ({ ...f, kind: e.target.value as (typeof KINDS)[number] }))}>
                {KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label className="grow">
              原因（申请表、身份证已核）
              <input name="closureReason" value={form.reason} maxLength={200} onChange={(e) => setForm((f) => ({ ...f, reason: e.target.value }))} onKeyDown={enter(apply)} />
            </label>
            <button type="button" name="applyClosure" onClick={() => void apply()}>受理 (F9)</button>
          </div>
          <FieldError message={at('reason') ?? at('kind')} id="closure-reason-error" />
        </div>
        <div className="panel">
          <h2>办理中的销户 / 拆表</h2>
          <table className="grid closures" aria-label="销户申请">
            <thead>
              <tr>
                <th>状态</th><th>类型</th><th>用户</th><th>现场核实</th><th>拆表</th><th>押金</th><th>未缴</th><th>下一步</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.closureId} aria-selected={i === picked} className={i === picked ? 'selected' : undefined} onClick={() => setPicked(i)}>
                  <td>{r.state}</td>
                  <td>{r.kind}</td>
                  <td>{r.accountNo} {r.name}</td>
                  <td>{r.site ? `${r.site.businessNo} ${r.site.state} 限${r.site.promisedOn}` : ''}</td>
                  <td>{r.removal ? `${r.removal.businessNo} ${r.removal.state} 限${r.removal.promisedOn}` : ''}</td>
                  <td>{formatYuan(r.depositHeldFen)}</td>
                  <td>{formatYuan(r.unpaidFen)}</td>
                  <td>{nextStep(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 && <p className="muted">本厅暂无销户或拆表申请</p>}
        </div>
      </section>
      <section className="column right">
        <div className="panel closure-step" aria-label="当前申请">
          <h2>当前申请{current ? `：${current.kind} ${current.accountNo} ${current.name}` : ''}</h2>
          {!current ? (
            <p className="muted">用 ↑/↓ 在申请表中选择</p>
          ) : (
            <>
              <p>
                状态 <b>{current.state}</b> · {nextStep(current)}
              </p>
              {current.state === '待核实' && done(current.site) && (
                <>
                  <p className="hint">拆表费 {formatYuan(current.removalFeeFen)} 元（按规定）+ 押金（抵扣最终气费，余额退还）</p>
                  <div className="row">
                    <label>
                      押金（元）
                      <input name="closureDeposit" inputMode="decimal" value={deposit} onChange={(e) => setDeposit(e.target.value)} onKeyDown={enter(step)} />
                    </label>
                    <label>
                      实收（元）
                      <input name="closureTendered" inputMode="decimal" value={tendered} onChange={(e) => setTendered(e.target.value)} onKeyDown={enter(step)} />
                    </label>
                  </div>
                  <FieldError message={at('deposit')} id="closure-deposit-error" />
                </>
              )}
              {current.state === '待结清' && (current.depositHeldFen > 0 || current.unpaidFen > 0) && (
                <>
                  <table className="grid" aria-label="押金结算">
                    <tbody>
                      <tr><th>押金</th><td>{formatYuan(current.depositHeldFen)} 元</td></tr>
                      <tr><th>最终账单（含滞纳金）</th><td>{formatYuan(current.unpaidFen)} 元</td></tr>
                      <tr><th>押金抵扣</th><td>{formatYuan(offset)} 元</td></tr>
                      <tr><th>{current.unpaidFen > current.depositHeldFen ? '须补交' : '退还用户'}</th><td><b>{formatYuan(Math.abs(current.depositHeldFen - current.unpaidFen))} 元</b></td></tr>
                    </tbody>
                  </table>
                  {current.unpaidFen > current.depositHeldFen && (
                    <label>
                      补交实收（元）
                      <input name="closureTendered" inputMode="decimal" value={tendered} onChange={(e) => setTendered(e.target.value)} onKeyDown={enter(step)} />
                    </label>
                  )}
                </>
              )}
              {current.state === '待结清' && current.depositHeldFen === 0 && current.unpaidFen === 0 && (
                <div className="row">
                  <SecondPersonFields role="主任" names={['closureApproverLogin', 'closureApproverPassword']} login={approver.login} password={approver.password} onChange={(p) => setApprover((a) => ({ ...a, ...p }))} hint="（领导审批）" />
                </div>
              )}
              <FieldError message={at('tendered')} id="closure-tendered-error" />
              <FieldError message={at('approver') ?? at('closureId')} id="closure-step-error" />
              {!['已销户', '已撤销'].includes(current.state) && (
                <button type="button" name="closureStep" onClick={() => void (current.state === '已临时拆表' ? refit() : step())}>
                  {current.state === '已临时拆表' ? '复装 (F7)' : '下一步 (F10)'}
                </button>
              )}
            </>
          )}
          {error && !['accountId', 'reason', 'kind', 'deposit', 'tendered', 'approver', 'closureId'].includes(error.field ?? '') && <FieldError message={error.message} id="closure-error" />}
          {status && (
            <div role="status" className="closure-status">
              {status}
            </div>
          )}
          {slips.map((lines, i) => (
            <pre key={i} className="slip-preview" aria-label="打印的核对单">
              {lines.join('\n')}
            </pre>
          ))}
        </div>
      </section>
    </main>
  );
}
