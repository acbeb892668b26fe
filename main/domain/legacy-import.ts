/**
 * Issue 12 #3: legacy data import. The columns of the three templates (户号/表/欠费, 欠费账单, 价格) and the pure
 * validation of one row: a typed record, or the row's errors in Chinese, each naming its column. Money through
 * parseYuan (fen), volumes through parseVolume (0.01 m³), 抄表序号 through formatSeqNo (R-SEQ-01..05), enums from
 * the schema's lists. No file, no database: the parser and the writer are main/services/legacy-import.ts.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { isValidDate } from '../../preload/kernel/dates.js';
import type { ImportKind } from '../../preload/kernel/enums.js';
import { parseYuan, type Fen } from '../../preload/kernel/money.js';
import { formatSeqNo } from '../../preload/kernel/sequence-number.js';
import { parseVolume, type CentiM3 } from '../../preload/kernel/volume.js';

export { IMPORT_KINDS, type ImportKind } from '../../preload/kernel/enums.js';

/** The closed lists of db/schema/accounts.ts, repeated here as data (the domain does not import the schema). */
const CUSTOMER_TYPES = ['IC卡', '抄表'] as const;
const PAYMENT_METHODS = ['充值', '现金', '银行代缴', '银行托收'] as const;
const APPLICATION_NATURES = ['集体', '散户'] as const;
const AREA_TYPES = ['老', '新'] as const;
const BUILDING_TYPES = ['多层', '高层', '别墅'] as const;
const CATEGORIES = ['普通用户', '公建用户'] as const;
const READING_CYCLES = ['每月', '单月', '双月'] as const;
const METER_KINDS = ['普通表', 'IC卡表'] as const;
const METER_STATUSES = ['未用', '报装', '装表', '通气', '封表', '拆表'] as const;
const DIRECTIONS = ['左进', '右进', ''] as const;

export interface TemplateColumn {
  name: string;
  required: boolean;
  /** What the header row's reader is told (the template's second sheet / the README). */
  note: string;
}

const col = (name: string, required: boolean, note = ''): TemplateColumn => ({ name, required, note });

export const TEMPLATE_COLUMNS: Record<ImportKind, readonly TemplateColumn[]> = {
  accounts: [
    col('户号', true, '用户编号，重复导入按户号更新'),
    col('户名', true),
    col('地址', true, '含单元'),
    col('小区', true),
    col('区域', true),
    col('电话', false, '多个号码用 / 分隔'),
    col('用户类型', true, CUSTOMER_TYPES.join('/')),
    col('缴费方式', true, PAYMENT_METHODS.join('/')),
    col('银行名称', false, '银行代缴/托收必填'),
    col('银行卡号', false, '银行代缴/托收必填'),
    col('持卡人', false),
    col('报装性质', true, APPLICATION_NATURES.join('/')),
    col('报装日期', true, 'YYYY-MM-DD'),
    col('开票日期', false, 'YYYY-MM-DD，空则同报装日期'),
    col('报装费', false, '元，两位小数'),
    col('区域类型', true, AREA_TYPES.join('/')),
    col('楼型', true, BUILDING_TYPES.join('/')),
    col('抄表册号', true, '4位数字'),
    col('幢', true),
    col('单元', true, '老区域 1-9'),
    col('房号', true),
    col('抄表员', true),
    col('抄表周期', false, `${READING_CYCLES.join('/')}，空则每月`),
    col('用户类别', false, `${CATEGORIES.join('/')}，空则普通用户`),
    col('表类型', true, METER_KINDS.join('/')),
    col('表号', true),
    col('表型号', false),
    col('进气方向', false, '左进/右进'),
    col('底数', true, '立方米，两位小数'),
    col('最新读数', false, '立方米，空则同底数'),
    col('装表日期', false, 'YYYY-MM-DD'),
    col('表状态', true, METER_STATUSES.join('/')),
  ],
  bills: [
    col('户号', true),
    col('抄表日期', true, 'YYYY-MM-DD，同一户同一日期只导入一次'),
    col('上次读数', true, '立方米'),
    col('本次读数', true, '立方米'),
    col('单价', true, '元/立方米'),
    col('金额', true, '元'),
    col('应缴日期', false, 'YYYY-MM-DD，空则按缴费期限计算'),
    col('抄表员', true),
  ],
  tariffs: [col('用户类别', true, CATEGORIES.join('/')), col('单价', true, '元/立方米'), col('生效日期', true, 'YYYY-MM-DD')],
};

/** A few valid rows per template (the shipped sample files; the tests import exactly these). */
export const SAMPLE_ROWS: Record<ImportKind, readonly (readonly string[])[]> = {
  accounts: [
    ['90000001', '张三', '鹿城区府前街12号1单元301', '府前小区', '鹿城', '13812345678/0577-88123456', '抄表', '现金', '', '', '', '散户', '2015-03-02', '2015-03-05', '2800.00', '老', '多层', '1001', '3', '1', '301', '李明', '每月', '普通用户', '普通表', 'M0001', 'J2.5', '左进', '0', '1234.56', '2015-04-01', '通气'],
    ['90000002', '李四', '鹿城区府前街12号2单元502', '府前小区', '鹿城', '13900001111', '抄表', '银行代缴', '建设银行', '6217000010001234567', '李四', '集体', '2016-05-10', '', '0', '老', '多层', '1001', '3', '2', '502', '李明', '双月', '普通用户', '普通表', 'M0002', 'J2.5', '右进', '10.5', '856.2', '2016-06-01', '通气'],
    ['90000003', '温州市第三中学', '瓯海区学院路88号', '学院路', '瓯海', '', 'IC卡', '充值', '', '', '', '散户', '2018-09-01', '2018-09-01', '12000.00', '新', '高层', '2002', '12', '01', '1203', '王强', '每月', '公建用户', 'IC卡表', 'IC0003', 'G4', '', '0', '0', '2018-09-20', '封表'],
  ],
  bills: [
    ['90000001', '2026-10-15', '1200.00', '1234.56', '3.45', '119.23', '2026-11-14', '李明'],
    ['90000002', '2026-09-20', '800.20', '830.20', '3.45', '103.50', '', '李明'],
    ['90000002', '2026-11-18', '830.20', '856.2', '3.45', '89.70', '', '李明'],
  ],
  tariffs: [
    ['普通用户', '3.45', '2020-01-01'],
    ['公建用户', '3.80', '2020-01-01'],
  ],
};

export interface RowError {
  /** The file's line number (the header is line 1). */
  row: number;
  column: string;
  message: string;
}

export interface MeterRecord {
  kind: (typeof METER_KINDS)[number];
  model: string;
  meterNo: string;
  direction: (typeof DIRECTIONS)[number];
  baseReadingCenti: CentiM3;
  latestReadingCenti: CentiM3;
  installedOn: string;
  status: (typeof METER_STATUSES)[number];
}

export interface AccountRecord {
  accountNo: string;
  name: string;
  address: string;
  community: string;
  area: string;
  phones: string[];
  customerType: (typeof CUSTOMER_TYPES)[number];
  paymentMethod: (typeof PAYMENT_METHODS)[number];
  bankName: string | null;
  bankCardNo: string | null;
  cardHolder: string | null;
  applicationNature: (typeof APPLICATION_NATURES)[number];
  applicationDate: string;
  invoiceDate: string;
  connectionFeeFen: Fen;
  areaType: (typeof AREA_TYPES)[number];
  buildingType: (typeof BUILDING_TYPES)[number];
  seqBook: string;
  seqBuilding: string;
  seqUnit: string;
  seqRoom: string;
  seqNo: string;
  meterReader: string;
  readingCycle: (typeof READING_CYCLES)[number];
  category: (typeof CATEGORIES)[number];
  meter: MeterRecord;
}

export interface BillRecord {
  accountNo: string;
  readingDate: string;
  previousReadingCenti: CentiM3;
  thisReadingCenti: CentiM3;
  consumptionCenti: CentiM3;
  priceFenPerM3: number;
  amountFen: Fen;
  /** null: the service sets reading date + the due days. */
  dueDate: string | null;
  reader: string;
}

export interface TariffRecord {
  category: (typeof CATEGORIES)[number];
  priceFenPerM3: number;
  effectiveFrom: string;
}

export type RecordOf<K extends ImportKind> = K extends 'accounts' ? AccountRecord : K extends 'bills' ? BillRecord : TariffRecord;

export type RowResult<T> = { ok: true; record: T } | { ok: false; errors: { column: string; message: string }[] };

/** Column positions of a header row; the missing required columns are the file's errors. */
export function mapHeader(kind: ImportKind, header: readonly string[]): { index: Map<string, number>; errors: RowError[] } {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const name = h.replace(/^\uFEFF/, '').replace(/[*＊]/g, '').trim();
    if (name && !index.has(name)) index.set(name, i);
  });
  const errors = TEMPLATE_COLUMNS[kind].filter((c) => c.required && !index.has(c.name)).map((c) => ({ row: 1, column: c.name, message: `缺少列“${c.name}”，请使用系统提供的模板` }));
  return { index, errors };
}

/** Collects a row's errors column by column instead of stopping at the first. */
class RowReader {
  readonly errors: { column: string; message: string }[] = [];
  constructor(
    private readonly cells: readonly string[],
    private readonly index: Map<string, number>,
  ) {}

  raw(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  fail(column: string, message: string): void {
    this.errors.push({ column, message });
  }

  text(column: string, required: boolean, max = 100): string {
    const v = this.raw(column);
    if (required && v === '') this.fail(column, `${column}不能为空`);
    else if ([...v].length > max) this.fail(column, `${column}不能超过${max}个字`);
    return v;
  }

  oneOf<const T extends readonly string[]>(column: string, values: T, fallback?: T[number]): T[number] {
    const v = this.raw(column);
    if (v === '' && fallback !== undefined) return fallback;
    if (!(values as readonly string[]).includes(v)) {
      this.fail(column, v === '' ? `${column}不能为空` : `${column}“${v}”不正确，应为 ${values.filter((x) => x !== '').join('/')}`);
      return values[0] as T[number];
    }
    return v as T[number];
  }

  date(column: string, fallback?: string): string {
    const v = normalizeDate(this.raw(column));
    if (v === '' && fallback !== undefined) return fallback;
    if (!isValidDate(v)) {
      this.fail(column, v === '' ? `${column}不能为空` : `${column}“${this.raw(column)}”不是有效日期，应为 YYYY-MM-DD`);
      return '';
    }
    return v;
  }

  guard<T>(column: string, parse: () => T, fallback: T): T {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      this.fail(column, `${column}：${e.message}`);
      return fallback;
    }
  }

  yuan(column: string, fallbackWhenEmpty?: Fen): Fen {
    const v = this.raw(column);
    if (v === '' && fallbackWhenEmpty !== undefined) return fallbackWhenEmpty;
    return this.guard(column, () => parseYuan(v, column), 0 as Fen);
  }

  volume(column: string, fallbackWhenEmpty?: CentiM3): CentiM3 {
    const v = this.raw(column);
    if (v === '' && fallbackWhenEmpty !== undefined) return fallbackWhenEmpty;
    return this.guard(column, () => parseVolume(v, column), 0 as CentiM3);
  }
}

/** 2015/3/2, 2015.3.2 and 2015-3-2 → 2015-03-02 (what Excel and older systems write). */
export function normalizeDate(value: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value.trim();
}

const ACCOUNT_NO = /^[0-9A-Za-z-]{1,20}$/;
const PHONE = /^(?:1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;

function validateAccount(r: RowReader): AccountRecord {
  const accountNo = r.text('户号', true, 20);
  if (accountNo && !ACCOUNT_NO.test(accountNo)) r.fail('户号', `户号“${accountNo}”只能由数字、字母和 - 组成`);
  const phones = r
    .raw('电话')
    .split(/[/／;；,，\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const p of phones) if (!PHONE.test(p)) r.fail('电话', `电话“${p}”不是有效号码`);
  const paymentMethod = r.oneOf('缴费方式', PAYMENT_METHODS);
  const bankName = r.text('银行名称', false, 40);
  const bankCardNo = r.text('银行卡号', false, 30);
  if (paymentMethod === '银行代缴' || paymentMethod === '银行托收') {
    if (!bankName) r.fail('银行名称', `缴费方式为${paymentMethod}时银行名称不能为空`);
    if (!bankCardNo) r.fail('银行卡号', `缴费方式为${paymentMethod}时银行卡号不能为空`);
  }
  if (bankCardNo && !/^\d{12,30}$/.test(bankCardNo)) r.fail('银行卡号', `银行卡号“${bankCardNo}”应为12-30位数字`);
  const applicationDate = r.date('报装日期');
  const areaType = r.oneOf('区域类型', AREA_TYPES);
  const buildingType = r.oneOf('楼型', BUILDING_TYPES);
  const seqCols = { book: '抄表册号', building: '幢', unit: '单元', room: '房号' } as const;
  const seq = { book: r.text('抄表册号', true), building: r.text('幢', true), unit: r.text('单元', true), room: r.text('房号', true) };
  let seqNo = '';
  if (seq.book && seq.building && seq.unit && seq.room) {
    try {
      seqNo = formatSeqNo(areaType, buildingType === '高层' ? '高层' : '多层', seq);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const column = { seqBook: seqCols.book, seqBuilding: seqCols.building, seqUnit: seqCols.unit, seqRoom: seqCols.room }[e.field ?? ''] ?? '抄表序号';
      r.fail(column, e.message);
    }
  }
  const before = r.errors.length;
  const base = r.volume('底数');
  const latest = r.volume('最新读数', base);
  if (r.errors.length === before && latest < base) r.fail('最新读数', `最新读数不能小于底数`);
  return {
    accountNo,
    name: r.text('户名', true, 40),
    address: r.text('地址', true, 100),
    community: r.text('小区', true, 40),
    area: r.text('区域', true, 20),
    phones,
    customerType: r.oneOf('用户类型', CUSTOMER_TYPES),
    paymentMethod,
    bankName: bankName || null,
    bankCardNo: bankCardNo || null,
    cardHolder: r.text('持卡人', false, 40) || null,
    applicationNature: r.oneOf('报装性质', APPLICATION_NATURES),
    applicationDate,
    invoiceDate: r.date('开票日期', applicationDate),
    connectionFeeFen: r.yuan('报装费', 0 as Fen),
    areaType,
    buildingType,
    seqBook: seq.book,
    seqBuilding: seq.building,
    seqUnit: seq.unit,
    seqRoom: seq.room,
    seqNo,
    meterReader: r.text('抄表员', true, 20),
    readingCycle: r.oneOf('抄表周期', READING_CYCLES, '每月'),
    category: r.oneOf('用户类别', CATEGORIES, '普通用户'),
    meter: {
      kind: r.oneOf('表类型', METER_KINDS),
      model: r.text('表型号', false, 20),
      meterNo: r.text('表号', true, 30),
      direction: r.oneOf('进气方向', DIRECTIONS, ''),
      baseReadingCenti: base,
      latestReadingCenti: latest,
      installedOn: r.date('装表日期', applicationDate),
      status: r.oneOf('表状态', METER_STATUSES),
    },
  };
}

/** A unit price in yuan per m³ (3.45) as fen per m³ (345). */
function price(r: RowReader, column: string): number {
  const p = r.yuan(column);
  if (r.raw(column) !== '' && p <= 0) r.fail(column, `${column}必须大于0`);
  return p;
}

function validateBill(r: RowReader): BillRecord {
  const before = r.errors.length;
  const previous = r.volume('上次读数');
  const current = r.volume('本次读数');
  if (r.errors.length === before && current < previous) r.fail('本次读数', `本次读数 ${r.raw('本次读数')} 小于上次读数 ${r.raw('上次读数')}`);
  const readingDate = r.date('抄表日期');
  const due = r.raw('应缴日期') === '' ? null : r.date('应缴日期');
  if (due && readingDate && due < readingDate) r.fail('应缴日期', '应缴日期不能早于抄表日期');
  return {
    accountNo: r.text('户号', true, 20),
    readingDate,
    previousReadingCenti: previous,
    thisReadingCenti: current,
    consumptionCenti: Math.max(0, current - previous) as CentiM3,
    priceFenPerM3: price(r, '单价'),
    amountFen: r.yuan('金额'),
    dueDate: due,
    reader: r.text('抄表员', true, 20),
  };
}

function validateTariff(r: RowReader): TariffRecord {
  return { category: r.oneOf('用户类别', CATEGORIES), priceFenPerM3: price(r, '单价'), effectiveFrom: r.date('生效日期') };
}

const VALIDATORS: { [K in ImportKind]: (r: RowReader) => RecordOf<K> } = { accounts: validateAccount, bills: validateBill, tariffs: validateTariff };

/** One data row → its record, or its errors (each naming its column). */
export function validateRow<K extends ImportKind>(kind: K, cells: readonly string[], index: Map<string, number>): RowResult<RecordOf<K>> {
  const r = new RowReader(cells, index);
  const record = VALIDATORS[kind](r) as RecordOf<K>;
  return r.errors.length === 0 ? { ok: true, record } : { ok: false, errors: r.errors };
}

/** The key a record is imported by: re-importing the same key updates (accounts, tariffs) or skips (bills). */
export function recordKey(kind: ImportKind, record: AccountRecord | BillRecord | TariffRecord): string {
  if (kind === 'accounts') return (record as AccountRecord).accountNo;
  if (kind === 'bills') return `${(record as BillRecord).accountNo}|${(record as BillRecord).readingDate}`;
  return `${(record as TariffRecord).category}|${(record as TariffRecord).effectiveFrom}`;
}

/** A key's column, for the "repeated in the file" error. */
export const KEY_COLUMN: Record<ImportKind, string> = { accounts: '户号', bills: '抄表日期', tariffs: '生效日期' };

/** The templates' file names (用户及表.csv …). */
export const TEMPLATE_TITLES: Record<ImportKind, string> = { accounts: '用户及表', bills: '欠费账单', tariffs: '价格' };
