/**
 * Issue 12 #1: the slip as an HTML page for a printer installed with a Windows driver (the spooler path), laid
 * out as the ESC/POS path lays it out: 32 / 48 columns of 1.5 mm on 58 / 80 mm paper, a hanzi or ￥ two columns.
 */
import { describe, expect, it } from 'vitest';
import { slipHtml } from '../../hardware/printer/slip-html.js';
import { layoutCheckSlip } from '../../main/domain/check-slip.js';
import { displayWidth } from '../../preload/kernel/text-width.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';

const slip: SlipLine[] = [
  { kind: 'title', text: '核对单' },
  { kind: 'text', text: '金额 ￥1.50' },
  { kind: 'rule' },
  { kind: 'text', text: 'a<b&c' },
  { kind: 'feed', lines: 2 },
];

const css = (paper: string, height: string, print: string, side: string) =>
  `@page{size:${paper} ${height};margin:0}html,body{margin:0;padding:0}` +
  `body{width:${print};padding:0 ${side};font-family:"NSimSun","SimSun","WenQuanYi Zen Hei Mono",monospace;font-size:3mm;color:#000;background:#fff}` +
  `.l,.t>div{height:3.75mm;line-height:3.75mm;white-space:pre;overflow:hidden}` +
  `span{display:inline-block;width:1.5mm;text-align:center}span.w{width:3mm}` +
  `.t{height:7.5mm;text-align:center;font-weight:bold}.t>div{transform:scaleY(2);transform-origin:top}`;

const body = (columns: number) =>
  '<div class="t"><div><span class="w">核</span><span class="w">对</span><span class="w">单</span></div></div>' +
  '<div class="l"><span class="w">金</span><span class="w">额</span><span> </span><span class="w">￥</span><span>1</span><span>.</span><span>5</span><span>0</span></div>' +
  `<div class="l">${'<span>-</span>'.repeat(columns)}</div>` +
  '<div class="l"><span>a</span><span>&lt;</span><span>b</span><span>&amp;</span><span>c</span></div>' +
  '<div class="l"></div><div class="l"></div>';

const page = (style: string, columns: number) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${style}</style></head><body>${body(columns)}</body></html>`;

describe('slipHtml', () => {
  it('lays a slip out on 80 mm paper: 48 columns in the middle 72 mm, 7 lines of 3.75 mm', () => {
    expect(slipHtml(slip, 80)).toEqual({ html: page(css('80mm', '26.25mm', '72mm', '4mm'), 48), widthMicrons: 80_000, heightMicrons: 26_250 });
  });

  it('lays the same slip out on 58 mm paper: 32 columns in the middle 48 mm', () => {
    expect(slipHtml(slip, 58)).toEqual({ html: page(css('58mm', '26.25mm', '48mm', '5mm'), 32), widthMicrons: 58_000, heightMicrons: 26_250 });
  });

  it('gives every line of a real check slip exactly its display columns in cells (a hanzi two), at both widths', () => {
    for (const [paper, columns] of [[58, 32], [80, 48]] as const) {
      const data = {
        receiptNo: 'LC01-20261201-0001', hallName: '鹿城营业厅', counterName: '一号柜台', clerkName: '张三', printedAt: '2026-12-01 10:00:00', businessDate: '2026-12-01',
        accountNo: '0101000001', customerName: '王五', address: '鹿城区五马街道某某路1号3幢2单元501室', method: '现金', chargeType: '其它', invoiceCategory: '服务费',
        bills: [], gasFen: 0, lateFeeFen: 0, totalFen: 12345, tenderedFen: 20000, changeFen: 7655, copy: false,
      };
      const layout = layoutCheckSlip(data as never, columns);
      const { html } = slipHtml(layout, paper);
      const rows = [...html.matchAll(/<div class="l">(.*?)<\/div>/g)].map((m) => m[1] ?? '');
      const printed = layout.filter((l) => l.kind === 'text' || l.kind === 'rule');
      expect(rows.filter((r) => r !== '')).toHaveLength(printed.length);
      rows
        .filter((r) => r !== '')
        .forEach((row, i) => {
          const line = printed[i];
          const width = line?.kind === 'text' ? displayWidth(line.text) : columns;
          expect((row.match(/<span>/g) ?? []).length + 2 * (row.match(/<span class="w">/g) ?? []).length).toBe(width);
          expect(width).toBeLessThanOrEqual(columns);
        });
    }
  });

  it('a layout made for other columns than the paper’s is scaled to the printed width, not cut off', () => {
    const page = slipHtml([{ kind: 'rule' }], 58, 48);
    expect(page.html).toContain('body{width:48mm;padding:0 5mm;');
    expect(page.html).toContain('font-size:2mm;');
    expect(page.html).toContain('span{display:inline-block;width:1mm;text-align:center}span.w{width:2mm}');
    expect(page.html).toContain(`<div class="l">${'<span>-</span>'.repeat(48)}</div>`);
    expect(page).toMatchObject({ widthMicrons: 58_000, heightMicrons: 2500 });
  });
});
