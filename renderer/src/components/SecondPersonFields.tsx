/**
 * A second person signs in at this counter (two-person rules: 冲正, 滞纳金减免 above the limit, 日收银报表
 * review): their 工号 and 密码, checked by main, never kept.
 */
export function SecondPersonFields(props: {
  role: string;
  names: [login: string, password: string];
  login: string;
  password: string;
  onChange: (patch: { login?: string; password?: string }) => void;
  hint?: string;
}) {
  const [loginName, passwordName] = props.names;
  return (
    <>
      <label>
        {props.role}工号{props.hint ?? ''}
        <input name={loginName} value={props.login} onChange={(e) => props.onChange({ login: e.target.value })} />
      </label>
      <label>
        {props.role}密码
        <input name={passwordName} type="password" value={props.password} onChange={(e) => props.onChange({ password: e.target.value })} />
      </label>
    </>
  );
}
