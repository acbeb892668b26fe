/**
 * 缴费方式变更 (P-PMC): arrears first (R-PMC-03); 温州银行 withholding is set up and cancelled only at the
 * bank (R-PMC-01); bank → cash clears the bank fields (R-PMC-04); cash → bank or a change of bank needs
 * the bank, card number and holder (R-PMC-05/06, R-VAL-04..06); IC-card customers only recharge (R-VAL-01).
 */
import { DomainError } from '../../preload/kernel/errors.js';

export const COUNTER_BANKS = ['建行', '工行', '鹿城农村合作银行', '农行', '华夏', '广发'] as const;
export const BANK_ONLY_BANKS = ['温州银行'] as const;

export interface PaymentMethodChange {
  customerType: 'IC卡' | '抄表';
  fromMethod: string;
  fromBank: string | null;
  toMethod: '现金' | '银行代缴' | '银行托收';
  bankName: string;
  bankCardNo: string;
  cardHolder: string;
}

export interface BankFields {
  bankName: string | null;
  bankCardNo: string | null;
  cardHolder: string | null;
}

export function planPaymentMethodChange(change: PaymentMethodChange): BankFields {
  if (change.customerType === 'IC卡') {
    throw new DomainError('VALIDATION', 'IC卡用户的缴费方式只能是"充值"，不能变更 (R-VAL-01)', 'toMethod');
  }
  const bankOnly = (b: string | null) => b !== null && (BANK_ONLY_BANKS as readonly string[]).includes(b);
  if (bankOnly(change.fromBank) || bankOnly(change.bankName)) {
    throw new DomainError('VALIDATION', '温州银行代扣只能在温州银行柜台办理或撤销 (R-PMC-01)', 'bankName');
  }
  if (change.toMethod === '现金') {
    if (change.fromMethod === '现金') throw new DomainError('VALIDATION', '缴费方式已是现金，无需变更', 'toMethod');
    return { bankName: null, bankCardNo: null, cardHolder: null }; // R-PMC-04
  }
  if (!(COUNTER_BANKS as readonly string[]).includes(change.bankName)) {
    throw new DomainError('VALIDATION', `营业厅不受理该银行的代扣: "${change.bankName}" (R-PMC-01)`, 'bankName');
  }
  if (!/^\d{12,19}$/.test(change.bankCardNo.trim())) {
    throw new DomainError('VALIDATION', '银行卡号应为12-19位数字，请向用户复述确认 (R-PMC-05)', 'bankCardNo');
  }
  if (change.cardHolder.trim() === '') throw new DomainError('VALIDATION', '请填写持卡人 (R-VAL-05)', 'cardHolder');
  return { bankName: change.bankName, bankCardNo: change.bankCardNo.trim(), cardHolder: change.cardHolder.trim() };
}
