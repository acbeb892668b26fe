/** What every use case receives: the store, the clock and the signed-in clerk at a counter. */
import type { Db } from '../../db/open.js';
import type { StaffRole } from '../../db/schema.js';
import { DEFAULT_LARGE_VOLUME, type LargeVolumeRule } from '../domain/handheld.js';
import { DEFAULT_LARGE_TENDER, type LargeTenderRule } from '../domain/confirmations.js';
import { ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { DEFAULT_SIGN_IN_THROTTLE, type SignInThrottleSettings } from '../domain/sign-in-throttle.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Actor {
  staffId: string;
  staffName: string;
  role: StaffRole;
  hallId: string;
  hallName: string;
  counterId: string;
  counterCode: string;
  counterName: string;
}

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  settings: Settings;
}

export interface Settings {
  /** a bill is due this many days after its reading is committed. */
  billDueDays: number;
  /** Receipt paper width in display columns (80 mm paper: 48; 58 mm: 32). */
  receiptColumns: number;
  /** A-18 ASSUMPTION: the prescribed meter-test fee (规定的检验费) is not in the seeds; 0 until finance sets it. */
  meterTestFeeFen: Fen;
  /** what a handheld reading must exceed to be flagged 大额方数. */
  largeVolume: LargeVolumeRule;
  /** R-BANK-09: the fee each bank charges per written-off item; not in the seeds (ASSUMPTION: 0 until finance sets it). */
  bankFeePerItemFen: Record<string, Fen>;
  /** issue 10 #5 ASSUMPTION: a tender this far above the cash due needs the clerk's explicit confirmation. */
  largeTender: LargeTenderRule;
  /** Issue 10 #13: the demo store (GAS_DEMO=1): staff may keep the initial password 123456. */
  demoMode: boolean;
  /** Issue 10 #13: back-off and lockout of failed sign-ins per user and per counter. */
  signInThrottle: SignInThrottleSettings;
  /** Issue 15 #4 (R-SEC-18/R-SEC-20, §10 configurable): the complaint phone told to customers, days until the promised answer. */
  complaints: { phone: string; answerDays: number };
  /**
   * Issue 15 #2 (R-SEC-06, §10 configurable) ASSUMPTION: the meter-removal fee (拆表费) a customer pays for a 销户 or
   * temporary removal is named by the seed without an amount; 0 (no fee row) until finance sets it.
   */
  closureRemovalFeeFen: Fen;
}

export const defaultSettings: Settings = { billDueDays: 30, receiptColumns: 48, meterTestFeeFen: ZERO_FEN, largeVolume: DEFAULT_LARGE_VOLUME, bankFeePerItemFen: {}, demoMode: false, signInThrottle: DEFAULT_SIGN_IN_THROTTLE, largeTender: DEFAULT_LARGE_TENDER, complaints: { phone: '', answerDays: 5 }, closureRemovalFeeFen: ZERO_FEN };
