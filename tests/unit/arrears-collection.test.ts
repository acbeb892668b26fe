/** Pure rules of issue 15 #1/#2: R-SEC-01 months and thresholds, R-SEC-05 notice period, R-SEC-06 6-month limit. */
import { describe, expect, it } from 'vitest';
import { arrearsMonths, checkStopRequest, DEFAULT_ARREARS_SETTINGS, onArrearsList, stopStage } from '../../main/domain/arrears-collection.js';
import { addMonths, temporaryRemovalExpired } from '../../main/domain/account-closure.js';

const ON = { ...DEFAULT_ARREARS_SETTINGS, enabled: true };

describe('R-SEC-01 arrears months', () => {
  it('counts overdue bills only, a bimonthly bill as 2; 以上 includes the threshold', () => {
    const bills = [{ dueDate: '2026-10-01' }, { dueDate: '2026-11-23' }];
    expect(arrearsMonths(bills, '每月', '2026-11-23')).toBe(1);
    expect(arrearsMonths(bills, '双月', '2026-11-23')).toBe(2);
    expect(onArrearsList('普通用户', 2, ON)).toBe(true);
    expect(onArrearsList('普通用户', 1, ON)).toBe(false);
    expect(onArrearsList('公建用户', 1, ON)).toBe(true);
  });
});

describe('R-SEC-04/05 stop request', () => {
  const facts = { noticeDate: '2026-11-23', months: 2, threshold: 2, today: '2026-11-26', openStop: false };
  it('is off by default (A-46), needs a notice and the notice period', () => {
    expect(() => checkStopRequest(facts, DEFAULT_ARREARS_SETTINGS)).toThrow(/未启用/);
    expect(() => checkStopRequest({ ...facts, noticeDate: null }, ON)).toThrow(/书面催缴/);
    expect(() => checkStopRequest({ ...facts, today: '2026-11-25' }, ON)).toThrow(/2026-11-26 起/);
    expect(() => checkStopRequest({ ...facts, months: 1 }, ON)).toThrow(/未达到/);
    expect(() => checkStopRequest(facts, ON)).not.toThrow();
  });
  it('derives the stage from the seal and restore businesses', () => {
    expect(stopStage({ state: '已派工' }, null)).toBe('待封表');
    expect(stopStage({ state: '已归档' }, null)).toBe('已停气');
    expect(stopStage({ state: '已归档' }, { state: '已受理' })).toBe('待复气');
    expect(stopStage({ state: '已归档' }, { state: '已归档' })).toBe('已复气');
    expect(stopStage({ state: '已取消' }, null)).toBe('已撤销');
    // a 启封 withdrawn by a 冲正 (R-SEC-02) is none: the stop stands
    expect(stopStage({ state: '已归档' }, { state: '已取消' })).toBe('已停气');
    expect(stopStage({ state: '已归档' }, { state: '已作废' })).toBe('已停气');
  });
});

describe('R-SEC-06 temporary removal', () => {
  it('expires after 6 calendar months (month ends clamp)', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(temporaryRemovalExpired('2026-08-31', '2027-02-28')).toBe(false);
    expect(temporaryRemovalExpired('2026-08-31', '2027-03-01')).toBe(true);
  });
});
