/**
 * A receipt for every tender kind (issue 4 point 7): cash + gas tickets, face-value tickets, coupons, an
 * IC-card recharge and a reversal, in GBK Chinese mode with columns counted in display width. The ticket
 * slip is compared with golden bytes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutCheckSlip, type CheckSlipData } from '../../main/domain/check-slip.js';
import { displayWidth } from '../../preload/kernel/text-width.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { encodeSlip } from '../../hardware/printer/escpos-gbk.js';
import { repoRoot } from '../../main/paths.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';
import { slipHeader } from '../fixtures/slips.js';

const base: CheckSlipData = {
  receiptNo: 'LC01-00000007',
  ...slipHeader,
  method: '燃气票',
  chargeType: '燃气费',
  invoiceCategory: '核对单',
  bills: [
    { readingDate: '2026-11-10', previousReading: centiM3(10000), thisReading: centiM3(12000), consumption: centiM3(2000), priceFenPerM3: 345, gasFen: fen(6900), lateFeeFen: fen(0), overdueDays: 0 },
    { readingDate: '2026-11-10', previousReading: centiM3(12000), thisReading: centiM3(12300), consumption: centiM3(300), priceFenPerM3: 345, gasFen: fen(1035), lateFeeFen: fen(0), overdueDays: 0 },
  ],
  gasFen: fen(7935),
  lateFeeFen: fen(0),
  totalFen: fen(7935),
  tenderedFen: fen(2000),
  changeFen: fen(965),
  copy: false,
  tickets: [{ kind: '燃气票', year: 2026, quarter: 4, count: 4, volume: centiM3(2000), valueFen: fen(0) }],
  ticketFen: fen(6900),
  ticketCashFen: fen(0),
};

const kinds: Record<string, CheckSlipData> = {
  tickets: base,
  faceValue: { ...base, ticketCashFen: fen(800), totalFen: fen(8735), tenderedFen: fen(2000), changeFen: fen(165) },
  coupons: { ...base, method: '优惠券', tickets: [{ kind: '优惠券', year: 2026, quarter: 4, count: 3, volume: centiM3(0), valueFen: fen(3000) }], ticketFen: fen(3000), tenderedFen: fen(5000), changeFen: fen(65) },
  yearOnly: { ...base, tickets: [{ kind: '免费供应券', year: 2026, quarter: null, count: 4, volume: centiM3(2000), valueFen: fen(0) }] },
  recharge: {
    ...base,
    method: '现金',
    chargeType: '充值费',
    bills: [],
    tickets: [],
    ticketFen: fen(0),
    gasFen: fen(6900),
    totalFen: fen(6900),
    tenderedFen: fen(10000),
    changeFen: fen(3100),
    card: { cardNo: '20245555-1', volume: centiM3(2000), priceFenPerM3: 345, purchaseNo: 1 },
  },
  reversal: {
    ...base,
    receiptNo: 'LC01-00000008',
    gasFen: fen(-7935),
    totalFen: fen(-7935),
    ticketFen: fen(-6900),
    tenderedFen: fen(0),
    changeFen: fen(1035),
    reversal: { originalSlipNo: 'LC01-00000007', reason: '用户要求改用现金缴费，票据退回' },
  },
  reversed: { ...base, copy: true, reversedBySlipNo: 'LC01-00000008' },
};

const linesOf = (data: CheckSlipData, columns: number) => decodeEscPos(encodeSlip(layoutCheckSlip(data, columns), { columns }));

describe('receipts for every tender kind', () => {
  it.each(Object.keys(kinds).flatMap((k) => [[k, 32], [k, 48]] as [string, number][]))('%s at %i columns stays within the paper and decodes from GBK', (kind, columns) => {
    const data = kinds[kind];
    if (!data) throw new Error(kind);
    const lines = linesOf(data, columns);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    expect(lines.join('\n')).not.toContain('\u00a5');
  });

  it('tickets + cash: the ticket line, what tickets paid and the cash, aligned right', () => {
    const lines = linesOf(base, 48);
    expect(lines).toContain('缴费方式:                                 燃气票');
    expect(lines).toContain('  燃气票 2026年4季 4张                      20方');
    expect(lines).toContain('票证抵款:                                ￥69.00');
    expect(lines).toContain('实收现金:                                ￥20.00');
    expect(lines).toContain('找零:                                     ￥9.65');
  });

  it('face-value cash, coupons and year-only vouchers', () => {
    expect(linesOf(kinds.faceValue as CheckSlipData, 48)).toContain('票面现金:                                 ￥8.00');
    expect(linesOf(kinds.coupons as CheckSlipData, 48)).toContain('  优惠券 2026年4季 3张                   ￥30.00');
    expect(linesOf(kinds.yearOnly as CheckSlipData, 48)).toContain('  免费供应券 2026年 4张                     20方');
  });

  it('an IC-card recharge prints the card, purchase number, volume and price', () => {
    const lines = linesOf(kinds.recharge as CheckSlipData, 48);
    expect(lines[0]).toBe('IC卡购气核对单');
    expect(lines).toContain('IC卡号:                               20245555-1');
    expect(lines).toContain('购气次数:                                      1');
    expect(lines).toContain('购气量:                                    20 方');
    expect(lines).toContain('单价:                                 3.45 元/方');
    expect(lines.some((l) => l.startsWith('抄表日期'))).toBe(false);
  });

  it('a reversal names the original slip and the reason and hands back cash and tickets', () => {
    const lines = linesOf(kinds.reversal as CheckSlipData, 48);
    expect(lines[0]).toBe('冲正凭证');
    expect(lines).toContain('原核对单号:                        LC01-00000007');
    expect(lines).toContain('冲正原因:用户要求改用现金缴费，票据退回');
    expect(lines).toContain('冲正金额:                               ￥-79.35');
    expect(lines).toContain('退还票证抵款:                            ￥69.00');
    expect(lines).toContain('退还现金:                                ￥10.35');
  });

  it('a reversed payment reprints marked 已冲正 and never offers an invoice; the voucher neither (issue 10 #6)', () => {
    const at32 = linesOf(kinds.reversed as CheckSlipData, 32);
    expect(at32.slice(0, 4)).toEqual(['管道燃气费核对单', '(客户联)  副本', '*** 已冲正 ***', '冲正凭证号:        LC01-00000008']);
    expect(at32.filter((l) => l.includes('发票'))).toEqual(['本单已冲正，不能换取发票。']);
    const voucher = linesOf(kinds.reversal as CheckSlipData, 48);
    expect(voucher.filter((l) => l.includes('发票'))).toEqual(['冲正凭证，不能换取发票。']);
    expect(linesOf(base, 48).filter((l) => l.includes('发票'))).toEqual(['请核对收好，凭此单可换取发票。']);
  });

  it('the ticket slip matches the golden bytes exactly', () => {
    const golden = join(repoRoot, 'tests', 'fixtures', 'ticket-slip-48col.hex');
    const bytes = encodeSlip(layoutCheckSlip(base, 48), { columns: 48 });
    if (!existsSync(golden) && process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, `${bytes.toString('hex')}\n`);
    expect(bytes.toString('hex')).toBe(readFileSync(golden, 'utf8').trim());
  });
});
