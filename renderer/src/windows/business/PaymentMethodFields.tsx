import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';
const COUNTER_BANK_NAMES = ['建行', '工行', '鹿城农村合作银行', '农行', '华夏', '广发'];

/** 缴费方式变更 (P-PMC): new method and bank (R-PMC-01..06). */
export function PaymentMethodFields() {
  const state = useBusinessAcceptance();
  const { error, extras } = state;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
        <>
          <div className="hint">须先缴清欠费 (R-PMC-03)；温州银行代扣只能在温州银行柜台办理 (R-PMC-01)</div>
          <label>
            新缴费方式
            <select name="toMethod" value={extras.toMethod} onChange={(e) => state.setExtras({ toMethod: e.target.value as '现金' | '银行代缴' | '银行托收' })}>
              <option value="银行代缴">银行代缴</option>
              <option value="银行托收">银行托收</option>
              <option value="现金">现金</option>
            </select>
          </label>
          <FieldError message={fieldError('toMethod')} id="toMethod-error" />
          {extras.toMethod !== '现金' && (
            <>
              <label>
                银行名称
                <select name="bankName" value={extras.bankName} onChange={(e) => state.setExtras({ bankName: e.target.value })}>
                  {COUNTER_BANK_NAMES.map((b) => (
                    <option key={b} value={b}>
                      {b}
                    </option>
                  ))}
                </select>
              </label>
              <FieldError message={fieldError('bankName')} id="bankName-error" />
              <label>
                银行卡号（请向用户复述确认）
                <input name="bankCardNo" value={extras.bankCardNo} onChange={(e) => state.setExtras({ bankCardNo: e.target.value })} />
              </label>
              <FieldError message={fieldError('bankCardNo')} id="bankCardNo-error" />
              <label>
                持卡人
                <input name="cardHolder" value={extras.cardHolder} onChange={(e) => state.setExtras({ cardHolder: e.target.value })} />
              </label>
              <FieldError message={fieldError('cardHolder')} id="cardHolder-error" />
            </>
          )}
        </>
  );
}
