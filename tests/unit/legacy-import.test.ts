/** Issue 12 #3: the pure row rules of the legacy import and the file reading (encodings, error report). */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mapHeader, normalizeDate, SAMPLE_ROWS, TEMPLATE_COLUMNS, validateRow } from '../../main/domain/legacy-import.js';
import { decodeText, errorReportCsv, MAX_LISTED_ERRORS } from '../../main/services/legacy-import.js';

const header = TEMPLATE_COLUMNS.accounts.map((c) => c.name);
const { index } = mapHeader('accounts', header);
const withCell = (column: string, value: string) => {
  const row = [...(SAMPLE_ROWS.accounts[0] ?? [])];
  row[header.indexOf(column)] = value;
  return row;
};

describe('legacy import rows', () => {
  it('a sample row becomes a typed record in fen, centi-m³ and the 抄表序号', () => {
    expect(validateRow('accounts', SAMPLE_ROWS.accounts[0] ?? [], index)).toMatchObject({
      ok: true,
      record: { accountNo: '90000001', phones: ['13812345678', '0577-88123456'], connectionFeeFen: 280000, seqNo: '1001031301', meter: { baseReadingCenti: 0, latestReadingCenti: 123456 } },
    });
  });

  it('names the column of each error, in Chinese', () => {
    const row = withCell('报装费', '12.345');
    row[header.indexOf('电话')] = '12345';
    row[header.indexOf('缴费方式')] = '银行托收';
    row[header.indexOf('表状态')] = '坏了';
    const r = validateRow('accounts', row, index);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.column).sort()).toEqual(['报装费', '电话', '表状态', '银行卡号', '银行名称'].sort());
    expect(r.errors.find((e) => e.column === '表状态')?.message).toBe('表状态“坏了”不正确，应为 未用/报装/装表/通气/封表/拆表');
  });

  it('a missing required column is an error of line 1', () => {
    expect(mapHeader('bills', ['户号', '抄表日期']).errors.map((e) => [e.row, e.column])).toEqual([
      [1, '上次读数'],
      [1, '本次读数'],
      [1, '单价'],
      [1, '金额'],
      [1, '抄表员'],
    ]);
  });

  it('takes the dates Excel and older systems write', () => {
    expect(['2015/3/2', '2015.03.02', '2015-3-2'].map(normalizeDate)).toEqual(['2015-03-02', '2015-03-02', '2015-03-02']);
    expect(validateRow('accounts', withCell('报装日期', '2015-02-30'), index)).toMatchObject({ ok: false, errors: [{ column: '报装日期' }] });
  });
});

describe('legacy import files', () => {
  it('reads UTF-8 with and without BOM, and GBK', () => {
    const text = '户号,户名\r\n1,温州\r\n';
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(iconv.encode(text, 'gbk'))).toEqual({ text, encoding: 'gbk' });
  });

  it('the error report lists the errors and says how many were left out', () => {
    const errors = Array.from({ length: MAX_LISTED_ERRORS }, (_, i) => ({ row: i + 2, column: '户号', message: '户号不能为空' }));
    const csv = errorReportCsv(errors, MAX_LISTED_ERRORS + 5);
    expect(csv.startsWith('\uFEFF行号,列,错误\r\n2,户号,户号不能为空\r\n')).toBe(true);
    expect(csv.endsWith(',,另有 5 处错误未列出，请先改正以上错误\r\n')).toBe(true);
  });
});
