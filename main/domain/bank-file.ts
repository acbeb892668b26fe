/**
 * Bank withholding files (R-BANK-01..05, A-36, A-52): one built-in layout per withholding bank, as
 * data (fixed width counted in GBK bytes = display columns, or CSV), the file text for a run, and the
 * parse and check of the bank's return file. Pure; the service encodes the text to GBK.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { fen, formatYuan, parseYuan, sumFen, type Fen } from '../../preload/kernel/money.js';
import { WITHHOLDING_BANKS, type WithholdingBank } from '../../preload/kernel/enums.js';
import { displayWidth, padEndToWidth, truncateToWidth } from '../../preload/kernel/text-width.js';


export interface BankLine {
  lineNo: number;
  accountNo: string;
  cardNo: string;
  holder: string;
  amountFen: Fen;
  readingDate: string;
}

type Field = 'accountNo' | 'cardNo' | 'holder' | 'amount' | 'readingDate';

export interface FixedLayout {
  kind: 'fixed';
  fields: { field: Field; width: number }[];
}

export interface CsvLayout {
  kind: 'csv';
  header: string[];
  fields: Field[];
}

export type BankLayout = FixedLayout | CsvLayout;

const FIXED_STANDARD: FixedLayout = {
  kind: 'fixed',
  fields: [
    { field: 'accountNo', width: 12 },
    { field: 'cardNo', width: 19 },
    { field: 'holder', width: 20 },
    { field: 'amount', width: 12 },
    { field: 'readingDate', width: 8 },
  ],
};

const CSV_STANDARD: CsvLayout = { kind: 'csv', header: ['户号', '卡号', '户名', '金额', '抄表日期'], fields: ['accountNo', 'cardNo', 'holder', 'amount', 'readingDate'] };

/** The built-in templates: the two big banks' own layouts, the standard fixed width for the rest. */
export const BANK_LAYOUTS: Record<WithholdingBank, BankLayout> = {
  建行: FIXED_STANDARD,
  工行: CSV_STANDARD,
  温州银行: FIXED_STANDARD,
  华夏: CSV_STANDARD,
  农行: FIXED_STANDARD,
  广发: CSV_STANDARD,
  鹿城农村合作银行: FIXED_STANDARD,
};

export function isWithholdingBank(name: string): name is WithholdingBank {
  return (WITHHOLDING_BANKS as readonly string[]).includes(name);
}

/** Amounts in fixed-width files are fen, zero-padded; in CSV they are yuan with two decimals. */
function value(line: BankLine, field: Field, csv: boolean): string {
  switch (field) {
    case 'accountNo':
      return line.accountNo;
    case 'cardNo':
      return line.cardNo;
    case 'holder':
      return csv ? line.holder.replace(/[,\r\n"]/g, ' ') : line.holder;
    case 'amount':
      return csv ? formatYuan(line.amountFen) : String(line.amountFen);
    case 'readingDate':
      return line.readingDate.replaceAll('-', '');
  }
}

/** Plain ASCII: one display column per character (issue 13 #4: the common cells skip the width walk). */
const ASCII = /^[\x00-\x7f]*$/;

function fixedCell(text: string, width: number, field: Field): string {
  if (field === 'amount') return text.padStart(width, '0');
  if (ASCII.test(text)) return text.length >= width ? text.slice(0, width) : text.padEnd(width, ' ');
  return padEndToWidth(truncateToWidth(text, width), width);
}

export const CRLF = '\r\n';

/**
 * The file of a run (R-BANK-01/02): header `H` run id · date · count · total (fen), then one `D` line
 * per account; CSV files carry a header row and a 合计 trailer.
 */
export function renderBankFile(bank: WithholdingBank, run: { id: string; date: string }, lines: readonly BankLine[]): string {
  const layout = BANK_LAYOUTS[bank];
  const total = lines.reduce((a, l) => a + l.amountFen, 0);
  if (layout.kind === 'csv') {
    const rows = [layout.header.join(','), ...lines.map((l) => layout.fields.map((f) => value(l, f, true)).join(',')), `合计,${lines.length},${formatYuan(total)}`];
    return rows.join(CRLF) + CRLF;
  }
  const header = `H${padEndToWidth(run.id, 16)}${run.date.replaceAll('-', '')}${String(lines.length).padStart(8, '0')}${String(total).padStart(14, '0')}`;
  const details = lines.map((l) => `D${layout.fields.map((f) => fixedCell(value(l, f.field, false), f.width, f.field)).join('')}`);
  return [header, ...details].join(CRLF) + CRLF;
}

export interface ReturnLine {
  accountNo: string;
  amountFen: Fen;
  ok: boolean;
  reason: string;
}

export interface ParsedReturn {
  runId: string | null;
  lines: ReturnLine[];
  /** What the bank says it debited. */
  declaredOkCount: number;
  declaredOkFen: Fen;
}

const bad = (message: string) => new DomainError('VALIDATION', `回执文件格式不正确：${message}`, 'file');

/**
 * The bank's return (R-BANK-05): every line of the file as sent plus the result — `00` for a debit,
 * anything else a failure with its reason; the header (fixed) or trailer (CSV) adds the bank's count
 * and amount of successful debits.
 */
export function parseReturnFile(bank: WithholdingBank, text: string): ParsedReturn {
  const layout = BANK_LAYOUTS[bank];
  const rows = text.split(/\r?\n/).filter((r) => r.trim() !== '');
  if (layout.kind === 'csv') {
    const trailer = rows.at(-1)?.split(',') ?? [];
    if (trailer[0] !== '合计' || trailer.length < 5) throw bad('缺少“合计”行（笔数、金额、成功笔数、成功金额）');
    const amountAt = layout.fields.indexOf('amount');
    const accountAt = layout.fields.indexOf('accountNo');
    const lines = rows.slice(1, -1).map((r, i) => {
      const cells = r.split(',');
      if (cells.length < layout.fields.length + 1) throw bad(`第 ${i + 2} 行缺少结果`);
      const result = cells[layout.fields.length] ?? '';
      return { accountNo: cells[accountAt] ?? '', amountFen: parseYuan(cells[amountAt] ?? ''), ok: result === '00', reason: result === '00' ? '' : (cells[layout.fields.length + 1] ?? result) };
    });
    return { runId: null, lines, declaredOkCount: Number(trailer[3]), declaredOkFen: parseYuan(trailer[4] ?? '') };
  }
  const header = rows[0] ?? '';
  if (!header.startsWith('H') || header.length < 1 + 16 + 8 + 8 + 14 + 8 + 14) throw bad('首行应为 H 汇总行（含成功笔数与金额）');
  const okCount = Number(header.slice(47, 55));
  const okFen = Number(header.slice(55, 69));
  let at = 1;
  const offsets = layout.fields.map((f) => {
    const start = at;
    at += f.width;
    return { ...f, start };
  });
  const lines = rows.slice(1).map((r, i) => {
    if (!r.startsWith('D')) throw bad(`第 ${i + 2} 行应以 D 开头`);
    // fixed widths are display columns (GBK bytes); walk the string by width
    const cell = (start: number, width: number) => sliceByWidth(r, start, width).trim();
    const acc = offsets.find((o) => o.field === 'accountNo');
    const amt = offsets.find((o) => o.field === 'amount');
    const result = sliceByWidth(r, at, 2);
    const reason = sliceByWidth(r, at + 2, 40).trim();
    const amount = Number(cell(amt?.start ?? 0, amt?.width ?? 0));
    if (!Number.isSafeInteger(amount)) throw bad(`第 ${i + 2} 行金额不是数字`);
    return { accountNo: cell(acc?.start ?? 0, acc?.width ?? 0), amountFen: fen(amount), ok: result === '00', reason: result === '00' ? '' : reason || result };
  });
  if (!Number.isSafeInteger(okCount) || !Number.isSafeInteger(okFen)) throw bad('汇总行的成功笔数或金额不是数字');
  return { runId: header.slice(1, 17).trim(), lines, declaredOkCount: okCount, declaredOkFen: fen(okFen) };
}

/** The substring that occupies display columns [start, start + width). */
export function sliceByWidth(text: string, start: number, width: number): string {
  let col = 0;
  let out = '';
  for (const ch of text) {
    const w = displayWidth(ch);
    if (col >= start && col + w <= start + width) out += ch;
    col += w;
    if (col >= start + width) break;
  }
  return out;
}

export interface ReturnCheck {
  okCount: number;
  okFen: Fen;
  failedCount: number;
  failedFen: Fen;
  problems: string[];
}

/**
 * R-BANK-05 校对: the return must answer every line of the run, in order, with the same account and
 * amount, and the bank's declared totals must equal the lines it marked successful.
 */
export function checkReturn(sent: readonly { accountNo: string; amountFen: Fen }[], parsed: ParsedReturn, runId: string): ReturnCheck {
  const problems: string[] = [];
  if (parsed.runId !== null && parsed.runId !== runId) problems.push(`回执批次 ${parsed.runId} 不是本批次 ${runId}`);
  if (parsed.lines.length !== sent.length) problems.push(`回执 ${parsed.lines.length} 笔，发送 ${sent.length} 笔`);
  parsed.lines.forEach((l, i) => {
    const s = sent[i];
    if (s && (s.accountNo !== l.accountNo || s.amountFen !== l.amountFen)) {
      problems.push(`第 ${i + 1} 笔不符：发送 ${s.accountNo} ${formatYuan(s.amountFen)}，回执 ${l.accountNo} ${formatYuan(l.amountFen)}`);
    }
  });
  const ok = parsed.lines.filter((l) => l.ok);
  const okFen = sumFen(ok.map((l) => l.amountFen));
  if (ok.length !== parsed.declaredOkCount || okFen !== parsed.declaredOkFen) {
    problems.push(`银行汇总成功 ${parsed.declaredOkCount} 笔 ${formatYuan(parsed.declaredOkFen)} 元，明细为 ${ok.length} 笔 ${formatYuan(okFen)} 元`);
  }
  const failed = parsed.lines.filter((l) => !l.ok);
  return { okCount: ok.length, okFen, failedCount: failed.length, failedFen: sumFen(failed.map((l) => l.amountFen)), problems: problems.slice(0, 20) };
}

