/** Check-slip bytes for the receipt printer: GBK in Chinese mode, columns in display width (ARCHITECTURE). */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { layoutCheckSlip, type CheckSlipData } from '../../main/domain/check-slip.js';
import { displayWidth, leftRight, padStartToWidth, truncateToWidth, wrapToWidth } from '../../preload/kernel/text-width.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { encodeSlip, FS_CHINESE_OFF, FS_CHINESE_ON } from '../../hardware/printer/escpos-gbk.js';
import { repoRoot } from '../../main/paths.js';
import { goldenSlip } from '../fixtures/slips.js';
import { fen } from '../../preload/kernel/money.js';

/** The golden slip (tests/fixtures/slips.ts, shared with the printer transport tests). */
const slip: CheckSlipData = goldenSlip;

const GOLDEN = join(repoRoot, 'tests', 'fixtures', 'check-slip-48col.hex');

describe('display width', () => {
  it('counts a hanzi and ￥ as two columns, ASCII as one', () => {
    expect(displayWidth('张三')).toBe(4);
    expect(displayWidth('￥12.50')).toBe(7);
    expect(displayWidth('LC01-00000042')).toBe(13);
    expect(displayWidth('，。')).toBe(4);
  });
  it('pads and cuts by columns without splitting a hanzi', () => {
    expect(leftRight('应收金额:', '￥121.00', 20)).toBe('应收金额:   ￥121.00');
    expect(displayWidth(leftRight('地址:', '温州市鹿城区', 15))).toBe(15);
    expect(truncateToWidth('张三丰', 5)).toBe('张三');
    expect(padStartToWidth('气费', 6)).toBe('  气费');
    expect(wrapToWidth('温州市鹿城区人民路', 7)).toEqual(['温州市', '鹿城区', '人民路']);
  });
});

describe('check slip layout (A-47, R-SEC-25)', () => {
  it.each([32, 48])('never exceeds %i columns', (columns) => {
    for (const line of layoutCheckSlip(slip, columns)) {
      if (line.kind === 'text' || line.kind === 'title') expect(displayWidth(line.text)).toBeLessThanOrEqual(columns);
    }
  });
  it('prints a counter fee as 营业收费凭证 with its item and invoice category (R-INV-04)', () => {
    const texts = layoutCheckSlip({ ...slip, chargeType: '报装费', invoiceCategory: '地税', bills: [], gasFen: fen(0), lateFeeFen: fen(0), totalFen: fen(240000), tenderedFen: fen(240000), changeFen: fen(0) }, 48)
      .flatMap((l) => (l.kind === 'text' || l.kind === 'title' ? [l.text] : []));
    expect(texts[0]).toBe('营业收费凭证');
    const line = (label: string) => texts.find((t) => t.startsWith(label)) ?? '';
    expect(line('收款项目:').endsWith(' 报装费')).toBe(true);
    expect(line('发票类别:').endsWith(' 地税发票')).toBe(true);
    expect(line('应收金额:').endsWith(' ￥2400.00')).toBe(true);
    for (const label of ['收款项目:', '发票类别:', '应收金额:']) expect(displayWidth(line(label))).toBe(48);
    expect(texts.some((t) => t.startsWith('气费合计'))).toBe(false);
  });
  it('marks a reprint 副本 (R-INV-03)', () => {
    const texts = layoutCheckSlip({ ...slip, copy: true }, 48).flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    expect(texts).toContain('(客户联)  副本');
  });
});

describe('ESC/POS bytes', () => {
  const bytes = encodeSlip(layoutCheckSlip(slip, 48), { columns: 48 });

  it('starts with init, enters Chinese mode and prints the title centred, bold, double height in GBK', () => {
    const title = iconv.encode('管道燃气费核对单', 'gbk');
    expect(title.toString('hex')).toBe('b9dcb5c0c8bcc6f8b7d1bacbb6d4b5a5');
    const expectedStart = Buffer.concat([
      Buffer.from([0x1b, 0x40]), // ESC @
      FS_CHINESE_ON, // FS &
      Buffer.from([0x1b, 0x61, 0x01, 0x1b, 0x45, 0x01, 0x1d, 0x21, 0x01]), // centre, bold, double height
      title,
      Buffer.from([0x0a]),
    ]);
    expect(bytes.subarray(0, expectedStart.length).toString('hex')).toBe(expectedStart.toString('hex'));
  });
  it('leaves Chinese mode and cuts at the end', () => {
    const tail = Buffer.concat([FS_CHINESE_OFF, Buffer.from([0x1b, 0x64, 0x04, 0x1b, 0x64, 0x04, 0x1d, 0x56, 0x00, 0x1b, 0x40])]);
    expect(bytes.subarray(bytes.length - tail.length).toString('hex')).toBe(tail.toString('hex'));
  });
  it('writes ￥ as the GBK full-width yuan sign A3A4, never ¥', () => {
    expect(iconv.encode('￥', 'gbk').toString('hex')).toBe('a3a4');
    const text = decodeEscPos(bytes).join('\n');
    expect(text).toContain('￥121.00');
    expect(text).not.toContain('\u00a5');
  });
  it('decodes back to the right Chinese text, columns aligned', () => {
    const lines = decodeEscPos(bytes);
    expect(lines[0]).toBe('管道燃气费核对单');
    expect(lines).toContain('用户姓名:                                   张三');
    expect(lines).toContain('应收金额:                               ￥121.00');
    expect(lines).toContain('地址:温州市鹿城区人民路88号幸福小区5幢2单元301室');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(48);
  });
  it('matches the golden bytes exactly', () => {
    if (!existsSync(GOLDEN) && process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${bytes.toString('hex')}\n`);
    expect(bytes.toString('hex')).toBe(readFileSync(GOLDEN, 'utf8').trim());
  });
});
