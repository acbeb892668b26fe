import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';
import { t } from '../../i18n/zh-CN';

/** 校表: the 300-yuan deposit (R-TEST-02). */
export function DepositFields() {
  const state = useBusinessAcceptance();
  const { error, extras } = state;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <div className="hint">检测押金 300 元；表合格收拆装费 20 元及检验费，不合格免费换新表并退补最近2次气费 (R-TEST-02..04)</div>
      <label>
        实收检测押金（元）
        <input name="depositTendered" value={extras.depositTendered} onChange={(e) => state.setExtras({ depositTendered: e.target.value })} />
      </label>
      <FieldError message={fieldError('depositTendered')} id="depositTendered-error" />
      <ConfirmCheck
        shown={error?.field === 'depositTendered' && error.code === 'NEEDS_CONFIRMATION'}
        checked={state.confirmTender}
        onChange={state.setConfirmTender}
        label={t.pay.confirmTender}
        name="confirmDepositTender"
      />
    </>
  );
}
