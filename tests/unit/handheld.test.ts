/** R-HH-04 (issue 10 #8): a download with impossible or future dates or an account twice is refused. Pure. */
import { describe, expect, it } from 'vitest';
import { downloadProblems } from '../../main/domain/handheld.js';

const today = '2026-11-23';
const rec = (accountNo: string, readAt: string) => ({ accountNo, readAt });

describe('downloadProblems', () => {
  it('accepts real dates up to today', () => {
    expect(downloadProblems([rec('41000001', '2026-11-23 23:59'), rec('41000002', '2024-02-29 00:00')], today)).toEqual([]);
  });
  it('names the account of an impossible date or time', () => {
    expect(downloadProblems([rec('41000002', '2026-02-30 09:00')], today)).toEqual(['用户 41000002 的抄表日期 2026-02-30 09:00 不是有效日期']);
    expect(downloadProblems([rec('41000003', '2025-02-29 09:00')], today)).toEqual(['用户 41000003 的抄表日期 2025-02-29 09:00 不是有效日期']);
    expect(downloadProblems([rec('41000004', '2026-11-01 24:00')], today)).toEqual(['用户 41000004 的抄表日期 2026-11-01 24:00 不是有效日期']);
    expect(downloadProblems([rec('41000005', '2026-13-01 08:00')], today)).toEqual(['用户 41000005 的抄表日期 2026-13-01 08:00 不是有效日期']);
  });
  it('names the account of a future date', () => {
    expect(downloadProblems([rec('41000004', '2099-01-01 08:00')], today)).toEqual(['用户 41000004 的抄表日期 2099-01-01 晚于今天 2026-11-23']);
    expect(downloadProblems([rec('41000004', '2026-11-24 00:00')], today)).toEqual(['用户 41000004 的抄表日期 2026-11-24 晚于今天 2026-11-23']);
  });
  it('names an account read twice in one download', () => {
    const at = '2026-11-22 09:30';
    expect(downloadProblems([rec('41000001', at), rec('41000002', at), rec('41000001', at)], today)).toEqual(['用户 41000001 在本次导入中重复出现 2 次']);
  });
});
