/**
 * Registration form validation (普通用户登记 输入规范), DOMAIN §5. Runs on save and on later edits.
 * Returns every failed rule with the field to select (全选状态) and a zh-CN message; an empty list means
 * the form may be saved. Warnings (R-VAL-10) do not block.
 */
import { isValidDate } from '../../preload/kernel/dates.js';

export const LOST_INVOICE_DATE = '2002-01-01'; // R-VAL-08, R-VAL-15
export const BANK_METHODS = ['银行代缴', '银行托收'] as const;

export interface RegistrationForm {
  customerType: 'IC卡' | '抄表';
  paymentMethod: '充值' | '现金' | '银行代缴' | '银行托收';
  name: string;
  bankCardNo: string;
  bankName: string;
  cardHolder: string;
  smsNumber: string;
  smsCompany: string;
  applicationNature: '集体' | '散户';
  applicationDate: string;
  invoiceDate: string;
}

export interface RuleFailure {
  rule: string;
  field: keyof RegistrationForm;
  message: string;
}

const blank = (v: string) => v.trim() === '';

/** any Unicode whitespace, including the full-width space U+3000. */
const WHITESPACE = /[\s\u3000]/u;

/** R-VAL-02: the message when a customer name breaks the rule, or null. Also used by 过户. */
export function customerNameProblem(name: string): string | null {
  if (name === '') return '用户姓名不能为空；不知道姓名时填"用户"';
  if (WHITESPACE.test(name)) return '用户姓名中不能有空格，如"张 三"应输入"张三"';
  return null;
}

export function validateRegistration(form: RegistrationForm, today: string): RuleFailure[] {
  const out: RuleFailure[] = [];
  const fail = (rule: string, field: keyof RegistrationForm, message: string) => out.push({ rule, field, message });

  // R-VAL-01
  if (form.customerType === 'IC卡' && form.paymentMethod !== '充值') {
    fail('R-VAL-01', 'paymentMethod', 'IC卡用户的缴费方式必须是"充值"');
  }
  if (form.customerType === '抄表' && form.paymentMethod === '充值') {
    fail('R-VAL-01', 'paymentMethod', '抄表用户的缴费方式不能是"充值"');
  }
  const nameProblem = customerNameProblem(form.name);
  if (nameProblem) fail('R-VAL-02', 'name', nameProblem);
  // R-VAL-04: all three bank fields or none
  const bank = [form.bankCardNo, form.bankName, form.cardHolder];
  const filled = bank.filter((v) => !blank(v)).length;
  if (filled > 0 && filled < 3) {
    const field = blank(form.bankCardNo) ? 'bankCardNo' : blank(form.bankName) ? 'bankName' : 'cardHolder';
    fail('R-VAL-04', field, '银行卡号、银行名称、持卡人必须同时填写或同时为空');
  }
  if (form.customerType === '抄表') {
    const bankMethod = (BANK_METHODS as readonly string[]).includes(form.paymentMethod);
    // R-VAL-05
    if (bankMethod && filled < 3) {
      const field = blank(form.bankCardNo) ? 'bankCardNo' : blank(form.bankName) ? 'bankName' : 'cardHolder';
      fail('R-VAL-05', field, `缴费方式为"${form.paymentMethod}"时，银行卡号、银行名称、持卡人都必须填写`);
    }
    // R-VAL-06
    if (!bankMethod && filled > 0) {
      fail('R-VAL-06', 'bankCardNo', `缴费方式为"${form.paymentMethod}"时，银行卡号、银行名称、持卡人都必须为空`);
    }
  }
  // R-VAL-07
  if (!blank(form.smsNumber) && blank(form.smsCompany)) fail('R-VAL-07', 'smsCompany', '填写了短信号码时必须填写短信公司');
  // Dates must be real dates before the date rules can be checked.
  const datesValid = isValidDate(form.invoiceDate) && isValidDate(form.applicationDate);
  if (!isValidDate(form.invoiceDate)) fail('R-VAL-09', 'invoiceDate', '开票日期格式不正确 (YYYY-MM-DD)');
  if (!isValidDate(form.applicationDate)) fail('R-VAL-09', 'applicationDate', '报装日期格式不正确 (YYYY-MM-DD)');
  // R-VAL-08
  if (datesValid && form.applicationNature === '集体' && form.invoiceDate === today) {
    fail('R-VAL-08', 'invoiceDate', `集体户的开票日期应为发票上的日期，不能是今天；发票遗失填 ${LOST_INVOICE_DATE}`);
  }
  // R-VAL-09
  if (datesValid && form.invoiceDate > form.applicationDate) fail('R-VAL-09', 'invoiceDate', '开票日期不能晚于报装日期');
  return out;
}

/**
 * R-VAL-10 (R-REG-13): for 散户 both dates default to the processing day; a change is allowed but warned about.
 * For 集体 the invoice date is the one on the invoice (R-VAL-08, R-REG-12/13).
 */
export function registrationWarnings(form: RegistrationForm, today: string): string[] {
  if (form.applicationNature === '散户' && (form.applicationDate !== today || form.invoiceDate !== today)) {
    return ['散户的报装日期和开票日期一般为办理当天，请确认 (R-VAL-10)'];
  }
  return [];
}
