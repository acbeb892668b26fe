/** issue 11 #4: the one money path of a counter payment (main/domain/tender.ts). */
import { describe, expect, it } from 'vitest';
import { previewChange, previewTickets, quoteTender, settleTender, tenderFigures } from '../../main/domain/tender.js';
import { fen } from '../../preload/kernel/money.js';
import { centiM3 } from '../../preload/kernel/volume.js';

const bill = (id: string, consumption: number, gasFen: number, totalFen: number) => ({ id, consumption: centiM3(consumption), gasFen: fen(gasFen), totalFen: fen(totalFen) });
const bills = [bill('a', 2000, 6900, 6950), bill('b', 1000, 3450, 3450)];
const none = { ticketFen: fen(0), ticketCashFen: fen(0) };

describe('one money path (issue 11 #4)', () => {
  it('total, cash due and change of a payment with tickets', () => {
    expect(tenderFigures(fen(10_400), { ticketFen: fen(3450), ticketCashFen: fen(200) })).toEqual({ totalFen: 10_600, cashDueFen: 7150 });
    expect(settleTender(fen(27_250), none, fen(30_000))).toEqual({ totalFen: 27_250, cashDueFen: 27_250, changeFen: 2750 });
    expect(() => settleTender(fen(27_250), none, fen(10_000))).toThrow('实收 100.00 元不足应收 272.50 元');
  });

  it('previews the change only for a valid, sufficient tender', () => {
    expect(previewChange('300', fen(27_250))).toBe(2750);
    expect(previewChange('100', fen(27_250))).toBeNull();
    expect(previewChange('3OO', fen(27_250))).toBeNull();
  });

  it('quotes the selection, a waiver and tickets as the clerk types', () => {
    expect(quoteTender({ bills, waivedFen: fen(50), tickets: null, prepaidCenti: centiM3(0), tendered: '110' })).toEqual({
      waivedFen: 50, dueFen: 10_350, ticketFen: 0, ticketCashFen: 0, cashDueFen: 10_350, changeFen: 650, tenderedFen: 11_000, ticketError: null,
    });
    // four 燃气票 (20 m³) pay the first bill in full; the face-value cash is added
    expect(previewTickets({ kind: '燃气票', count: '4', faceValue: '1' }, bills, centiM3(0))).toEqual({ ticketFen: 6900, ticketCashFen: 400, error: null });
    // two are 10 m³ short of it: split first (R-TKT-10), shown as the preview's reason
    expect(previewTickets({ kind: '燃气票', count: '2', faceValue: '' }, bills, centiM3(0)).error).toContain('请先在该笔拆分 10 m³');
    expect(previewTickets({ kind: '优惠券', count: '3', faceValue: '50' }, bills, centiM3(0))).toEqual({ ticketFen: 10_350, ticketCashFen: 0, error: '券面合计超过应缴气费，券不找零' });
    expect(previewTickets({ kind: '优惠券', count: '1', faceValue: 'x' }, bills, centiM3(0))).toEqual({ ticketFen: 0, ticketCashFen: 0, error: '面值格式不对' });
    expect(previewTickets({ kind: '燃气票', count: '', faceValue: '' }, bills, centiM3(0))).toEqual({ ticketFen: 0, ticketCashFen: 0, error: null });
  });
});
