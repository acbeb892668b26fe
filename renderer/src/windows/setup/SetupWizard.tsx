/**
 * Issue 12 #3: 初始设置 — what an empty store shows instead of the log-in: 公司与营业厅 → 柜台 → 管理员 → 员工 →
 * 确认, then 导入旧数据 (the new administrator signed in: templates, sample file, check, import, or skip) → log-in.
 * Keyboard first: each step is a form (Enter = 下一步, Alt+← = 上一步), the first field of a step has the
 * focus, rows are added with Alt+N; errors stand at their field.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { STAFF_ROLE_NAMES, STAFF_ROLES, type StaffRole } from '../../../../preload/kernel/enums';
import { FieldError } from '../../components/FieldError';
import { IMPORT_STEP, SETUP_STEPS, useSetup, type StaffDraft } from '../../stores/setup';
import { LegacyImport } from '../settings/LegacyImport';
import { useWindowKeys } from '../../components/useWindowKeys';

const errorId = (field: string) => `setup-error-${field.replace(/\./g, '-') || 'general'}`;

function Field({ label, field, children }: { label: string; field: string; children: (invalid: boolean, describedBy: string) => ReactNode }) {
  const message = useSetup((s) => s.errors[field]);
  return (
    <div className="setup-field">
      <label>
        {label}
        {children(Boolean(message), errorId(field))}
      </label>
      <FieldError message={message} id={errorId(field)} />
    </div>
  );
}

function Text(props: { label: string; field: string; name: string; value: string; onChange: (v: string) => void; type?: string; autoFocus?: boolean; autoComplete?: string }) {
  return (
    <Field label={props.label} field={props.field}>
      {(invalid, describedBy) => (
        <input
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          autoFocus={props.autoFocus}
          autoComplete={props.autoComplete ?? 'off'}
        />
      )}
    </Field>
  );
}

function CompanyStep() {
  const { companyName, hallCode, hallName, patch } = useSetup();
  return (
    <>
      <Text label="公司名称" field="company.name" name="companyName" value={companyName} onChange={(v) => patch({ companyName: v })} autoFocus />
      <div className="row">
        <Text label="营业厅编号（字母或数字，如 LC）" field="halls.0.code" name="hallCode" value={hallCode} onChange={(v) => patch({ hallCode: v })} />
        <Text label="营业厅名称" field="halls.0.name" name="hallName" value={hallName} onChange={(v) => patch({ hallName: v })} />
      </div>
    </>
  );
}

function CountersStep() {
  const { counters, hallCode, patch } = useSetup();
  const general = useSetup((s) => s.errors.counters);
  const set = (i: number, values: Partial<(typeof counters)[number]>) => patch({ counters: counters.map((c, j) => (j === i ? { ...c, ...values } : c)) });
  return (
    <>
      <p className="muted">营业厅 {hallCode.toUpperCase()} 的柜台（窗口）；柜台编号如 {hallCode.toUpperCase() || 'LC'}01。</p>
      {counters.map((c, i) => (
        <div className="row" key={i}>
          <Text label={`柜台${i + 1} 编号`} field={`counters.${i}.code`} name={`counterCode${i}`} value={c.code} onChange={(v) => set(i, { code: v })} autoFocus={i === counters.length - 1} />
          <Text label="名称" field={`counters.${i}.name`} name={`counterName${i}`} value={c.name} onChange={(v) => set(i, { name: v })} />
          {counters.length > 1 && (
            <button type="button" onClick={() => patch({ counters: counters.filter((_, j) => j !== i) })}>
              删除
            </button>
          )}
        </div>
      ))}
      <FieldError message={general} id={errorId('counters')} />
      <button type="button" name="addCounter" onClick={() => patch({ counters: [...counters, { code: '', name: `${counters.length + 1}号窗口` }] })}>
        添加柜台 (Alt+N)
      </button>
    </>
  );
}

function AdminStep() {
  const { admin, patch } = useSetup();
  const set = (values: Partial<typeof admin>) => patch({ admin: { ...admin, ...values } });
  return (
    <>
      <p className="muted">第一位系统管理员：设置您自己的密码（至少8位，含字母和数字）。之后在“员工管理”中维护员工。</p>
      <div className="row">
        <Text label="工号" field="admin.login" name="adminLogin" value={admin.login} onChange={(v) => set({ login: v })} autoFocus />
        <Text label="姓名" field="admin.name" name="adminName" value={admin.name} onChange={(v) => set({ name: v })} />
      </div>
      <div className="row">
        <Text label="密码" field="admin.password" name="adminPassword" type="password" value={admin.password} onChange={(v) => set({ password: v })} autoComplete="new-password" />
        <Text label="再次输入密码" field="admin.confirm" name="adminConfirm" type="password" value={admin.confirm} onChange={(v) => set({ confirm: v })} autoComplete="new-password" />
      </div>
    </>
  );
}

const STAFF_STEP = 3;
const NEW_STAFF: StaffDraft = { login: '', name: '', role: 'clerk', password: '', canDispatch: false };

function StaffStep() {
  const { staff, patch } = useSetup();
  const set = (i: number, values: Partial<StaffDraft>) => patch({ staff: staff.map((p, j) => (j === i ? { ...p, ...values } : p)) });
  return (
    <>
      <p className="muted">可选：其他员工及岗位。他们首次登录时须修改这里给出的初始密码。也可以稍后在“员工管理”中添加。</p>
      {staff.length === 0 && <p>暂无员工。</p>}
      {staff.map((p, i) => (
        <div className="row staff-row" key={i}>
          <Text label="工号" field={`staff.${i}.login`} name={`staffLogin${i}`} value={p.login} onChange={(v) => set(i, { login: v })} autoFocus={i === staff.length - 1} />
          <Text label="姓名" field={`staff.${i}.name`} name={`staffName${i}`} value={p.name} onChange={(v) => set(i, { name: v })} />
          <Field label="岗位" field={`staff.${i}.role`}>
            {(invalid, describedBy) => (
              <select name={`staffRole${i}`} value={p.role} onChange={(e) => set(i, { role: e.target.value as StaffRole })} aria-invalid={invalid} aria-describedby={describedBy}>
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {STAFF_ROLE_NAMES[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Text label="初始密码" field={`staff.${i}.password`} name={`staffPassword${i}`} type="password" value={p.password} onChange={(v) => set(i, { password: v })} autoComplete="new-password" />
          <label>
            <input type="checkbox" name={`staffDispatch${i}`} checked={p.canDispatch} onChange={(e) => set(i, { canDispatch: e.target.checked })} />
            派工权限
          </label>
          <button type="button" onClick={() => patch({ staff: staff.filter((_, j) => j !== i) })}>
            删除
          </button>
        </div>
      ))}
      <button type="button" name="addStaff" onClick={() => patch({ staff: [...staff, { ...NEW_STAFF }] })}>
        添加员工 (Alt+N)
      </button>
    </>
  );
}

function Summary() {
  const s = useSetup();
  const general = s.errors[''];
  return (
    <>
      <dl className="card-info">
        <dt>公司</dt>
        <dd>{s.companyName}</dd>
        <dt>营业厅</dt>
        <dd>
          {s.hallCode.toUpperCase()} {s.hallName}
        </dd>
        <dt>柜台</dt>
        <dd>{s.counters.map((c) => `${c.code.toUpperCase()} ${c.name}`).join('，')}</dd>
        <dt>系统管理员</dt>
        <dd>
          {s.admin.login}（{s.admin.name}）
        </dd>
        <dt>员工</dt>
        <dd>{s.staff.length === 0 ? '无' : s.staff.map((p) => `${p.login}（${p.name}，${STAFF_ROLE_NAMES[p.role]}）`).join('，')}</dd>
      </dl>
      <p className="muted">完成设置后，管理员 {s.admin.login} 即在柜台 {s.counters[0]?.code.toUpperCase()} 登录，下一步可导入旧系统数据（也可跳过）。</p>
      <FieldError message={general} id={errorId('')} />
    </>
  );
}

const STEP_VIEWS = [CompanyStep, CountersStep, AdminStep, StaffStep, Summary] as const;
/** The steps as the wizard lists them: the store's steps, then the import once the setup is saved. */
const LISTED_STEPS = [...SETUP_STEPS, IMPORT_STEP] as const;

function StepList({ current }: { current: number }) {
  return (
    <ol className="setup-steps" aria-label="步骤">
      {LISTED_STEPS.map((name, i) => (
        <li key={name} aria-current={i === current ? 'step' : undefined}>
          {i + 1}. {name}
        </li>
      ))}
    </ol>
  );
}

/**
 * The last step: the setup is saved and the new administrator is signed in at the first counter, so the
 * 旧系统数据导入 panel of 设置 works here as there (administrator's role); 跳过/完成 signs out and opens the log-in.
 */
function ImportStep() {
  const { done, adminSession, toLogin } = useSetup();
  const doneRef = useRef<HTMLButtonElement>(null);
  const [imported, setImported] = useState(false);
  useEffect(() => {
    // no import possible: Enter goes straight to the log-in
    if (!adminSession?.signedIn) doneRef.current?.focus();
  }, [adminSession]);
  if (!done) return null;
  return (
    <div className="login setup-wizard setup-import" aria-label="导入旧系统数据">
      <h1>燃气营业厅柜台 · 初始设置</h1>
      <StepList current={LISTED_STEPS.length - 1} />
      <h2>{IMPORT_STEP}</h2>
      <p role="status">
        已建立 {done.halls} 个营业厅、{done.counters} 个柜台、{done.staff} 名员工。
        {adminSession?.signedIn
          ? `管理员 ${done.adminLogin} 已在 ${adminSession.counterName} 登录，可以导入旧系统的价格、用户及表、欠费账单；也可以跳过，以后在“气价设置 → 旧系统数据导入”中导入。`
          : `请用管理员工号 ${done.adminLogin} 和您设置的密码登录。`}
      </p>
      {adminSession && !adminSession.signedIn && <p role="alert">管理员未能自动登录（{adminSession.message}），导入请在登录后到“气价设置 → 旧系统数据导入”中进行。</p>}
      {adminSession?.signedIn && <LegacyImport autoFocus onImported={() => setImported(true)} />}
      <div className="setup-buttons">
        <button type="button" className="primary" name="toLogin" ref={doneRef} onClick={() => void toLogin()}>
          {adminSession?.signedIn ? (imported ? '完成导入，去登录' : '跳过导入，去登录') : '去登录'}
        </button>
      </div>
    </div>
  );
}

export function SetupWizard() {
  const { step, next, back, finish, busy, done, patch } = useSetup();
  const noStaff = useSetup((s) => s.staff.length === 0);
  useWindowKeys((e) => {
    // the setup is saved once the import step shows: nothing to go back to
    if (useSetup.getState().done) return;
    if (e.altKey && e.key === 'ArrowLeft') {
      e.preventDefault();
      back();
    }
    if (e.altKey && (e.key === 'n' || e.key === 'N')) {
      e.preventDefault();
      const s = useSetup.getState();
      if (s.step === 1) patch({ counters: [...s.counters, { code: '', name: `${s.counters.length + 1}号窗口` }] });
      if (s.step === STAFF_STEP) patch({ staff: [...s.staff, { ...NEW_STAFF }] });
    }
  });
  const finishRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // the summary has no field: Enter on 完成设置; the staff step without a row (none yet, or the last one
    // deleted) neither: Enter on 下一步, Alt+N adds a row
    if (step === SETUP_STEPS.length - 1 || (step === STAFF_STEP && noStaff)) finishRef.current?.focus();
  }, [step, noStaff]);
  if (done) return <ImportStep />;
  const View = STEP_VIEWS[step] ?? Summary;
  const last = step === SETUP_STEPS.length - 1;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (last) void finish();
    else next();
  };
  return (
    <form className="login setup-wizard" onSubmit={submit} aria-label="初始设置" noValidate>
      <h1>燃气营业厅柜台 · 初始设置</h1>
      <StepList current={step} />
      <h2>{SETUP_STEPS[step]}</h2>
      <View key={step} />
      <div className="setup-buttons">
        {step > 0 && (
          <button type="button" onClick={back}>
            上一步 (Alt+←)
          </button>
        )}
        <button type="submit" className="primary" name={last ? 'finishSetup' : 'nextStep'} disabled={busy} ref={finishRef}>
          {last ? '完成设置 (Enter)' : '下一步 (Enter)'}
        </button>
      </div>
    </form>
  );
}
