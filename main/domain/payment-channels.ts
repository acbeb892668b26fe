import { ELECTRONIC_CHANNELS } from '../../preload/kernel/enums.js';
import { BANK_METHODS } from './registration.js';


/** Payments that took no cash at a counter: bank debits and electronic channels (printed in batches, outside the cash report). */
export const OFF_COUNTER_METHODS: readonly string[] = [...BANK_METHODS, ...ELECTRONIC_CHANNELS];
