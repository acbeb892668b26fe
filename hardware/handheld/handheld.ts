/** A handheld meter reader as the app sees it (ARCHITECTURE "Devices"); GHR/1 is the reference driver. */
import type { HandheldStatus, ReadingRecord, RouteRecord } from './codec.js';

export type { ReadingRecord, RouteRecord } from './codec.js';
export { DeviceDisconnectedError, DeviceTimeoutError } from '../serial/errors.js';

export class HandheldStatusError extends Error {
  constructor(readonly status: HandheldStatus | 'UNKNOWN') {
    super(`handheld status ${status}`);
    this.name = 'HandheldStatusError';
  }
}

/** Bytes moved so far out of the total: what the progress bar shows. */
export type Progress = (done: number, total: number) => void;

export interface DownloadedReadings {
  batchId: string;
  crc: number;
  records: ReadingRecord[];
}

export interface Handheld {
  identify(): Promise<string>;
  getClock(): Promise<Date>;
  setClock(at: Date): Promise<void>;
  uploadRoute(batchId: string, records: readonly RouteRecord[], progress?: Progress): Promise<void>;
  /** null when the handheld holds no readings. */
  downloadReadings(progress?: Progress): Promise<DownloadedReadings | null>;
  /** Lets the handheld delete the readings of the batch: only after the host has saved them. */
  commit(batchId: string, crc: number): Promise<void>;
  close(): Promise<void>;
}
