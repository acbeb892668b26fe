/** R-LT-01 promised dates, §3.2 meter states, R-RCPT-03/04 receipts, R-CANC-01..04/07, §8.6 states, R-VAL-11 fees. */
import { describe, expect, it } from 'vitest';
import { checkAcceptance } from '../../main/domain/acceptance.js';
import { planPaymentMethodChange } from '../../main/domain/payment-method.js';
import { errorBasisPoints, meterTestCharge, testCorrectionFen } from '../../main/domain/meter-test.js';
import { checkConnectionFee } from '../../main/domain/connection-fee.js';
import { nextMeterStatus } from '../../main/domain/meter-status.js';
import { allowedResults, isOverdue, LEAD_TIME_WORKING_DAYS, stateAfterReceipt } from '../../main/domain/work-order.js';
import { isWorkingDay, promisedDate } from '../../main/domain/working-days.js';
import { fen, type Fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';

describe('promised date (R-LT-01, A-21)', () => {
  it('counts working days from the next day', () => {
    expect(promisedDate('2024-05-06', 3)).toBe('2024-05-09'); // Monday + 3 → Thursday
    expect(promisedDate('2024-05-10', 5)).toBe('2024-05-17'); // Friday + 5 → next Friday
    expect(promisedDate('2024-05-11', 1)).toBe('2024-05-13'); // accepted on Saturday → Monday
  });
  it('skips holidays and counts make-up working days', () => {
    const calendar = { holidays: new Set(['2024-05-01', '2024-05-02', '2024-05-03']), makeUpWorkdays: new Set(['2024-05-11']) };
    expect(promisedDate('2024-04-30', 3, calendar)).toBe('2024-05-08');
    expect(isWorkingDay('2024-05-11', calendar)).toBe(true);
    expect(promisedDate('2024-05-10', 1, calendar)).toBe('2024-05-11');
  });
  it('uses the seed lead times', () => {
    expect([LEAD_TIME_WORKING_DAYS.安装, LEAD_TIME_WORKING_DAYS.点火, LEAD_TIME_WORKING_DAYS.封表, LEAD_TIME_WORKING_DAYS.校表]).toEqual([5, 3, 3, 5]);
  });
  it('promises each business its own lead time (R-UNI-06, R-IGN-03, R-IGN2-02, R-SEAL-03, R-UNSEAL-05, R-TEST-06, R-HOSE-02)', () => {
    expect(LEAD_TIME_WORKING_DAYS).toMatchObject({ 点火: 3, 改装: 5, 二次点火: 3, 封表: 3, 启封: 3, 校表: 5, 其它: 5 });
    // accepted on Monday 2024-05-06: 3 working days → Thursday, 5 → Monday 2024-05-13
    expect(promisedDate('2024-05-06', LEAD_TIME_WORKING_DAYS.启封)).toBe('2024-05-09');
    expect(promisedDate('2024-05-06', LEAD_TIME_WORKING_DAYS.其它)).toBe('2024-05-13');
  });
});

describe('meter status transitions (§3.2)', () => {
  it('follows 未用 → 报装 → 装表 → 通气 ⇄ 封表', () => {
    expect(nextMeterStatus('未用', 'manual_apply')).toBe('报装');
    expect(nextMeterStatus('报装', 'install_saved')).toBe('装表');
    expect(nextMeterStatus('装表', 'ignition_saved')).toBe('通气');
    expect(nextMeterStatus('通气', 'seal_saved')).toBe('封表');
    expect(nextMeterStatus('封表', 'unseal_saved')).toBe('通气');
    expect(nextMeterStatus('通气', 'remove_saved')).toBe('拆表');
  });
  it('refuses an illegal transition (R-MTR-01: ignition only from 装表)', () => {
    expect(() => nextMeterStatus('报装', 'ignition_saved')).toThrow('表状态为「报装」，不能点火通气（须为「装表」）');
    expect(() => nextMeterStatus('拆表', 'unseal_saved')).toThrow('须为「封表」');
  });
});

describe('receipts (R-RCPT-03/04) and states (§8.6)', () => {
  it('allows only the results of each type', () => {
    expect(allowedResults('安装')).toEqual(['合格', '未完成', '不合格', '取消该业务']);
    expect(allowedResults('点火')).toEqual(['合格', '未完成', '无法实施', '不合格', '取消该业务']);
    expect(() => stateAfterReceipt('换表', '已派工', { result: '无法实施', businessValid: true, siteRemark: 'x' })).toThrow('R-RCPT-03');
  });
  it('requires a site remark unless completed', () => {
    expect(() => stateAfterReceipt('点火', '已派工', { result: '未完成', businessValid: true, siteRemark: ' ' })).toThrow('R-RCPT-04');
    expect(stateAfterReceipt('点火', '已派工', { result: '合格', businessValid: true, siteRemark: '' })).toBe('已完成');
  });
  it('moves to redispatch, cancel or done', () => {
    const remark = '该业务原施工人员休息,无法实施业务需重新派工';
    expect(stateAfterReceipt('点火', '已派工', { result: '无法实施', businessValid: true, siteRemark: remark })).toBe('待重新派工');
    expect(stateAfterReceipt('安装', '已派工', { result: '取消该业务', businessValid: true, siteRemark: '该用户需进行进户管改装' })).toBe('已取消');
    expect(stateAfterReceipt('点火', '已派工', { result: '合格', businessValid: false, siteRemark: '用户出差,等用户电话' })).toBe('已取消');
    expect(() => stateAfterReceipt('点火', '已受理', { result: '合格', businessValid: true, siteRemark: '' })).toThrow('已派工');
  });
  it('cancels with the seed remarks: promise expired and unreachable, cooker without flame-failure device (R-CANC-02, R-CANC-04)', () => {
    expect(stateAfterReceipt('安装', '已派工', { result: '取消该业务', businessValid: true, siteRemark: '无法联系到该用户,且该业务已到期' })).toBe('已取消');
    expect(() => stateAfterReceipt('安装', '已派工', { result: '取消该业务', businessValid: true, siteRemark: '' })).toThrow('R-RCPT-04');
    const remark = '该户灶具无熄火保护装置,用户需更换。等用户电话';
    expect(stateAfterReceipt('点火', '已派工', { result: '合格', businessValid: false, siteRemark: remark })).toBe('已取消');
    expect(() => stateAfterReceipt('点火', '已派工', { result: '合格', businessValid: false, siteRemark: '' })).toThrow('R-RCPT-04');
  });
  it('keeps the job of an unreachable customer open and not overdue until the promise expires (R-CANC-07)', () => {
    expect(isOverdue('已派工', '2024-05-09', null, '2024-05-08')).toBe(false);
  });
  it('is overdue only after the promised or agreed date (A-41)', () => {
    expect(isOverdue('已派工', '2024-05-09', null, '2024-05-10')).toBe(true);
    expect(isOverdue('已派工', '2024-05-09', null, '2024-05-09')).toBe(false);
    expect(isOverdue('顺延', '2024-05-09', '2024-05-20', '2024-05-10')).toBe(false);
    expect(isOverdue('已完成', '2024-05-09', null, '2024-06-01')).toBe(false);
  });
});

describe('connection fee (R-REG-06, R-VAL-11, R-SEQ-06)', () => {
  it('matches the building type', () => {
    expect(() => checkConnectionFee('多层', fen(240_000))).not.toThrow();
    expect(() => checkConnectionFee('高层', fen(285_000))).not.toThrow();
    expect(() => checkConnectionFee('别墅', fen(400_000))).not.toThrow();
    expect(() => checkConnectionFee('高层', fen(240_000))).toThrow('高层的报装费应为 2850.00 元，填写的是 2400.00 元 (R-VAL-11)');
  });
});

describe('acceptance preconditions (§4)', () => {
  const facts = {
    type: '封表' as const,
    meterStatus: '通气' as const,
    unpaid: [] as { readingDate: string; amountFen: Fen }[],
    openSameType: null,
    recentModification: false,
    noGasForThreeMonths: false,
    visitPendingAfter: null,
    transferPendingForUnseal: false,
  };
  it('blocks seal and unseal while arrears exist, naming the bill (R-SEAL-02, R-UNSEAL-02, R-GEN-10)', () => {
    const unpaid = [
      { readingDate: '2026-10-20', amountFen: fen(12000) },
      { readingDate: '2026-11-20', amountFen: fen(3450) },
    ];
    expect(() => checkAcceptance({ ...facts, unpaid })).toThrow(
      '你还有欠费未缴,须先缴清欠费方可给予受理封表业务 (R-SEAL-02)：未缴 2 笔共 154.50 元，最早为 2026-10-20 抄表 120.00 元',
    );
    expect(() => checkAcceptance({ ...facts, type: '启封', meterStatus: '封表', unpaid })).toThrow('R-UNSEAL-02');
    expect(() => checkAcceptance(facts)).not.toThrow();
  });
  it('requires the meter status of each business (R-MTR-01, R-MTR-02, R-IGN-01, R-SEAL-01)', () => {
    expect(() => checkAcceptance({ ...facts, type: '点火', meterStatus: '报装' })).toThrow('R-MTR-01, R-IGN-01');
    expect(() => checkAcceptance({ ...facts, type: '封表', meterStatus: '封表' })).toThrow('R-SEAL-01');
    expect(() => checkAcceptance({ ...facts, type: '点火', meterStatus: '装表' })).not.toThrow();
    expect(() => checkAcceptance({ ...facts, type: '启封', meterStatus: '通气' })).toThrow('「封表」');
  });
  it('allows a second ignition only after a recent modification or 3 months without gas (R-IGN2-01)', () => {
    expect(() => checkAcceptance({ ...facts, type: '二次点火' })).toThrow('R-IGN2-01');
    expect(() => checkAcceptance({ ...facts, type: '二次点火', recentModification: true })).not.toThrow();
    expect(() => checkAcceptance({ ...facts, type: '二次点火', noGasForThreeMonths: true })).not.toThrow();
  });
  it('wants the follow-up visit after a 15C modification before the ignition (R-CANC-05)', () => {
    expect(() => checkAcceptance({ ...facts, type: '点火', meterStatus: '装表', visitPendingAfter: 'LC01-B00000002' })).toThrow('R-CANC-05');
    expect(() => checkAcceptance({ ...facts, type: '封表', visitPendingAfter: 'LC01-B00000002' })).not.toThrow();
  });
  it('wants the transfer before an unseal when the ownership changed (R-UNSEAL-03)', () => {
    expect(() => checkAcceptance({ ...facts, type: '启封', meterStatus: '封表', transferPendingForUnseal: true })).toThrow('R-UNSEAL-03');
    expect(() => checkAcceptance({ ...facts, type: '启封', meterStatus: '封表' })).not.toThrow();
  });
  it('refuses a duplicate open business', () => {
    expect(() => checkAcceptance({ ...facts, openSameType: 'LC01-B00000003' })).toThrow('已有未完成的封表业务 LC01-B00000003');
  });
});

describe('缴费方式变更 (P-PMC)', () => {
  const change = {
    customerType: '抄表' as const, fromMethod: '现金', fromBank: null, toMethod: '银行代缴' as const,
    bankName: '农行', bankCardNo: '6228480000000000001', cardHolder: '张三',
  };
  it('sets the bank for cash → bank and clears it for bank → cash (R-PMC-04/05)', () => {
    expect(planPaymentMethodChange(change)).toEqual({ bankName: '农行', bankCardNo: '6228480000000000001', cardHolder: '张三' });
    expect(planPaymentMethodChange({ ...change, fromMethod: '银行代缴', fromBank: '农行', toMethod: '现金' })).toEqual({
      bankName: null, bankCardNo: null, cardHolder: null,
    });
  });
  it('changes the bank with its card number and holder (R-PMC-06)', () => {
    const bankChange = { ...change, fromMethod: '银行代缴', fromBank: '农行', toMethod: '银行代缴' as const, bankName: '工行', bankCardNo: '6222020000000000002' };
    expect(planPaymentMethodChange(bankChange)).toEqual({ bankName: '工行', bankCardNo: '6222020000000000002', cardHolder: '张三' });
    expect(() => planPaymentMethodChange({ ...bankChange, bankCardNo: '' })).toThrow();
  });
  it('refuses 温州银行 at the counter (R-PMC-01), bad card numbers and IC-card customers', () => {
    expect(() => planPaymentMethodChange({ ...change, bankName: '温州银行' })).toThrow('R-PMC-01');
    expect(() => planPaymentMethodChange({ ...change, fromMethod: '银行代缴', fromBank: '温州银行', toMethod: '现金' })).toThrow('R-PMC-01');
    expect(() => planPaymentMethodChange({ ...change, bankCardNo: '1234' })).toThrow('R-PMC-05');
    expect(() => planPaymentMethodChange({ ...change, cardHolder: ' ' })).toThrow('R-VAL-05');
    expect(() => planPaymentMethodChange({ ...change, customerType: 'IC卡' })).toThrow('R-VAL-01');
  });
});

describe('meter test settlement (R-TEST-03/04, A-19)', () => {
  it('charges the refit fee only when the meter passes', () => {
    expect(meterTestCharge('合格', fen(1500))).toBe(3500);
    expect(meterTestCharge('偏快', fen(1500))).toBe(0);
  });
  it('corrects a reading by consumption × error × price, half up, credit when fast', () => {
    expect(errorBasisPoints('4.5')).toBe(450);
    expect(errorBasisPoints('3')).toBe(300);
    expect(Number.isNaN(errorBasisPoints('4.555'))).toBe(true);
    // 34.78 m³ × 3.45 × 4.5% = 5.399595 → 5.40
    expect(testCorrectionFen(centiM3(3478), 345, 450, '偏快')).toBe(540);
    expect(testCorrectionFen(centiM3(3478), 345, 450, '偏慢')).toBe(-540);
    // 10 m³ × 3.45 × 3% = 1.035 → 1.04 (half up)
    expect(testCorrectionFen(centiM3(1000), 345, 300, '偏快')).toBe(104);
  });
});
