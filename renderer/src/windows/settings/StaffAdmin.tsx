/**
 * Issue 12 #3: 员工管理 (系统管理员): add a member with a first password (changed at their first log-in), set the
 * role and 派工权限, disable, reset a password (a temporary one, changed at the next log-in). main refuses
 * disabling oneself and leaving the store without an active administrator; a change signs the member out.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { STAFF_ROLE_NAMES, STAFF_ROLES, type StaffRole } from '../../../../preload/kernel/enums';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type StaffList = Output<'staff.list'>;

function RoleSelect({ name, value, onChange }: { name: string; value: StaffRole; onChange: (r: StaffRole) => void }) {
  return (
    <select name={name} value={value} onChange={(e) => onChange(e.target.value as StaffRole)}>
      {STAFF_ROLES.map((r) => (
        <option key={r} value={r}>
          {STAFF_ROLE_NAMES[r]}
        </option>
      ))}
    </select>
  );
}

export function StaffAdmin() {
  const role = useSession((s) => s.session?.role);
  const logout = useSession((s) => s.logout);
  const [list, setList] = useState<StaffList>({ staff: [], halls: [] });
  const [draft, setDraft] = useState({ login: '', name: '', role: 'clerk' as StaffRole, hallCode: '', password: '', canDispatch: false });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<{ staffId: string; password: string } | null>(null);
  const load = () => {
    void call('staff.list', {}).then((r) => {
      if (!r.ok) return setError({ field: '', message: r.error.message });
      setList(r.value);
      setDraft((d) => (d.hallCode ? d : { ...d, hallCode: r.value.halls[0]?.code ?? '' }));
    });
  };
  useEffect(() => {
    if (role === 'admin') load();
  }, [role]);
  if (role !== 'admin') return null;
  const answer = (res: { ok: true; value: { login: string } } | { ok: false; error: { message: string; field?: string } }, said: (login: string) => string) => {
    if (!res.ok) return setError({ field: res.error.field ?? '', message: res.error.message });
    setError(null);
    setDone(said(res.value.login));
    // a change to one's own account (e.g. stepping down as administrator) ends one's session: back to the log-in
    void call('auth.session', {}).then((r) => (r.ok && r.value === null ? void logout() : load()));
  };
  const add = async () => {
    setDone(null);
    const res = await call('staff.add', draft);
    answer(res, (l) => `已添加员工 ${l}，首次登录须修改初始密码`);
    if (res.ok) setDraft((d) => ({ ...d, login: '', name: '', password: '', canDispatch: false }));
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <section className="panel staff-admin" aria-label="员工管理">
      <h2>员工管理（系统管理员）</h2>
      <FieldError message={error && (error.field === 'staffId' || error.field === 'role' || error.field === '' || (resetFor && error.field === 'password')) ? error.message : null} id="staff-admin-error" />
      {done && <div role="status">{done}</div>}
      <table>
        <thead>
          <tr>
            <th>工号</th>
            <th>姓名</th>
            <th>营业厅</th>
            <th>岗位</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {list.staff.map((p) => (
            <tr key={p.id} data-login={p.login}>
              <td>{p.login}</td>
              <td>{p.name}</td>
              <td>{p.hallName}</td>
              <td>
                <RoleSelect
                  name={`role-${p.login}`}
                  value={p.role}
                  onChange={(r) => void call('staff.setRole', { staffId: p.id, role: r }).then((res) => answer(res, (l) => `已将 ${l} 的岗位改为${STAFF_ROLE_NAMES[r]}`))}
                />
                {p.canDispatch ? ' · 可派工' : ''}
              </td>
              <td>
                {p.active ? '在用' : '已停用'}
                {p.active && p.mustChangePassword ? '（待改密码）' : ''}
              </td>
              <td>
                {p.active && (
                  <button type="button" name={`disable-${p.login}`} onClick={() => void call('staff.disable', { staffId: p.id }).then((res) => answer(res, (l) => `已停用 ${l}`))}>
                    停用
                  </button>
                )}
                {resetFor?.staffId === p.id ? (
                  <>
                    <input
                      name={`resetPassword-${p.login}`}
                      type="password"
                      placeholder="临时密码"
                      value={resetFor.password}
                      autoFocus
                      onChange={(e) => setResetFor({ staffId: p.id, password: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          void call('staff.resetPassword', resetFor).then((res) => {
                            answer(res, (l) => `已重置 ${l} 的密码，下次登录须修改`);
                            if (res.ok) setResetFor(null);
                          });
                        }
                        if (e.key === 'Escape') setResetFor(null);
                      }}
                    />
                  </>
                ) : (
                  <button type="button" name={`reset-${p.login}`} onClick={() => setResetFor({ staffId: p.id, password: '' })}>
                    重置密码
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>添加员工</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          工号
          <input name="newStaffLogin" value={draft.login} onChange={(e) => setDraft({ ...draft, login: e.target.value })} aria-invalid={Boolean(fieldError('login'))} />
          <FieldError message={fieldError('login')} id="new-staff-login-error" />
        </label>
        <label>
          姓名
          <input name="newStaffName" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} aria-invalid={Boolean(fieldError('name'))} />
          <FieldError message={fieldError('name')} id="new-staff-name-error" />
        </label>
        <label>
          岗位
          <RoleSelect name="newStaffRole" value={draft.role} onChange={(r) => setDraft({ ...draft, role: r })} />
        </label>
        <label>
          营业厅
          <select name="newStaffHall" value={draft.hallCode} onChange={(e) => setDraft({ ...draft, hallCode: e.target.value })}>
            {list.halls.map((h) => (
              <option key={h.id} value={h.code}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          初始密码
          <input name="newStaffPassword" type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} aria-invalid={Boolean(!resetFor && fieldError('password'))} />
          <FieldError message={!resetFor ? fieldError('password') : null} id="new-staff-password-error" />
        </label>
        <label>
          <input type="checkbox" name="newStaffDispatch" checked={draft.canDispatch} onChange={(e) => setDraft({ ...draft, canDispatch: e.target.checked })} />
          派工权限
        </label>
        <button type="submit" name="addStaff">
          添加
        </button>
      </form>
    </section>
  );
}
