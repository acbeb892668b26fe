/**
 * Issue 15 #6: the KPI page's figures against the seed's targets (R-SEC-29; the reading-rate subjects of R-SEC-11).
 * A figure is a count over a count, kept as integers; its rate is in basis points (1/100 of a per cent), rounded
 * down, so a target of 99.5 % is 9950 and "met" is decided on the integers (numerator × 10000 ≥ target × denominator),
 * never on a rounded float. A figure the app has no source for is 'nodata' (shown 无数据), never invented. Pure.
 */

export type KpiKey = 'readingRate' | 'readingRateOutdoor' | 'readingRateIndoor' | 'readingAccuracy' | 'repairOnTime' | 'repairFirstTime' | 'followUp' | 'satisfaction' | 'feeRecovery';

export interface KpiTarget {
  key: KpiKey;
  label: string;
  /** Target in basis points: 10000 = 100 %. */
  targetBp: number;
  rule: string;
}

/** R-SEC-29 (and R-SEC-11 for the outdoor / indoor reading rates), in the page's order. */
export const KPI_TARGETS: readonly KpiTarget[] = [
  { key: 'readingRate', label: '抄见率', targetBp: 10000, rule: 'R-SEC-29' },
  { key: 'readingRateOutdoor', label: '户外表抄见率（月）', targetBp: 9800, rule: 'R-SEC-11' },
  { key: 'readingRateIndoor', label: '户内表抄见率（季）', targetBp: 7000, rule: 'R-SEC-11' },
  { key: 'readingAccuracy', label: '抄表准确率', targetBp: 9800, rule: 'R-SEC-29' },
  { key: 'repairOnTime', label: '维修及时率', targetBp: 10000, rule: 'R-SEC-29' },
  { key: 'repairFirstTime', label: '一次维修成功率', targetBp: 9600, rule: 'R-SEC-29' },
  { key: 'followUp', label: '回访率', targetBp: 10000, rule: 'R-SEC-29' },
  { key: 'satisfaction', label: '满意率', targetBp: 9950, rule: 'R-SEC-29' },
  { key: 'feeRecovery', label: '气费回收率', targetBp: 9500, rule: 'R-SEC-29' },
];

/** A measured count pair, or why there is none. */
export type KpiSource = { numerator: number; denominator: number; basis: string } | { nodata: string };

export interface KpiFigure {
  key: KpiKey;
  label: string;
  targetBp: number;
  rule: string;
  status: 'met' | 'missed' | 'nodata';
  numerator: number | null;
  denominator: number | null;
  /** Basis points rounded down; null when there is no figure. */
  rateBp: number | null;
  /** What was counted, or why there is no figure (shown beside 无数据). */
  basis: string;
}

export function kpiFigure(target: KpiTarget, source: KpiSource): KpiFigure {
  const base = { key: target.key, label: target.label, targetBp: target.targetBp, rule: target.rule };
  if ('nodata' in source) return { ...base, status: 'nodata', numerator: null, denominator: null, rateBp: null, basis: source.nodata };
  const { numerator, denominator, basis } = source;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new RangeError(`bad KPI counts ${numerator}/${denominator}`);
  }
  if (denominator === 0) return { ...base, status: 'nodata', numerator, denominator, rateBp: null, basis: `${basis}（本期无记录）` };
  const rateBp = Math.floor((numerator * 10000) / denominator);
  const met = numerator * 10000 >= target.targetBp * denominator;
  return { ...base, status: met ? 'met' : 'missed', numerator, denominator, rateBp, basis };
}

/** 98.50% from 9850 basis points; 无数据 for none. */
export function formatRate(bp: number | null): string {
  if (bp === null) return '无数据';
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

/** The months a reading cycle reads in (R-HH-03): 每月 every month, 单月 odd months, 双月 even months. */
export function cycleReadsIn(cycle: '每月' | '单月' | '双月', month: number): boolean {
  if (cycle === '每月') return true;
  return cycle === '单月' ? month % 2 === 1 : month % 2 === 0;
}

/** R-TKT-14: a reconciliation row's difference: ticket m³ taken against the m³ settled plus the change of 预存 (R-TKT-09). */
export function ticketDifferenceCenti(ticketVolumeCenti: number, billedVolumeCenti: number, prepaidDeltaCenti: number): number {
  return ticketVolumeCenti - billedVolumeCenti - prepaidDeltaCenti;
}
