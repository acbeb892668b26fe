/**
 * Meter status (表状态) transitions, DOMAIN §3.2. Anything not listed is refused.
 */
import { DomainError } from '../../preload/kernel/errors.js';

export type MeterStatus = '未用' | '报装' | '装表' | '通气' | '封表' | '拆表';

export type MeterEvent =
  | 'manual_apply' // 未用 → 报装, before 统一装表数据保存 (R-MTR-03)
  | 'install_saved' // 报装 → 装表: install form or 统一装表数据保存
  | 'ignition_saved' // 装表 → 通气 (R-RCPT-09)
  | 'seal_saved' // 通气 → 封表
  | 'remove_saved' // 通气 → 拆表
  | 'unseal_saved' // 封表 → 通气 (R-RCPT-11)
  | 'refit_accepted'; // 拆表 → 报装: a temporary removal re-fitted within 6 months (R-SEC-06)

const TRANSITIONS: Readonly<Record<MeterEvent, { from: MeterStatus; to: MeterStatus; label: string }>> = {
  manual_apply: { from: '未用', to: '报装', label: '改为报装' },
  install_saved: { from: '报装', to: '装表', label: '装表' },
  ignition_saved: { from: '装表', to: '通气', label: '点火通气' },
  seal_saved: { from: '通气', to: '封表', label: '封表' },
  remove_saved: { from: '通气', to: '拆表', label: '拆表' },
  unseal_saved: { from: '封表', to: '通气', label: '启封' },
  refit_accepted: { from: '拆表', to: '报装', label: '复装' },
};

export function nextMeterStatus(current: MeterStatus, event: MeterEvent): MeterStatus {
  const t = TRANSITIONS[event];
  if (t.from !== current) {
    throw new DomainError('VALIDATION', `表状态为「${current}」，不能${t.label}（须为「${t.from}」）`, 'meterStatus');
  }
  return t.to;
}
