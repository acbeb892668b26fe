/**
 * Issue 12 #2 (设备设置, administrator or technician): the receipt printer's address and paper width, saved in
 * the store and used from the next slip on; a test page; the printer's state now. Errors at their field.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';
import { WindowsPrinterPicker } from './WindowsPrinterPicker';

type PrinterInfo = Output<'devices.printer'>;
const STATE_TEXT: Record<PrinterInfo['state'], string> = { real: '已连接', simulated: '模拟打印机', 'not-configured': '未设置', error: '故障' };

/** The fields this panel shows an answer's error at; any other goes under the buttons. */
export const DEVICE_SETTINGS_ERROR_FIELDS = ['address', 'paperMm'] as const;

export function DeviceSettings() {
  const role = useSession((s) => s.session?.role);
  const allowed = role === 'admin' || role === 'technician';
  const [info, setInfo] = useState<PrinterInfo | null>(null);
  const [address, setAddress] = useState('');
  const [paperMm, setPaperMm] = useState<58 | 80>(80);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = async () => {
    const res = await call('devices.printer', {});
    if (!res.ok) return setError(res.error);
    setInfo(res.value);
    setAddress((a) => a || (res.value.address ?? ''));
    setPaperMm(res.value.paperMm);
  };
  useEffect(() => {
    if (allowed) void load();
  }, [allowed]);
  if (!allowed) return null;

  const save = async () => {
    setError(null);
    setDone(null);
    const res = await call('devices.setPrinter', { address, paperMm });
    if (!res.ok) return setError(res.error);
    setAddress(res.value.address);
    setDone(`已保存，下一张核对单起使用 ${res.value.address}（${res.value.paperMm}mm）`);
    await load();
  };
  const test = async () => {
    setError(null);
    setDone(null);
    const res = await call('devices.testPrinter', {});
    if (!res.ok) return setError(res.error);
    if (res.value.printed) setDone(res.value.warning ? `测试页已打印；${res.value.warning}` : '测试页已打印');
    else setError({ message: res.value.message ?? '测试页未打印' });
    await load();
  };
  const fe = (field: string) => (error?.field === field ? error.message : null);
  const general = error && !(DEVICE_SETTINGS_ERROR_FIELDS as readonly string[]).includes(error.field ?? '') ? error.message : null;

  return (
    <section className="panel">
      <h2>设备设置 · 核对单打印机</h2>
      <div className="row">
        <label>
          打印机地址
          <input
            name="printerAddress"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
            size={32}
            placeholder="tcp://192.168.1.50:9100"
            aria-describedby="printer-address-error"
          />
        </label>
        <label>
          纸宽
          <select name="printerPaper" value={paperMm} onChange={(e) => setPaperMm(e.target.value === '58' ? 58 : 80)}>
            <option value={80}>80mm（48字符）</option>
            <option value={58}>58mm（32字符）</option>
          </select>
        </label>
        <button type="button" name="savePrinter" onClick={() => void save()}>
          保存
        </button>
        <button type="button" name="testPrinter" onClick={() => void test()}>
          打印测试页
        </button>
      </div>
      <WindowsPrinterPicker address={address} paperMm={paperMm} onAddress={setAddress} />
      <FieldError message={fe('address')} id="printer-address-error" />
      <FieldError message={fe('paperMm')} id="printer-paper-error" />
      <FieldError message={general} id="printer-error" />
      {info && (
        <div role="status" data-printer-state={info.state}>
          状态：{info.state === 'real' && info.address?.startsWith('spooler:') ? '已设置' : STATE_TEXT[info.state]}（{info.name}{info.stored ? '' : '，启动时的选择'}）{info.reason ? `：${info.reason}` : ''}
        </div>
      )}
      {done && <div role="status">{done}</div>}
    </section>
  );
}
