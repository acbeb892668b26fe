/**
 * 卡务 (IC card) window, keyboard-first: F2 读卡, F4 实收, Enter 执行收费并写卡, F6 恢复 the first write in
 * doubt. A blank card gets 制作新卡 / 补卡 for the customer picked in the search on the left.
 */
import { useEffect, useRef } from 'react';
import { SearchPanel } from '../../components/SearchPanel';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FieldError } from '../../components/FieldError';
import { formatYuan } from '../../../../preload/kernel/money';
import { formatVolume } from '../../../../preload/kernel/volume';
import { useIcCards } from '../../stores/ic-cards';
import { IssuePanel } from './IssuePanel';
import { CensusPanel } from './CensusPanel';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';
import { t } from '../../i18n/zh-CN';

export function IcCards() {
  const s = useIcCards();
  const search = useRef<HTMLInputElement>(null);
  const tendered = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void useIcCards.getState().loadPending();
    const onKey = (e: KeyboardEvent) => {
      const state = useIcCards.getState();
      if (e.key === 'F2') {
        e.preventDefault();
        void state.read();
      } else if (e.key === 'F4') {
        e.preventDefault();
        tendered.current?.focus();
      } else if (e.key === 'F6' && state.pending[0]) {
        e.preventDefault();
        void state.recover(state.pending[0].id, 'retry');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const fieldError = (...f: string[]) => (s.error && f.includes(s.error.field) ? s.error.message : null);
  const card = s.view?.card;
  const price = s.view?.priceFenPerM3 ?? null;
  return (
    <main className="ic-cards">
      <section className="column left">
        <SearchPanel inputRef={search} onPick={async (hit) => s.pickAccount(hit.id, `${hit.name} ${hit.accountNo}`)} />
      </section>
      <section className="column middle">
        <ErrorNotice error={s.error} id="cards-general-error" />
        <div className="panel">
          <h2>IC卡信息</h2>
          <button type="button" name="readCard" onClick={() => void s.read()} disabled={s.busy}>
            读卡 (F2)
          </button>
          <FieldError message={fieldError('card')} id="card-error" />
          {card && (
            <dl className="card-info" data-testid="card-info">
              <dt>卡号</dt>
              <dd>{card.cardNo}</dd>
              <dt>用户</dt>
              <dd>{s.view?.account ? `${s.view.account.name} ${s.view.account.accountNo} ${s.view.account.address}` : '（系统中无此卡用户）'}</dd>
              <dt>购气次数</dt>
              <dd>
                {card.counter}（系统 {s.view?.systemCounter}）
              </dd>
              <dt>卡上剩余</dt>
              <dd data-testid="card-credit">{formatVolume(card.credit)} 方</dd>
              <dt>累计购气</dt>
              <dd>{formatVolume(card.total)} 方</dd>
              {s.view?.registered && !s.view.registered.active && (
                <>
                  <dt>状态</dt>
                  <dd className="error">此卡已补卡作废</dd>
                </>
              )}
            </dl>
          )}
        </div>
        <div className="panel">
          <h2>购气充值</h2>
          <div className="row">
            <label>
              <input type="radio" name="by" checked={s.by === 'volume'} onChange={() => s.set({ by: 'volume' })} /> 按立方数
            </label>
            <label>
              <input type="radio" name="by" checked={s.by === 'amount'} onChange={() => s.set({ by: 'amount' })} /> 按金额
            </label>
          </div>
          <label>
            {s.by === 'volume' ? '购气量（方）' : '购气金额（元）'}
            <input name="rechargeValue" inputMode="decimal" value={s.value} onChange={(e) => s.set({ value: e.target.value })} />
          </label>
          <FieldError message={fieldError('value')} id="value-error" />
          {price !== null && <div className="muted">单价 {formatYuan(price)} 元/方</div>}
          <label>
            实收金额（F4）
            <input
              ref={tendered}
              name="rechargeTendered"
              inputMode="decimal"
              value={s.tendered}
              onChange={(e) => s.set({ tendered: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void s.recharge();
                }
              }}
            />
          </label>
          <FieldError message={fieldError('tendered')} id="recharge-tendered-error" />
          <ConfirmCheck
            shown={s.error?.field === 'tendered' && s.error.code === 'NEEDS_CONFIRMATION'}
            checked={s.confirmTender}
            onChange={s.setConfirmTender}
            label={t.pay.confirmTender}
            name="confirmRechargeTender"
          />
          <button type="button" name="recharge" className="primary" disabled={s.busy || !s.accountId} onClick={() => void s.recharge()}>
            执行收费并写卡 (Enter)
          </button>
          {s.written && (
            <div role="status" className="paid">
              <div className="big">写卡成功 {s.written.slipNo}</div>
              <div>
                购气 {formatVolume(s.written.volume)} 方，金额 ￥{formatYuan(s.written.totalFen)}，卡上剩余 {formatVolume(s.written.credit)} 方
              </div>
              <div className="call-out">
                收你 {formatYuan(s.written.tenderedFen)} 元，找你 {formatYuan(s.written.changeFen)} 元，请清点。
              </div>
            </div>
          )}
        </div>
      </section>
      <section className="column right">
        {s.pending.length > 0 && (
          <div className="panel pending-writes" role="alert">
            <h2>未确认的写卡</h2>
            <p>请将同一张卡插入读卡器后处理。确认前不要收取或退还现金。</p>
            {s.pending.map((p) => (
              <div key={p.id} className="row">
                卡 {p.cardNo} {p.kind === 'reversal' ? '冲正' : '购气'} {formatVolume(p.volume)} 方 ￥{formatYuan(p.amountFen)}
                <button type="button" name="recoverRetry" disabled={s.busy} onClick={() => void s.recover(p.id, 'retry')}>
                  恢复 (F6)
                </button>
                <button type="button" name="recoverAbandon" disabled={s.busy} onClick={() => void s.recover(p.id, 'abandon')}>
                  放弃
                </button>
              </div>
            ))}
            <FieldError message={fieldError('pending')} id="pending-error" />
          </div>
        )}
        {s.message && <div role="status">{s.message}</div>}
        {s.flagged.length > 0 && (
          <div className="panel flagged-writes" data-testid="flagged-writes">
            <h2>日结后补记的写卡（请主任核查）</h2>
            <p className="hint">写卡在日结前开始、日结后才确认：卡上已有气量，收费已补记到原营业日 (R-IC-07)。</p>
            {s.flagged.map((f) => (
              <div key={f.writeId} className="row">
                {f.businessDate} 核对单 {f.slipNo} · {f.name} {f.accountNo} · 卡 {f.cardNo} {f.kind === 'reversal' ? '冲正' : '购气'} {formatVolume(f.volume)} 方 ￥{formatYuan(f.totalFen)} · {f.clerkName}
              </div>
            ))}
          </div>
        )}
        <IssuePanel />
        <CensusPanel />
      </section>
    </main>
  );
}
