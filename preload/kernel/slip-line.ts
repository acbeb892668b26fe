/**
 * A printable line of a receipt: what the pure layouts (check slip, arrears notice, day-close report)
 * produce and the receipt-printer encoder turns into bytes.
 */
export type SlipLine =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'rule' }
  | { kind: 'feed'; lines: number };
