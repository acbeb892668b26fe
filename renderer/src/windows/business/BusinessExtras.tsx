import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';
import { t } from '../../i18n/zh-CN';

/** Fields some businesses add: 校表 deposit (R-TEST-02), 私自点火 (R-PRIV-03), 换波纹管 (R-HOSE-01/03), IC → ordinary (R-ICM-01). */
export function BusinessExtras() {
  const state = useBusinessAcceptance();
  const { error, extras, customer, type } = state;
  if (!customer) return null;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      {type === '校表' && (
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
      )}
      {type === '启封' && (
        <>
          <div className="hint">启封须户主身份证，他人代办须带身份证复印件，并填写启封申请表 (R-UNSEAL-01/04)</div>
          <label className="inline">
            <input type="checkbox" name="ownershipChanged" checked={extras.ownershipChanged} onChange={(e) => state.setExtras({ ownershipChanged: e.target.checked })} />
            房屋产权已变更（须先过户）
          </label>
          <FieldError message={fieldError('ownershipChanged')} id="ownershipChanged-error" />
        </>
      )}
      {type === '点火' && (
        <>
          <label className="inline">
            <input
              type="checkbox"
              name="privateIgnition"
              checked={extras.privateIgnition}
              onChange={(e) => state.setExtras({ privateIgnition: e.target.checked })}
            />
            私自点火：收取已用气费；无合同先虚增点火记录 (R-PRIV-02/03)
          </label>
          {extras.privateIgnition && (
            <label>
              抄表员发现时的读数
              <input name="privateReading" value={extras.privateReading} onChange={(e) => state.setExtras({ privateReading: e.target.value })} />
            </label>
          )}
          {extras.privateIgnition && (
            <label className="inline">
              <input type="checkbox" name="privateContract" checked={extras.privateContract} onChange={(e) => state.setExtras({ privateContract: e.target.checked })} />
              已有供气合同，立即补录点火资料 (R-PRIV-02)
            </label>
          )}
          {extras.privateIgnition && extras.privateContract && (
            <>
              <label className="inline">
                <input type="checkbox" name="privateFlame" checked={extras.privateFlame} onChange={(e) => state.setExtras({ privateFlame: e.target.checked })} />
                灶具有熄火保护装置
              </label>
              <label>
                灶具品牌
                <input name="privateCooker" value={extras.privateCooker} onChange={(e) => state.setExtras({ privateCooker: e.target.value })} />
              </label>
            </>
          )}
          <FieldError message={fieldError('privateReading')} id="privateReading-error" />
        </>
      )}
      {type === '其它' && (
        <>
          <label>
            换波纹管长度（米，不换可空）
            <input name="hoseLength" value={extras.hoseLength} onChange={(e) => state.setExtras({ hoseLength: e.target.value })} />
          </label>
          <FieldError message={fieldError('hoseLength')} id="hoseLength-error" />
          <div className="hint">不锈钢波纹管只用于固定灶具；灶具须有熄火保护，热水器须为强排式且未超8年；软管不得与抽屉摩擦 (R-HOSE-03)</div>
        </>
      )}
      {type === '换表' && customer.account.customerType === 'IC卡' && (
        <>
          <label className="inline">
            <input type="checkbox" name="icToOrdinary" checked={extras.icToOrdinary} onChange={(e) => state.setExtras({ icToOrdinary: e.target.checked })} />
            IC卡表故障换普通表
          </label>
          <FieldError message={fieldError('icToOrdinary')} id="icToOrdinary-error" />
          {extras.icToOrdinary && (
            <label className="inline">
              <input
                type="checkbox"
                name="icTermsAcknowledged"
                checked={extras.icTermsAcknowledged}
                onChange={(e) => state.setExtras({ icTermsAcknowledged: e.target.checked })}
              />
              已告知：表价差200元不退，以后不能再换回IC卡表 (R-ICM-01)
            </label>
          )}
          <FieldError message={fieldError('icTermsAcknowledged')} id="icTermsAcknowledged-error" />
        </>
      )}
    </>
  );
}
