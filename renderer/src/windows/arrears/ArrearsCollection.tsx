/**
 * 欠费催缴 (Alt+Q), issue 15 #1 (R-SEC-01..05, A-46): the daily arrears list by threshold, 催缴通知单 recorded and
 * printed in batch (receipt printer or A4), the stop approved by the hall director who signs in (a 封表 work order),
 * the stop/restore record with the restore's 24-hour promise, the repayment agreement (还欠协议) with approval, and
 * the re-check list of stopped customers. The manager switches stopping on and sets the thresholds.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { localDateTime } from '../../../../preload/kernel/dates';
import { call } from '../../api/client';
import { ArrearsNoticeSheet } from '../../components/ArrearsNoticeSheet';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type List = Output<'arrears.list'>;
type Notices = Output<'arrears.notices'>['notices'];
type Stops = Output<'arrears.stops'>;

type SettingKey = 'individualMonths' | 'organisationMonths' | 'noticeDays' | 'restoreHours';
const SETTING_KEYS: readonly SettingKey[] = ['individualMonths', 'organisationMonths', 'noticeDays', 'restoreHours'];
const SETTING_LABELS: Record<SettingKey, string> = { individualMonths: '个人用户欠费月数', organisationMonths: '单位用户欠费月数', noticeDays: '催缴通知后天数', restoreHours: '复气承诺小时数' };

export function ArrearsCollection() {
  const session = useSession((s) => s.session);
  const isManager = session?.role === 'manager';
  const [list, setList] = useState<List | null>(null);
  const [stops, setStops] = useState<Stops>([]);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [notices, setNotices] = useState<Notices | null>(null);
  const [settings, setSettings] = useState<List['settings'] | null>(null);
  const [approver, setApprover] = useState({ login: '', password: '' });
  const [remark, setRemark] = useState('');
  const [terms, setTerms] = useState('');
  const [payBy, setPayBy] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // the settings' own answer, shown under the settings: the list below them can be hundreds of rows long
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [settingsSaved, setSettingsSaved] = useState(false);
  // the numbers as typed: converted only on save, so 1.5 is refused as typed (never read as 15 key by key)
  const [typed, setTyped] = useState<Partial<Record<SettingKey, string>>>({});

  const refresh = async () => {
    const [l, s] = await Promise.all([call('arrears.list', {}), call('arrears.stops', {})]);
    if (l.ok) {
      setList(l.value);
      setSettings(l.value.settings);
    } else setError(l.error.message);
    if (s.ok) setStops(s.value);
  };
  useEffect(() => {
    void refresh();
  }, []);

  const fail = (m: string) => {
    setMessage(null);
    setError(m);
  };
  const toggle = (id: string) =>
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const one = [...picked][0] ?? null;

  const notify = async (output: 'receipt' | 'A4') => {
    const r = await call('arrears.notices', { accountIds: [...picked], output });
    if (!r.ok) return fail(r.error.message);
    setError(null);
    setNotices(r.value.notices);
    const p = r.value.printed;
    setMessage(`已记录催缴通知 ${r.value.notices.length} 户${p ? `，小票机打印 ${p.printed} 张${p.failed ? `，${p.failed} 张未打印：${p.firstError ?? ''}` : ''}` : '，请按 Ctrl+P 打印 A4'}`);
    await refresh();
    if (output === 'A4') setTimeout(() => window.print(), 50);
  };
  const stop = async () => {
    if (!one) return fail('请选择一户申请停气');
    const r = await call('arrears.requestStop', { accountId: one, remark, approver });
    setApprover({ login: '', password: '' });
    if (!r.ok) return fail(r.error.message);
    setError(null);
    setMessage(`已批准停气，封表工单 ${r.value.businessNo}，承诺 ${r.value.promisedOn} 前完成`);
    await refresh();
  };
  const agree = async () => {
    if (!one) return fail('请选择一户签还欠协议');
    const r = await call('arrears.agreement', { accountId: one, terms, payBy, approver });
    setApprover({ login: '', password: '' });
    if (!r.ok) return fail(r.error.message);
    setError(null);
    setMessage(r.value.businessNo ? `还欠协议已审批，复气工单 ${r.value.businessNo}` : '还欠协议已审批，停气已撤销');
    await refresh();
  };
  const recheck = async (stopId: string, result: '仍封表' | '私自接气') => {
    const note = result === '私自接气' ? (window.prompt('私自接气情况（交稽查处理）') ?? '') : '';
    const r = await call('arrears.recordRecheck', { stopId, result, note });
    if (!r.ok) return fail(r.error.message);
    setMessage(`已记录复查 ${r.value.checkedOn}：${result}`);
    await refresh();
  };
  // R-SEC-02: the arrears of a stopped customer were paid at another hall: the 启封 is issued here
  const settle = async (stopId: string) => {
    const r = await call('arrears.settleStop', { stopId });
    if (!r.ok) return fail(r.error.message);
    setError(null);
    setMessage(
      r.value.businessNo && r.value.dueAt
        ? `已派发启封工单 ${r.value.businessNo}，${localDateTime(new Date(r.value.dueAt)).slice(0, 16)} 前上门启封通气`
        : '欠费已结清，封表工单尚未完成，已撤销停气',
    );
    await refresh();
  };
  const saveSettings = async () => {
    if (!settings) return;
    const asTyped = (k: SettingKey) => {
      const t = (typed[k] ?? String(settings[k])).trim();
      return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
    };
    const values = { ...settings, ...Object.fromEntries(SETTING_KEYS.map((k) => [k, asTyped(k)])) };
    const bad = SETTING_KEYS.find((k) => Number.isNaN(values[k]));
    if (bad) {
      setSettingsSaved(false);
      return setSettingsError(`${SETTING_LABELS[bad]}：请输入整数`);
    }
    const r = await call('arrears.saveSettings', values);
    setSettingsSaved(r.ok);
    if (!r.ok) {
      const label = SETTING_LABELS[r.error.field as SettingKey];
      return setSettingsError(label && !r.error.message.includes(label.slice(0, 4)) ? `${label}：${r.error.message}` : r.error.message);
    }
    setSettingsError(null);
    setTyped({});
    await refresh();
  };

  /** Space ticks a row; Enter goes on to the actions (the first one the choice allows), past the rest of the list. */
  const toActions = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    (document.querySelector<HTMLButtonElement>('.arrears button[name=noticeReceipt]:not(:disabled)') ?? document.querySelector<HTMLButtonElement>('.arrears button[name=pickAll]'))?.focus();
  };

  return (
    <main className="arrears">
      <section className="panel no-print">
        <h2>欠费催缴 · 停气复气</h2>
        {settings && (
          <div className="row arrears-settings">
            <label>
              <input type="checkbox" name="arrearsEnabled" checked={settings.enabled} disabled={!isManager} onChange={(e) => setSettings({ ...settings, enabled: e.target.checked })} />
              启用欠费停气
            </label>
            <label>
              个人用户欠费≥(月)
              <input name="individualMonths" size={3} value={typed.individualMonths ?? String(settings.individualMonths)} disabled={!isManager} onChange={(e) => setTyped({ ...typed, individualMonths: e.target.value })} />
            </label>
            <label>
              单位用户欠费≥(月)
              <input name="organisationMonths" size={3} value={typed.organisationMonths ?? String(settings.organisationMonths)} disabled={!isManager} onChange={(e) => setTyped({ ...typed, organisationMonths: e.target.value })} />
            </label>
            <label>
              催缴后(天)
              <input name="noticeDays" size={3} value={typed.noticeDays ?? String(settings.noticeDays)} disabled={!isManager} onChange={(e) => setTyped({ ...typed, noticeDays: e.target.value })} />
            </label>
            <label>
              复气承诺(小时)
              <input name="restoreHours" size={3} value={typed.restoreHours ?? String(settings.restoreHours)} disabled={!isManager} onChange={(e) => setTyped({ ...typed, restoreHours: e.target.value })} />
            </label>
            {isManager && (
              <button type="button" name="saveArrearsSettings" onClick={() => void saveSettings()}>
                保存设置
              </button>
            )}
          </div>
        )}
        <FieldError message={settingsError} id="arrears-settings-error" />
        {settingsSaved && <div role="status" data-testid="arrears-settings-saved">欠费停气设置已保存</div>}
        <h3>
          欠费清单 {list?.today}（{list?.rows.length ?? 0} 户）<span className="muted">　空格 选择 · Enter 转到催缴/停气操作</span>
        </h3>
        {/* the list scrolls in its own box, so the notices and the stop approval below stay on screen (a hall has hundreds of debtors) */}
        <div className="arrears-list-box">
        <table className="arrears-list">
          <thead>
            <tr>
              <th>选</th>
              <th>用户编号</th>
              <th>姓名</th>
              <th>地址</th>
              <th>类别</th>
              <th>欠费月数</th>
              <th>欠费金额</th>
              <th>最近催缴</th>
              <th>可停气日</th>
              <th>停气状态</th>
            </tr>
          </thead>
          <tbody>
            {list?.rows.map((r) => (
              <tr key={r.accountId}>
                <td>
                  <input type="checkbox" name={`pick-${r.accountNo}`} aria-label={`选择 ${r.accountNo}`} checked={picked.has(r.accountId)} onChange={() => toggle(r.accountId)} onKeyDown={toActions} />
                </td>
                <td>{r.accountNo}</td>
                <td>{r.name}</td>
                <td>{r.address}</td>
                <td>{r.category}</td>
                <td className="num">
                  {r.months}/{r.threshold}
                </td>
                <td className="num">{formatYuan(r.owedFen)}</td>
                <td>{r.lastNoticeDate ?? '—'}</td>
                <td>{r.stopFrom ?? '—'}</td>
                <td>{r.stopStage ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
        <div className="row">
          <button type="button" name="pickAll" onClick={() => setPicked(new Set(list?.rows.map((r) => r.accountId) ?? []))}>
            全选
          </button>
          <button type="button" name="noticeReceipt" disabled={picked.size === 0} onClick={() => void notify('receipt')}>
            催缴通知（小票机）
          </button>
          <button type="button" name="noticeA4" disabled={picked.size === 0} onClick={() => void notify('A4')}>
            催缴通知（A4 / PDF）
          </button>
        </div>
        <fieldset className="row">
          <legend>停气审批 / 还欠协议（选择一户；营业厅主任登录确认）</legend>
          <label>
            备注
            <input name="stopRemark" value={remark} onChange={(e) => setRemark(e.target.value)} />
          </label>
          <label>
            审批人工号
            <input name="approverLogin" value={approver.login} onChange={(e) => setApprover({ ...approver, login: e.target.value })} />
          </label>
          <label>
            审批人密码
            <input name="approverPassword" type="password" value={approver.password} onChange={(e) => setApprover({ ...approver, password: e.target.value })} />
          </label>
          <button type="button" name="requestStop" disabled={picked.size !== 1} onClick={() => void stop()}>
            批准停气（封表派工）
          </button>
          <label>
            还欠协议内容
            <input name="agreementTerms" value={terms} onChange={(e) => setTerms(e.target.value)} />
          </label>
          <label>
            还清日期
            <input name="agreementPayBy" placeholder="YYYY-MM-DD" value={payBy} onChange={(e) => setPayBy(e.target.value)} />
          </label>
          <button type="button" name="signAgreement" disabled={picked.size !== 1} onClick={() => void agree()}>
            还欠协议审批（复气）
          </button>
        </fieldset>
        <FieldError message={error} id="arrears-error" />
        {message && <div role="status">{message}</div>}
        <h3>停复气记录</h3>
        <table className="stops">
          <thead>
            <tr>
              <th>用户编号</th>
              <th>姓名</th>
              <th>停气日期</th>
              <th>封表工单</th>
              <th>状态</th>
              <th>复气工单</th>
              <th>复气期限</th>
              <th>最近复查</th>
              <th>复查（私自接气）</th>
            </tr>
          </thead>
          <tbody>
            {stops.map((s) => (
              <tr key={s.stopId} className={s.restoreOverdue ? 'overdue' : undefined}>
                <td>{s.accountNo}</td>
                <td>{s.name}</td>
                <td>{s.stoppedOn}</td>
                <td>{s.sealBusinessNo}</td>
                <td>
                  {s.stage}
                  {s.paidOff && (
                    <button type="button" name={`settle-${s.accountNo}`} className="settle-stop" onClick={() => void settle(s.stopId)}>
                      欠费已结清 · {s.stage === '待封表' ? '撤销停气' : '派发启封'}
                    </button>
                  )}
                </td>
                <td>
                  {s.restoreBusinessNo ?? '—'}
                  {s.restoreReason ? `（${s.restoreReason}）` : ''}
                </td>
                <td>
                  {s.restoreDueAt ? localDateTime(new Date(s.restoreDueAt)).slice(0, 16) : '—'}
                  {s.restoreOverdue ? ' 已超时' : ''}
                </td>
                <td>{s.lastRecheck ? `${s.lastRecheck.checkedOn} ${s.lastRecheck.result}` : '—'}</td>
                <td>
                  {s.stage === '已停气' && (
                    <>
                      <button type="button" name={`recheckOk-${s.accountNo}`} onClick={() => void recheck(s.stopId, '仍封表')}>
                        仍封表
                      </button>
                      <button type="button" name={`recheckBad-${s.accountNo}`} onClick={() => void recheck(s.stopId, '私自接气')}>
                        私自接气
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {notices?.map((n) => (
        <ArrearsNoticeSheet key={n.accountNo} title="气费催缴通知单" notice={n}>
          您已欠费 {n.months} 个月，合计 ￥{formatYuan(n.totalFen)}（滞纳金计至 {n.noticeDate}）。请于通知之日起 {settings?.noticeDays ?? 3} 日内到营业厅缴清，逾期将停止供气。
          {session?.hallName} · 通知日期 {n.noticeDate}
        </ArrearsNoticeSheet>
      ))}
    </main>
  );
}
