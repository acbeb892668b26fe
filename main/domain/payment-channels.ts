import { BANK_METHODS } from './registration.js';

/** Electronic channels a customer can pay through (信息亭, ATM, 自助终端缴费机, 网站), R-INV-02. */
export const ELECTRONIC_CHANNELS = ['信息亭', 'ATM', '自助终端', '网站'] as const;
export type ElectronicChannel = (typeof ELECTRONIC_CHANNELS)[number];

/** Payments that took no cash at a counter: bank debits and electronic channels (printed in batches, outside the cash report). */
export const OFF_COUNTER_METHODS: readonly string[] = [...BANK_METHODS, ...ELECTRONIC_CHANNELS];
