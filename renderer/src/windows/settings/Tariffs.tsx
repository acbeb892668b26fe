/**
 * 气价设置: the price table by customer category and effective date, with optional tier bands by
 * annual volume (none by default). Only a hall manager or administrator can add a version.
 */
import { useEffect, useState } from 'react';
import { COUNTER_ROLES, type Output } from '../../../../preload/contract';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';
import { DeviceSettings } from './DeviceSettings';
import { DevicePortSettings } from './DevicePortSettings';
import { BackupMirrorSettings } from './BackupMirrorSettings';
import { PhotoArchiveSettings } from './PhotoArchiveSettings';
import { SyncSettings } from './SyncSettings';
import { LegacyImport } from './LegacyImport';
import { SignInLocks } from './SignInLocks';
import { StaffAdmin } from './StaffAdmin';

/** Who reads the price table (tariffs.list) and who imports legacy data (imports.*): the panels follow the contract's access. */
const readsTariffs = (role: string | undefined) => role !== undefined && (COUNTER_ROLES as readonly string[]).includes(role);
const importsData = (role: string | undefined) => role === 'manager' || role === 'admin';

export function Tariffs() {
  const role = useSession((s) => s.session?.role);
  const tariffs = readsTariffs(role);
  const [rows, setRows] = useState<Output<'tariffs.list'>>([]);
  const [category, setCategory] = useState<'普通用户' | '公建用户'>('普通用户');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [price, setPrice] = useState('');
  const [tiers, setTiers] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const load = () => void call('tariffs.list', {}).then((r) => (r.ok ? setRows(r.value) : setError({ field: 'price', message: r.error.message })));
  useEffect(() => {
    if (tariffs) load();
  }, [tariffs]);
  const save = async () => {
    setError(null);
    setSaved(null);
    // tiers typed as "0:3.00, 350:3.60" (annual m³ from : yuan per m³)
    const parsed = tiers
      .split(/[,，\s]+/)
      .filter((t) => t !== '')
      .map((t) => {
        const [fromM3 = '', p = ''] = t.split(/[:：]/);
        return { fromM3, price: p };
      });
    const res = await call('tariffs.set', { category, effectiveFrom, price, tiers: parsed });
    if (!res.ok) setError({ field: res.error.field ?? 'price', message: res.error.message });
    else {
      setSaved(`已保存 ${category} 自 ${effectiveFrom} 起的气价`);
      load();
    }
  };
  return (
    <main className="settings">
      {tariffs && (
        <>
          <section className="panel">
            <h2>气价表</h2>
            <table>
              <thead>
                <tr>
                  <th>用户类别</th>
                  <th>生效日期</th>
                  <th>单价(元/方)</th>
                  <th>阶梯（年用气量起点：单价）</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.category + r.effectiveFrom}>
                    <td>{r.category}</td>
                    <td>{r.effectiveFrom}</td>
                    <td className="num">{formatYuan(r.priceFenPerM3)}</td>
                    <td>{r.tiers.length === 0 ? '不分档' : r.tiers.map((t) => `${formatVolume(t.fromCenti)}方起 ${formatYuan(t.priceFenPerM3)}`).join('；')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel">
            <h2>新增气价（营业厅主任）</h2>
            <div className="row">
              <label>
                用户类别
                <select name="tariffCategory" value={category} onChange={(e) => setCategory(e.target.value as '普通用户' | '公建用户')}>
                  <option>普通用户</option>
                  <option>公建用户</option>
                </select>
              </label>
              <label>
                生效日期
                <input name="effectiveFrom" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} placeholder="YYYY-MM-DD" />
              </label>
              <label>
                单价(元/方)
                <input name="tariffPrice" value={price} onChange={(e) => setPrice(e.target.value)} />
              </label>
              <label>
                阶梯（可空，如 0:3.00, 350:3.60）
                <input name="tariffTiers" value={tiers} onChange={(e) => setTiers(e.target.value)} size={30} />
              </label>
              <button type="button" name="saveTariff" onClick={() => void save()}>
                保存
              </button>
            </div>
            <FieldError message={error?.message ?? null} id="tariff-error" />
            {saved && <div role="status">{saved}</div>}
          </section>
        </>
      )}
      <SignInLocks />
      <StaffAdmin />
      {importsData(role) && <LegacyImport />}
      <BackupMirrorSettings />
      <PhotoArchiveSettings />
      <SyncSettings />
      <DeviceSettings />
      <DevicePortSettings device="card" />
      <DevicePortSettings device="handheld" />
    </main>
  );
}
