/**
 * Issue 12 #2 (设备设置, administrator or technician): how the card reader or the handheld is connected — 自动查找
 * (VID:PID + IDENTIFY), 指定端口 (the serial ports found are offered; 检测 opens one and runs IDENTIFY), 模拟器
 * (only when chosen here) or 不使用 — saved in the store and used from the next command on, without a restart.
 */
import { useEffect, useState } from 'react';
import type { Input, Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { DEVICE_KIND_TEXT } from '../../components/DeviceStatus';
import { useSession } from '../../stores/session';

type Device = Input<'devices.setPort'>['device'];
type Mode = Input<'devices.setPort'>['mode'];
type Ports = Output<'devices.ports'>;

const TITLE: Record<Device, string> = { card: '读卡器', handheld: '抄表机' };
const MODE_TEXT: Record<Mode, string> = { auto: '自动查找', port: '指定端口', simulator: '模拟器', none: '不使用' };
const MODES = ['auto', 'port', 'simulator', 'none'] as const;

export function DevicePortSettings({ device }: { device: Device }) {
  const role = useSession((s) => s.session?.role);
  const allowed = role === 'admin' || role === 'technician';
  const [info, setInfo] = useState<Ports | null>(null);
  const [mode, setMode] = useState<Mode>('auto');
  const [port, setPort] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (choose: boolean) => {
    const res = await call('devices.ports', {});
    if (!res.ok) return setError(res.error);
    setInfo(res.value);
    if (choose) {
      setMode(res.value[device].mode);
      setPort(res.value[device].port ?? '');
    }
  };
  useEffect(() => {
    if (allowed) void load(true);
  }, [allowed]);
  if (!allowed) return null;

  const run = async (what: () => Promise<void>) => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      await what();
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      const res = await call('devices.setPort', mode === 'port' ? { device, mode, port } : { device, mode });
      if (!res.ok) return setError(res.error);
      setDone(`已保存：${MODE_TEXT[res.value.mode]}${res.value.port ? ` ${res.value.port}` : ''}，立即生效`);
      await load(false);
    });
  const test = () =>
    run(async () => {
      const res = await call('devices.testPort', { device, port });
      if (!res.ok) return setError(res.error);
      setDone(`检测通过：${res.value.port} 上是${TITLE[device]}（${res.value.identity}）`);
    });

  const own = info?.[device];
  const id = (what: string) => `${device}-${what}`;
  const portError = error?.field === 'port' ? error.message : null;
  const general = error && error.field !== 'port' ? error.message : null;
  return (
    <section className="panel" aria-label={`设备设置 · ${TITLE[device]}`}>
      <h2>设备设置 · {TITLE[device]}</h2>
      <div className="row">
        <label>
          连接方式
          <select name={`${device}Mode`} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_TEXT[m]}
                {m === 'auto' && own ? `（${own.vidPid}）` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          串口
          <input
            name={`${device}Port`}
            value={port}
            list={id('ports')}
            disabled={mode !== 'port'}
            onChange={(e) => setPort(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
            size={24}
            placeholder="/dev/ttyUSB0 或 COM3"
            aria-describedby={id('port-error')}
          />
          <datalist id={id('ports')}>
            {info?.ports.map((p) => (
              <option key={p.path} value={p.path}>
                {[p.name, p.vidPid].filter(Boolean).join(' ')}
              </option>
            ))}
          </datalist>
        </label>
        <button type="button" name={`${device}TestPort`} disabled={busy || mode !== 'port' || port.trim() === ''} onClick={() => void test()}>
          检测
        </button>
        <button type="button" name={`${device}SavePort`} disabled={busy} onClick={() => void save()}>
          保存
        </button>
      </div>
      {info && info.ports.length === 0 && mode === 'port' && <div>未发现串口设备，可直接输入端口名</div>}
      <FieldError message={portError} id={id('port-error')} />
      <FieldError message={general} id={id('error')} />
      {own && (
        <div role="status" data-device-state={own.state.kind} id={id('state')}>
          状态：{DEVICE_KIND_TEXT[own.state.kind]} — {own.state.detail}
          {own.stored ? '' : '（启动时的选择）'}
        </div>
      )}
      {done && <div role="status">{done}</div>}
    </section>
  );
}
