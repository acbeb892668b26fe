/** 缴费方式变更 (P-PMC): the new method and bank (R-PMC-01..06). */
import { call } from '../../api/client';
import type { AccountAction } from './types';

export interface PaymentMethodValues {
  toMethod: '现金' | '银行代缴' | '银行托收';
  bankName: string;
  bankCardNo: string;
  cardHolder: string;
}
export const paymentMethodDefaults: PaymentMethodValues = { toMethod: '银行代缴', bankName: '农行', bankCardNo: '', cardHolder: '' };

export const paymentMethod: AccountAction = {
  kind: 'account',
  asksPhone: false,
  errorFields: (_customer, extras) => ['toMethod', ...(extras.toMethod !== '现金' ? ['bankName', 'bankCardNo', 'cardHolder'] : [])],
  async submit(ctx) {
    const { customer } = ctx;
    const { extras } = ctx.get();
    const changed = await call('accounts.changePaymentMethod', {
      accountId: customer.account.id,
      toMethod: extras.toMethod,
      bankName: extras.toMethod === '现金' ? '' : extras.bankName,
      bankCardNo: extras.toMethod === '现金' ? '' : extras.bankCardNo,
      cardHolder: extras.toMethod === '现金' ? '' : extras.cardHolder,
    });
    if (!changed.ok) return ctx.fail(changed.error, { accountId: 'type' });
    await ctx.get().load(customer.account.id);
    ctx.set({ methodChanged: changed.value, extras: ctx.emptyExtras, busy: false });
    return true;
  },
};
