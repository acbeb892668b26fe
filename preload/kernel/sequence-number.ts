/**
 * Meter-reading sequence number (抄表序号), DOMAIN §9.
 * R-SEQ-01 old multi-storey: book 4 + building 2 + unit 1 + room 3 (10 digits)
 * R-SEQ-02 old high-rise:    book 4 + building 2 + unit 1 + room 4 (11 digits)
 * R-SEQ-04 new multi-storey: book 4 + building 2 + unit 2 + room 3 (11 digits)
 * R-SEQ-05 new high-rise:    book 4 + building 2 + unit 2 + room 4 (12 digits)
 * R-SEQ-03: in the old area the unit's leading 0 is dropped ("01" → "1"); units ≥ 10 are refused.
 * building left-padded to 2 digits, rooms left-padded to their width.
 */
import { DomainError } from './errors.js';

export type AreaType = '老' | '新';
export type SeqBuildingType = '多层' | '高层';

export interface SeqParts {
  book: string;
  building: string;
  unit: string;
  room: string;
}

function digits(value: string, max: number, field: string, label: string): string {
  const v = value.trim();
  if (!/^\d+$/.test(v) || v.length > max) {
    throw new DomainError('VALIDATION', `${label}必须是不超过${max}位的数字: "${value}"`, field);
  }
  return v.padStart(max, '0');
}

/** R-VAL-12: the 抄表序号 of the stored area and building type, in one of the four formats of §9 or refused. */
export function formatSeqNo(area: AreaType, building: SeqBuildingType, parts: SeqParts): string {
  const book = parts.book.trim();
  if (!/^\d{4}$/.test(book)) throw new DomainError('VALIDATION', `抄表册号必须是4位数字: "${parts.book}"`, 'seqBook');
  const bldg = digits(parts.building, 2, 'seqBuilding', '幢号');
  let unit: string;
  if (area === '老') {
    const n = Number(digits(parts.unit, 2, 'seqUnit', '单元'));
    if (n < 1 || n > 9) throw new DomainError('VALIDATION', `老区域单元号只能是1-9: "${parts.unit}" (A-44)`, 'seqUnit');
    unit = String(n);
  } else {
    unit = digits(parts.unit, 2, 'seqUnit', '单元');
  }
  const room = digits(parts.room, building === '多层' ? 3 : 4, 'seqRoom', '房号');
  return `${book}${bldg}${unit}${room}`;
}
