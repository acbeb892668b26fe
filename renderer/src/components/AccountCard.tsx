/** The picked customer as the clerk confirms it with them before collecting (R-GEN-03, R-SEC-24): name, number, address, meter. */
import type { Output } from '../../../preload/contract';
import { formatVolume } from '../../../preload/kernel/volume';
import { t } from '../i18n/zh-CN';

export function AccountCard({ account }: { account: Output<'bills.unpaid'>['account'] }) {
  return (
    <div className="account-card" aria-label="用户信息">
      <div>
        <b>{account.name}</b> <span className="muted">{account.accountNo}</span>
      </div>
      <div className="address">{account.address}</div>
      <div className="muted">
        {account.customerType} · {account.paymentMethod} · 表状态 {account.meterStatus ?? '—'} · 最新读数{' '}
        {account.latestReading === null ? '—' : formatVolume(account.latestReading)} · 已结算至 {formatVolume(account.settledReading)} 方
        {account.prepaid > 0 ? ` · 预存气量 ${formatVolume(account.prepaid)} 方` : ''}
      </div>
      <div className="hint">{t.unpaid.confirmHint}</div>
    </div>
  );
}
