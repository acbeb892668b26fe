/**
 * Issue 12 #1 (设备设置 · 核对单打印机): a receipt printer installed with a Windows driver, chosen by name from
 * the printers the desktop app finds; it fills the printer address as `spooler:<name>?width=58|80`. In the
 * browser harness there is no spooler: it says so instead of offering any. The driver path has no live status
 * and no cash drawer, and the panel says that too.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';

type Installed = Output<'devices.installedPrinters'>;

const SPOOLER = /^spooler:(.*?)(?:\?width=(?:58|80))?$/s;

export function spoolerAddress(name: string, paperMm: 58 | 80): string {
  return `spooler:${name}?width=${paperMm}`;
}

export function WindowsPrinterPicker({ address, paperMm, onAddress }: { address: string; paperMm: 58 | 80; onAddress: (address: string) => void }) {
  const [installed, setInstalled] = useState<Installed | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const chosen = SPOOLER.exec(address.trim())?.[1]?.trim() ?? null;
  const [name, setName] = useState<string>('');

  useEffect(() => {
    void call('devices.installedPrinters', {}).then((res) => {
      if (!res.ok) return setFailed(res.error.message);
      setInstalled(res.value);
      setName((n) => n || (chosen ?? res.value.printers[0]?.name ?? ''));
    });
  }, []);
  // the paper width is part of a spooler address: keep it the one chosen beside it
  useEffect(() => {
    if (chosen && address.trim() !== spoolerAddress(chosen, paperMm)) onAddress(spoolerAddress(chosen, paperMm));
  }, [paperMm, chosen]);

  if (failed) return <div className="hint">Windows 打印机（驱动）：{failed}</div>;
  if (!installed) return null;
  if (!installed.available) return <div className="hint">Windows 打印机（驱动）只能在桌面程序中选择；浏览器方式运行时请使用网络、串口或 USB 打印机。</div>;
  return (
    <div className="row" data-windows-printers={installed.printers.length}>
      <label>
        Windows 打印机（驱动）
        <select name="windowsPrinter" value={name} onChange={(e) => setName(e.target.value)} disabled={installed.printers.length === 0}>
          {installed.printers.length === 0 && <option value="">（本机没有安装打印机）</option>}
          {installed.printers.map((p) => (
            <option key={p.name} value={p.name}>
              {p.displayName === p.name ? p.name : `${p.displayName}（${p.name}）`}
            </option>
          ))}
        </select>
      </label>
      <button type="button" name="useWindowsPrinter" disabled={name === ''} onClick={() => onAddress(spoolerAddress(name, paperMm))}>
        使用此打印机
      </button>
      <span className="hint">经 Windows 驱动打印：无实时状态（缺纸、开盖无法检测），不能开钱箱；需要这些请用网口或串口直连。</span>
    </div>
  );
}
