/** Pure counter rules: fee paths (R-REG-01..06), transfer fee (R-TRF-07), request text (R-HOSE-01, R-ICM-01), channels (R-ICM-02, R-CANC-08). */
import { describe, expect, it } from 'vitest';
import { channelOf, checkChannel, mayVoid, requirementText } from '../../main/domain/acceptance.js';
import { refuseWhileArrears } from '../../main/domain/arrears.js';
import { checkFeePath } from '../../main/domain/connection-fee.js';
import { transferFee } from '../../main/domain/transfer.js';
import { fen } from '../../preload/kernel/money.js';

const noExtras = { icToOrdinary: false, icTermsAcknowledged: false, hoseLength: '' };

describe('connection-fee paths', () => {
  it('collects the fee only when unpaid (R-REG-06) and needs the invoice number when held (R-REG-01)', () => {
    expect(checkFeePath({ kind: 'unpaid' })).toEqual({ collectFee: true });
    expect(checkFeePath({ kind: 'invoice', invoiceNo: 'DS-1' })).toEqual({ collectFee: false });
    expect(() => checkFeePath({ kind: 'invoice', invoiceNo: ' ' })).toThrow('R-REG-01');
  });
  it('handles a lost invoice before and after July 2006 (R-REG-02..05)', () => {
    expect(() => checkFeePath({ kind: 'lost_before_2006', ledgerRecordFound: true, lossDeclaration: false })).toThrow('R-REG-05');
    expect(() => checkFeePath({ kind: 'lost_before_2006', ledgerRecordFound: false, lossDeclaration: true })).toThrow('R-REG-03');
    expect(checkFeePath({ kind: 'lost_before_2006', ledgerRecordFound: true, lossDeclaration: true })).toEqual({ collectFee: false });
    const after = { kind: 'lost_after_2006' as const, developerCertificate: false, propertyCertificate: false, lossDeclaration: true };
    expect(checkFeePath({ ...after, feeClass: 'A' })).toEqual({ collectFee: false });
    expect(() => checkFeePath({ ...after, feeClass: 'B' })).toThrow('R-REG-04');
    expect(checkFeePath({ ...after, feeClass: 'B', propertyCertificate: true })).toEqual({ collectFee: false });
  });
});

describe('transfer fee (R-TRF-07)', () => {
  it('is 5 yuan, waived for a direct relative who shows proof', () => {
    expect(transferFee(null, false)).toBe(500);
    expect(transferFee('配偶', true)).toBe(0);
    expect(() => transferFee('子女', false)).toThrow('R-TRF-07');
  });
});

describe('request text and channels', () => {
  it('writes the hose request and the IC → ordinary acknowledgement as the seed wants', () => {
    expect(requirementText('其它', '普通表', '下午', { ...noExtras, hoseLength: '2' })).toBe('换波纹管,长度2米；下午');
    expect(requirementText('换表', 'IC卡表', '', { ...noExtras, icToOrdinary: true, icTermsAcknowledged: true })).toBe('IC卡表故障换普通表：已告知差价200元不退、不能换回IC卡表');
    expect(() => requirementText('换表', 'IC卡表', '', { ...noExtras, icToOrdinary: true })).toThrow('R-ICM-01');
  });
  it('keeps IC → ordinary at the hall and voiding with the right lead (R-ICM-02, R-CANC-08, A-42)', () => {
    expect(channelOf('callcenter')).toBe('接听组');
    expect(channelOf('clerk')).toBe('营业员');
    expect(() => checkChannel('接听组', '换表', { ...noExtras, icToOrdinary: true })).toThrow('R-ICM-02');
    expect(() => checkChannel('营业员', '换表', { ...noExtras, icToOrdinary: true })).not.toThrow();
    expect([mayVoid('manager', '营业员'), mayVoid('manager', '接听组'), mayVoid('callcenter_lead', '接听组'), mayVoid('clerk', '营业员')]).toEqual([true, false, true, false]);
  });
  it('names the earliest blocking bill and the total in every arrears refusal (R-GEN-10, R-SEC-08: no transfer while arrears exist, R-SEC-07)', () => {
    expect(() => refuseWhileArrears([{ readingDate: '2026-09-01', amountFen: fen(100) }, { readingDate: '2026-10-01', amountFen: fen(250) }], '办理过户', 'R-TRF-04', 'x')).toThrow(
      '你还有欠费未缴,须先缴清欠费方可办理过户 (R-TRF-04)：未缴 2 笔共 3.50 元，最早为 2026-09-01 抄表 1.00 元',
    );
    expect(() => refuseWhileArrears([], '办理过户', 'R-TRF-04', 'x')).not.toThrow();
  });
});
