/**
 * Issue 12 #3: import of legacy data (用户/表、欠费账单、价格) from the shipped CSV or Excel templates. Every row is
 * validated first (main/domain/legacy-import.ts, plus what needs the store: an unknown 户号, a changed price);
 * one bad row and nothing is written, the answer carries the error report as CSV (row, column, message). Else
 * everything is written in ONE transaction, audit-logged; re-import is idempotent by 户号 (accounts and their
 * meter updated in place or left alone), by 户号 + 抄表日期 (bills skipped) and by 类别 + 生效日期 (tariffs).
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { addDays } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { formatYuan } from '../../preload/kernel/money.js';
import { toCsv } from '../domain/csv.js';
import {
  KEY_COLUMN,
  SAMPLE_ROWS,
  TEMPLATE_COLUMNS,
  mapHeader,
  recordKey,
  validateRow,
  type AccountRecord,
  type BillRecord,
  type ImportKind,
  type RecordOf,
  type RowError,
  type TariffRecord,
} from '../domain/legacy-import.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

/** At most this many errors are listed (a wrong file has one per row); the count is exact. */
export const MAX_LISTED_ERRORS = 1000;
const YIELD_EVERY = 1000;

export type FileFormat = 'csv' | 'xlsx';

export interface ImportCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  kind: ImportKind;
  format: FileFormat;
  encoding: string;
  rows: number;
  errorCount: number;
  errors: RowError[];
  /** The error report as CSV text (UTF-8 with BOM, opens in Excel), null when every row is good. */
  errorReport: string | null;
}

export interface ImportProgress {
  job: 'check' | 'run' | null;
  phase: 'read' | 'validate' | 'write' | 'done';
  done: number;
  total: number;
}

/** UTF-8 (with or without BOM) or, when the bytes are not UTF-8, GBK (what Excel in China saves CSV as). */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gbk'), encoding: 'gbk' };
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** The file's rows as text cells: .xlsx (its first sheet) by its zip signature, else CSV. */
export async function readTable(bytes: Buffer): Promise<{ rows: string[][]; format: FileFormat; encoding: string }> {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new DomainError('VALIDATION', '无法读取该 Excel 文件，请另存为 .xlsx 或 CSV 后重试', 'file');
    }
    const sheet = book.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cellText(cell.value)));
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { rows: Array.from(rows, (r) => r ?? []).filter((r) => r.some((c) => c.trim() !== '')), format: 'xlsx', encoding: 'xlsx' };
  }
  const { text, encoding } = decodeText(bytes);
  try {
    const rows = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
    return { rows: rows.filter((r) => r.some((c) => c.trim() !== '')), format: 'csv', encoding };
  } catch (e) {
    throw new DomainError('VALIDATION', `CSV 文件格式不正确：${e instanceof Error ? e.message : String(e)}`, 'file');
  }
}

/** The error report a window offers for download. */
export function errorReportCsv(errors: readonly RowError[], total: number): string {
  const rows: (string | number)[][] = errors.map((e) => [e.row, e.column, e.message]);
  if (total > errors.length) rows.push(['', '', `另有 ${total - errors.length} 处错误未列出，请先改正以上错误`]);
  return toCsv(['行号', '列', '错误'], rows);
}

/** A template as CSV (UTF-8 with BOM): the header row and, for the sample, its valid rows. */
export function templateCsv(kind: ImportKind, sample: boolean): string {
  return toCsv(
    TEMPLATE_COLUMNS[kind].map((c) => c.name),
    sample ? SAMPLE_ROWS[kind] : [],
  );
}

/** The same template as .xlsx: the sheet with its header (and sample rows) as text cells, and a sheet of notes. */
export async function templateXlsx(kind: ImportKind, sample: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('导入数据');
  const columns = TEMPLATE_COLUMNS[kind];
  sheet.columns = columns.map((c) => ({ header: c.name, key: c.name, width: Math.max(10, c.name.length * 3), style: { numFmt: '@' } }));
  if (sample) for (const row of SAMPLE_ROWS[kind]) sheet.addRow([...row]);
  const notes = book.addWorksheet('填写说明');
  notes.addRow(['列', '必填', '说明']);
  for (const c of columns) notes.addRow([c.name, c.required ? '是' : '', c.note]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Validated<K extends ImportKind> = { records: RecordOf<K>[]; errors: RowError[]; errorCount: number; rows: number };

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class LegacyImport {
  private progress: ImportProgress = { job: null, phase: 'done', done: 0, total: 0 };

  constructor(
    private readonly deps: ServiceDeps,
    /** Also told every step (the bench prints it). */
    private readonly onProgress?: (p: ImportProgress) => void,
  ) {}

  currentProgress(): ImportProgress {
    return { ...this.progress };
  }

  private report(p: Omit<ImportProgress, 'job'>, job: 'check' | 'run'): void {
    this.progress = { job, ...p };
    this.onProgress?.(this.progress);
  }

  /** Every row checked: the domain's row rules, repeats in the file, and what needs the store. */
  private async validate<K extends ImportKind>(kind: K, table: string[][], job: 'check' | 'run'): Promise<Validated<K>> {
    const [header = [], ...data] = table;
    const { index, errors } = mapHeader(kind, header);
    let errorCount = errors.length;
    const records: RecordOf<K>[] = [];
    if (data.length === 0 && errors.length === 0) errors.push({ row: 2, column: '', message: '文件中没有数据行' }), errorCount++;
    if (errors.length > 0) return { records, errors, errorCount, rows: data.length };
    const seen = new Map<string, number>();
    const sqlite = this.deps.db.$client;
    const accountOf = sqlite.prepare<[string], { id: string; meterId: string | null }>(
      "SELECT a.id, (SELECT m.id FROM meters m WHERE m.account_id = a.id AND m.active = 1 ORDER BY m.rowid DESC LIMIT 1) AS meterId FROM accounts a WHERE a.account_no = ?",
    );
    const tariffOf = sqlite.prepare<[string, string], { price: number }>('SELECT price_fen_per_m3 AS price FROM tariffs WHERE category = ? AND effective_from = ?');
    const add = (row: number, column: string, message: string) => {
      errorCount++;
      if (errors.length < MAX_LISTED_ERRORS) errors.push({ row, column, message });
    };
    for (let i = 0; i < data.length; i++) {
      if (i % YIELD_EVERY === 0) {
        this.report({ phase: 'validate', done: i, total: data.length }, job);
        await tick();
      }
      const row = i + 2;
      const result = validateRow(kind, data[i] ?? [], index);
      if (!result.ok) {
        for (const e of result.errors) add(row, e.column, e.message);
        continue;
      }
      const record = result.record;
      const key = recordKey(kind, record);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        add(row, KEY_COLUMN[kind], `与第 ${earlier} 行重复（${key.replace('|', ' ')}）`);
        continue;
      }
      seen.set(key, row);
      if (kind === 'bills') {
        const bill = record as BillRecord;
        const account = accountOf.get(bill.accountNo);
        if (!account) add(row, '户号', `户号“${bill.accountNo}”不存在，请先导入用户`);
        else if (!account.meterId) add(row, '户号', `户号“${bill.accountNo}”没有在用的表`);
      } else if (kind === 'tariffs') {
        const tariff = record as TariffRecord;
        const existing = tariffOf.get(tariff.category, tariff.effectiveFrom);
        if (existing && existing.price !== tariff.priceFenPerM3)
          add(row, '单价', `${tariff.category} ${tariff.effectiveFrom} 起的单价已是 ${formatYuan(existing.price)} 元，已用于计费，不能由导入修改`);
      }
      records.push(record);
    }
    this.report({ phase: 'validate', done: data.length, total: data.length }, job);
    return { records, errors, errorCount, rows: data.length };
  }

  private summary(kind: ImportKind, file: { format: FileFormat; encoding: string }, v: Validated<ImportKind>): ImportReport {
    return {
      kind,
      format: file.format,
      encoding: file.encoding,
      rows: v.rows,
      errorCount: v.errorCount,
      errors: v.errors,
      errorReport: v.errorCount > 0 ? errorReportCsv(v.errors, v.errorCount) : null,
    };
  }

  /** Dry run: the rows, the errors and their report; nothing written. */
  async check(kind: ImportKind, bytes: Buffer): Promise<ImportReport> {
    try {
      this.report({ phase: 'read', done: 0, total: 0 }, 'check');
      const file = await readTable(bytes);
      return this.summary(kind, file, await this.validate(kind, file.rows, 'check'));
    } finally {
      this.progress = { ...this.progress, job: null, phase: 'done' };
    }
  }

  /** The import: nothing when any row is bad (the report says why), else every row in one transaction. */
  async run(actor: Actor, kind: ImportKind, bytes: Buffer): Promise<ImportReport & { imported: boolean; counts: ImportCounts }> {
    if (this.progress.job === 'run') throw new DomainError('VALIDATION', '另一个导入正在进行，请等它完成', 'file');
    try {
      this.report({ phase: 'read', done: 0, total: 0 }, 'run');
      const file = await readTable(bytes);
      const validated = await this.validate(kind, file.rows, 'run');
      const summary = this.summary(kind, file, validated);
      const counts: ImportCounts = { rows: validated.rows, inserted: 0, updated: 0, unchanged: 0 };
      if (validated.errorCount > 0) return { ...summary, imported: false, counts };
      const now = this.deps.clock.now();
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      this.deps.db.transaction((tx) => {
        const total = validated.records.length;
        const step = (done: number) => {
          if (done % YIELD_EVERY === 0 || done === total) this.report({ phase: 'write', done, total }, 'run');
        };
        if (kind === 'accounts') this.writeAccounts(actor, validated.records as AccountRecord[], counts, step);
        else if (kind === 'bills') this.writeBills(actor, validated.records as BillRecord[], counts, step);
        else this.writeTariffs(validated.records as TariffRecord[], counts, step);
        appendAudit(tx, { actorId: actor.staffId, action: `import.${kind}`, entity: 'import', entityId: sha256.slice(0, 16), detail: { format: file.format, encoding: file.encoding, sha256, ...counts } }, now);
      });
      return { ...summary, imported: true, counts };
    } finally {
      this.progress = { ...this.progress, job: null, phase: 'done' };
    }
  }

  /** By 户号: a new account with its phones and meter; an existing one updated where it differs (R-ACC-02: phones only added). */
  private writeAccounts(actor: Actor, records: readonly AccountRecord[], counts: ImportCounts, step: (done: number) => void): void {
    const sqlite = this.deps.db.$client;
    const fields = [
      'name', 'address', 'community', 'customer_type', 'payment_method', 'bank_card_no', 'bank_name', 'card_holder', 'application_nature',
      'application_date', 'invoice_date', 'seq_book', 'seq_building', 'seq_unit', 'seq_room', 'seq_no', 'area_type', 'building_type',
      'connection_fee_fen', 'area', 'meter_reader', 'reading_cycle', 'category',
    ] as const;
    const values = (a: AccountRecord) => [
      a.name, a.address, a.community, a.customerType, a.paymentMethod, a.bankCardNo, a.bankName, a.cardHolder, a.applicationNature,
      a.applicationDate, a.invoiceDate, a.seqBook, a.seqBuilding, a.seqUnit, a.seqRoom, a.seqNo, a.areaType, a.buildingType,
      a.connectionFeeFen, a.area, a.meterReader, a.readingCycle, a.category,
    ];
    const findAccount = sqlite.prepare<[string], { id: string }>('SELECT id FROM accounts WHERE account_no = ?');
    const insertAccount = sqlite.prepare(
      `INSERT INTO accounts (id, account_no, home_hall_id, ${fields.join(', ')}) VALUES (?, ?, ?, ${fields.map(() => '?').join(', ')})`,
    );
    const updateAccount = sqlite.prepare(
      `UPDATE accounts SET ${fields.map((f) => `${f} = ?`).join(', ')} WHERE id = ? AND NOT (${fields.map((f) => `${f} IS ?`).join(' AND ')})`,
    );
    const insertPhone = sqlite.prepare('INSERT OR IGNORE INTO account_phones (id, account_id, phone) VALUES (?, ?, ?)');
    const meterFields = ['kind', 'model', 'direction', 'base_reading_centi', 'latest_reading_centi', 'installed_on', 'status'] as const;
    const meterValues = (m: AccountRecord['meter']) => [m.kind, m.model, m.direction, m.baseReadingCenti, m.latestReadingCenti, m.installedOn, m.status];
    const findMeter = sqlite.prepare<[string, string], { id: string }>('SELECT id FROM meters WHERE account_id = ? AND meter_no = ? ORDER BY rowid DESC LIMIT 1');
    const insertMeter = sqlite.prepare(`INSERT INTO meters (id, account_id, meter_no, active, ${meterFields.join(', ')}) VALUES (?, ?, ?, 1, ${meterFields.map(() => '?').join(', ')})`);
    const retireOthers = sqlite.prepare('UPDATE meters SET active = 0 WHERE account_id = ? AND id <> ? AND active = 1');
    const updateMeter = sqlite.prepare(
      `UPDATE meters SET ${meterFields.map((f) => `${f} = ?`).join(', ')}, active = 1 WHERE id = ? AND NOT (${meterFields.map((f) => `${f} IS ?`).join(' AND ')} AND active = 1)`,
    );
    records.forEach((a, i) => {
      const existing = findAccount.get(a.accountNo);
      if (!existing) {
        const id = uuidv7();
        insertAccount.run(id, a.accountNo, actor.hallId, ...values(a));
        for (const p of a.phones) insertPhone.run(uuidv7(), id, p);
        insertMeter.run(uuidv7(), id, a.meter.meterNo, ...meterValues(a.meter));
        counts.inserted++;
      } else {
        const id = existing.id;
        let changes = updateAccount.run(...values(a), id, ...values(a)).changes;
        for (const p of a.phones) changes += insertPhone.run(uuidv7(), id, p).changes;
        const meter = findMeter.get(id, a.meter.meterNo);
        const meterId = meter?.id ?? uuidv7();
        if (meter) changes += updateMeter.run(...meterValues(a.meter), meterId, ...meterValues(a.meter)).changes;
        else changes += insertMeter.run(meterId, id, a.meter.meterNo, ...meterValues(a.meter)).changes;
        changes += retireOthers.run(id, meterId).changes;
        if (changes > 0) counts.updated++;
        else counts.unchanged++;
      }
      step(i + 1);
    });
  }

  /** By 户号 + 抄表日期: an unpaid bill on the account's meter in use; one already there is left as it is. */
  private writeBills(actor: Actor, records: readonly BillRecord[], counts: ImportCounts, step: (done: number) => void): void {
    const sqlite = this.deps.db.$client;
    const accountOf = sqlite.prepare<[string], { id: string; meterId: string }>(
      'SELECT a.id, (SELECT m.id FROM meters m WHERE m.account_id = a.id AND m.active = 1 ORDER BY m.rowid DESC LIMIT 1) AS meterId FROM accounts a WHERE a.account_no = ?',
    );
    const exists = sqlite.prepare<[string, string]>('SELECT 1 FROM bills WHERE account_id = ? AND reading_date = ? LIMIT 1').pluck();
    const insert = sqlite.prepare(`INSERT INTO bills (id, account_id, meter_id, reading_date, previous_reading_centi, this_reading_centi,
      consumption_centi, price_fen_per_m3, amount_fen, due_date, source, estimated, reader, pricing, created_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'notice', 0, ?, ?, ?)`);
    records.forEach((b, i) => {
      const account = accountOf.get(b.accountNo);
      if (!account) throw new DomainError('NOT_FOUND', `户号“${b.accountNo}”不存在`, 'accountNo');
      if (exists.get(account.id, b.readingDate)) counts.unchanged++;
      else {
        const due = b.dueDate ?? addDays(b.readingDate, this.deps.settings.billDueDays);
        insert.run(uuidv7(), account.id, account.meterId, b.readingDate, b.previousReadingCenti, b.thisReadingCenti, b.consumptionCenti, b.priceFenPerM3, b.amountFen, due, b.reader, '旧系统导入', actor.staffId);
        counts.inserted++;
      }
      step(i + 1);
    });
  }

  /** By 类别 + 生效日期 (a changed price was refused in validation). */
  private writeTariffs(records: readonly TariffRecord[], counts: ImportCounts, step: (done: number) => void): void {
    const sqlite = this.deps.db.$client;
    const insert = sqlite.prepare('INSERT OR IGNORE INTO tariffs (id, category, price_fen_per_m3, effective_from) VALUES (?, ?, ?, ?)');
    records.forEach((t, i) => {
      if (insert.run(uuidv7(), t.category, t.priceFenPerM3, t.effectiveFrom).changes > 0) counts.inserted++;
      else counts.unchanged++;
      step(i + 1);
    });
  }
}
