/** DOMAIN §5 test cases (today = 2024-05-10), rules R-VAL-01..10. */
import { describe, expect, it } from 'vitest';
import { registrationWarnings, validateRegistration, type RegistrationForm } from '../../main/domain/registration.js';

const TODAY = '2024-05-10';
const base: RegistrationForm = {
  customerType: '抄表',
  paymentMethod: '现金',
  name: '张三',
  bankCardNo: '',
  bankName: '',
  cardHolder: '',
  smsNumber: '',
  smsCompany: '',
  applicationNature: '散户',
  applicationDate: TODAY,
  invoiceDate: TODAY,
};
const bank = { bankCardNo: '6222020000000001', bankName: '农行', cardHolder: '张三' };
const rules = (patch: Partial<RegistrationForm>) => validateRegistration({ ...base, ...patch }, TODAY).map((f) => f.rule);
const fields = (patch: Partial<RegistrationForm>) => validateRegistration({ ...base, ...patch }, TODAY).map((f) => f.field);

describe('registration validation (DOMAIN §5 cases)', () => {
  it('1: IC卡 + 现金 rejected on 缴费方式 (R-VAL-01)', () => {
    expect(rules({ customerType: 'IC卡', paymentMethod: '现金' })).toEqual(['R-VAL-01']);
    expect(fields({ customerType: 'IC卡', paymentMethod: '现金' })).toEqual(['paymentMethod']);
  });
  it('2: 抄表 + 充值 rejected (R-VAL-01)', () => {
    expect(rules({ paymentMethod: '充值' })).toEqual(['R-VAL-01']);
  });
  it('3: "张 三" rejected, "张三" and "用户" accepted, empty rejected (R-VAL-02, A-23)', () => {
    expect(rules({ name: '张 三' })).toEqual(['R-VAL-02']);
    expect(rules({ name: '张\u3000三' })).toEqual(['R-VAL-02']);
    expect(rules({ name: '张三' })).toEqual([]);
    expect(rules({ name: '用户' })).toEqual([]);
    expect(rules({ name: '' })).toEqual(['R-VAL-02']);
  });
  it('4: bank name only, cash → R-VAL-04 and R-VAL-06', () => {
    expect(rules({ bankName: '农行' })).toEqual(['R-VAL-04', 'R-VAL-06']);
  });
  it('5: 抄表 + 银行代缴 with all bank fields accepted', () => {
    expect(rules({ paymentMethod: '银行代缴', ...bank })).toEqual([]);
  });
  it('6: 抄表 + 银行托收 without 持卡人 → R-VAL-04 and R-VAL-05 on 持卡人', () => {
    expect(rules({ paymentMethod: '银行托收', ...bank, cardHolder: '' })).toEqual(['R-VAL-04', 'R-VAL-05']);
    expect(fields({ paymentMethod: '银行托收', ...bank, cardHolder: '' })).toEqual(['cardHolder', 'cardHolder']);
  });
  it('7: 抄表 + 现金 with bank fields → R-VAL-06', () => {
    expect(rules({ ...bank })).toEqual(['R-VAL-06']);
  });
  it('8: SMS number without company → R-VAL-07', () => {
    expect(rules({ smsNumber: '13800000000' })).toEqual(['R-VAL-07']);
  });
  it('9: 集体 with today as invoice date → R-VAL-08 (R-REG-12)', () => {
    expect(rules({ applicationNature: '集体', invoiceDate: TODAY })).toEqual(['R-VAL-08']);
  });
  it('10: 集体, invoice lost, 2002-01-01 accepted', () => {
    expect(rules({ applicationNature: '集体', invoiceDate: '2002-01-01', applicationDate: TODAY })).toEqual([]);
  });
  it('11: invoice date after application date → R-VAL-09', () => {
    expect(rules({ invoiceDate: '2024-05-11', applicationDate: TODAY })).toEqual(['R-VAL-09']);
  });
  it('12: IC卡 + 充值 without bank fields accepted (A-26)', () => {
    expect(rules({ customerType: 'IC卡', paymentMethod: '充值' })).toEqual([]);
  });
  it('refuses impossible dates', () => {
    expect(rules({ invoiceDate: '2024-02-30' })).toEqual(['R-VAL-09']);
  });
  it('warns when a 散户 date is not today (R-VAL-10, R-REG-13)', () => {
    expect(registrationWarnings({ ...base, invoiceDate: '2024-05-09' }, TODAY)).toHaveLength(1);
    expect(registrationWarnings(base, TODAY)).toEqual([]);
  });
});
