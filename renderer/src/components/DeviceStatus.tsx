/**
 * Issue 12 #2: every device's state in the status bar of the counter windows — 打印机, 读卡器, 抄表机, each one of
 * 真实设备 / 模拟器 / 未连接 / 故障, the reason on hover. Read every 5 seconds and when the window gets the focus.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';
import { useSession } from '../stores/session';

type States = Output<'devices.states'>;
type Kind = States['printer']['kind'];

export const DEVICE_KIND_TEXT: Record<Kind, string> = { real: '真实设备', simulated: '模拟器', disconnected: '未连接', error: '故障' };
const DEVICES = [
  ['printer', '打印机'],
  ['card', '读卡器'],
  ['handheld', '抄表机'],
] as const;
const POLL_MS = 5000;

export function DeviceStatus() {
  const locked = useSession((s) => s.locked);
  const [states, setStates] = useState<States | null>(null);
  useEffect(() => {
    if (locked) return;
    let stopped = false;
    const read = () =>
      void call('devices.states', {}).then((res) => {
        if (!stopped && res.ok) setStates(res.value);
      });
    read();
    const timer = setInterval(read, POLL_MS);
    window.addEventListener('focus', read);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', read);
    };
  }, [locked]);
  if (!states) return null;
  return (
    <span className="device-status" aria-label="设备状态">
      {DEVICES.map(([key, name]) => {
        const state = states[key];
        return (
          <span key={key} className={`device device-${state.kind}`} data-device={key} data-kind={state.kind} title={state.detail}>
            {name}：{DEVICE_KIND_TEXT[state.kind]}
          </span>
        );
      })}
    </span>
  );
}
