import { describe, expect, it } from 'vitest';
import { formatSeqNo } from '../../preload/kernel/sequence-number.js';

describe('抄表序号 (DOMAIN §9 worked examples)', () => {
  it('R-SEQ-01/03 old multi-storey: 10 digits, unit 02 → 2', () => {
    expect(formatSeqNo('老', '多层', { book: '0123', building: '05', unit: '02', room: '301' })).toBe('0123052301');
  });
  it('R-SEQ-02 old high-rise: 11 digits, room padded to 4', () => {
    expect(formatSeqNo('老', '高层', { book: '0456', building: '12', unit: '01', room: '1203' })).toBe('04561211203');
    expect(formatSeqNo('老', '高层', { book: '0456', building: '12', unit: '01', room: '805' })).toBe('04561210805');
  });
  it('R-SEQ-04/05 new area keeps a 2-digit unit', () => {
    expect(formatSeqNo('新', '多层', { book: '1001', building: '03', unit: '02', room: '502' })).toBe('10010302502');
    expect(formatSeqNo('新', '高层', { book: '2002', building: '08', unit: '01', room: '905' })).toBe('200208010905');
  });
  it('refuses old-area units ≥ 10 (A-44) and malformed parts (R-VAL-12)', () => {
    expect(() => formatSeqNo('老', '多层', { book: '0123', building: '05', unit: '10', room: '301' })).toThrow('A-44');
    expect(() => formatSeqNo('新', '多层', { book: '123', building: '05', unit: '1', room: '301' })).toThrow('抄表册号');
    expect(() => formatSeqNo('新', '多层', { book: '0123', building: '5', unit: '1', room: '3011' })).toThrow('房号');
  });
});
