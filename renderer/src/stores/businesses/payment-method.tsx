/** 缴费方式变更 (P-PMC): the new method and bank (R-PMC-01, R-PMC-03..06). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { accountAction, type PanelProps } from './types';

export interface PaymentMethodValues {
  toMethod: '现金' | '银行代缴' | '银行托收';
  bankName: string;
  bankCardNo: string;
  cardHolder: string;
}
export const paymentMethodDefaults: PaymentMethodValues = { toMethod: '银行代缴', bankName: '农行', bankCardNo: '', cardHolder: '' };

const COUNTER_BANK_NAMES = ['建行', '工行', '鹿城农村合作银行', '农行', '华夏', '广发'];

/** 缴费方式变更 (P-PMC): new method and bank (R-PMC-01, R-PMC-03..06). */
function PaymentMethodFields({ values: extras, set, fieldError }: PanelProps<PaymentMethodValues>) {
  return (
        <>
          <div className="hint">须先缴清欠费 (R-PMC-03)；温州银行代扣只能在温州银行柜台办理 (R-PMC-01)</div>
          <label>
            新缴费方式
            <select name="toMethod" value={extras.toMethod} onChange={(e) => set({ toMethod: e.target.value as '现金' | '银行代缴' | '银行托收' })}>
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
                <select name="bankName" value={extras.bankName} onChange={(e) => set({ bankName: e.target.value })}>
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
                <input name="bankCardNo" value={extras.bankCardNo} onChange={(e) => set({ bankCardNo: e.target.value })} />
              </label>
              <FieldError message={fieldError('bankCardNo')} id="bankCardNo-error" />
              <label>
                持卡人
                <input name="cardHolder" value={extras.cardHolder} onChange={(e) => set({ cardHolder: e.target.value })} />
              </label>
              <FieldError message={fieldError('cardHolder')} id="cardHolder-error" />
            </>
          )}
        </>
  );
}

export const paymentMethod = accountAction<PaymentMethodValues>({
  kind: 'account',
  asksPhone: false,
  form: { defaults: paymentMethodDefaults, Panel: PaymentMethodFields },
  errorFields: (_customer, values) => ['toMethod', ...(values.toMethod !== '现金' ? ['bankName', 'bankCardNo', 'cardHolder'] : [])],
  async submit(ctx, extras) {
    const { customer } = ctx;
    const changed = await call('accounts.changePaymentMethod', {
      accountId: customer.account.id,
      toMethod: extras.toMethod,
      bankName: extras.toMethod === '现金' ? '' : extras.bankName,
      bankCardNo: extras.toMethod === '现金' ? '' : extras.bankCardNo,
      cardHolder: extras.toMethod === '现金' ? '' : extras.cardHolder,
    });
    if (!changed.ok) return ctx.fail(changed.error, { accountId: 'type' });
    await ctx.get().load(customer.account.id);
    const done = changed.value;
    ctx.set({
      done: `缴费方式已变更为 ${done.paymentMethod}${done.bankName ? `（${done.bankName} ${done.bankCardNo ?? ''}）` : ''}`,
      values: ctx.clearedValues(),
      busy: false,
    });
    return true;
  },
});
