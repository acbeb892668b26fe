/**
 * 未缴报装费住户 封进户管/立管 (P-PIPE): not a customer (R-ACC-01), only a log entry with the survey
 * contact date (R-PIPE-03, A-09). Persuade first (R-PIPE-02); report by OA and phone.
 */
import { useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';

export function PipeSealLog() {
  const [values, setValues] = useState({ address: '', householder: '', phone: '', request: '封进户管' });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState<Output<'premises.logPipeSeal'> | null>(null);
  const field = (name: keyof typeof values, label: string) => (
    <>
      <label>
        {label}
        <input
          name={`pipe-${name}`}
          value={values[name]}
          onChange={(e) => {
            setValues({ ...values, [name]: e.target.value });
            setError(null);
          }}
        />
      </label>
    </>
  );
  const submit = async () => {
    setSaved(null);
    const res = await call('premises.logPipeSeal', values);
    if (res.ok) {
      setSaved(res.value);
      setValues({ address: '', householder: '', phone: '', request: '封进户管' });
    } else setError({ field: res.error.field ?? 'pipe', message: res.error.message });
  };
  return (
    <details className="panel">
      <summary>未缴报装费住户封管登记</summary>
      <p className="hint">先向用户宣传管道燃气的好处；用户坚持时登记，5个工作日内联系现场勘察，并发OA、电话通知班组 (R-PIPE-02/03)</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {field('address', '完整地址')}
        {field('householder', '户主')}
        {field('phone', '联系电话')}
        {field('request', '用户要求')}
        <FieldError message={error?.message} id="pipe-error" />
        <button type="submit">登记</button>
        {saved && (
          <div className="paid" role="status">
            已登记，须于 {saved.contactBy} 前联系用户
          </div>
        )}
      </form>
    </details>
  );
}
