/**
 * ESC/POS real-time status, DLE EOT n (0x10 0x04 n), as hardware/printer/PROTOCOL.md lists it. Each answer
 * is one byte with bits 0 and 7 clear and bits 1 and 4 set (0x12); the other bits say:
 *   n=1 printer status   bit 3 (0x08) offline
 *   n=2 offline cause    bit 2 (0x04) cover open · bit 3 (0x08) paper fed by the button · bit 5 (0x20)
 *                        printing stopped by paper end · bit 6 (0x40) error
 *   n=4 paper sensor     bits 2,3 (0x0C) roll paper near end · bits 5,6 (0x60) roll paper end
 */
import type { PrinterFault } from './printer.js';

export const DLE_EOT = (n: 1 | 2 | 4): Buffer => Buffer.from([0x10, 0x04, n]);

export const STATUS_FIXED_MASK = 0x93;
export const STATUS_FIXED = 0x12;
export const S1_OFFLINE = 0x08;
export const S2_COVER_OPEN = 0x04;
export const S2_FEED_BUTTON = 0x08;
export const S2_PAPER_END_STOP = 0x20;
export const S2_ERROR = 0x40;
export const S4_NEAR_END = 0x0c;
export const S4_PAPER_END = 0x60;

export function isStatusByte(b: number): boolean {
  return (b & STATUS_FIXED_MASK) === STATUS_FIXED;
}

/** The three answers of one status check. */
export interface RawStatus {
  printer: number;
  offlineCause: number;
  paper: number;
}

export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
}

export function decodeStatus(raw: RawStatus): PrinterStatus {
  return {
    online: (raw.printer & S1_OFFLINE) === 0,
    coverOpen: (raw.offlineCause & S2_COVER_OPEN) !== 0,
    paperOut: (raw.paper & S4_PAPER_END) !== 0 || (raw.offlineCause & S2_PAPER_END_STOP) !== 0,
    paperNearEnd: (raw.paper & S4_NEAR_END) !== 0,
    error: (raw.offlineCause & S2_ERROR) !== 0,
  };
}

/** The fault that stops a job, most specific first (an open cover also reads as offline and often as paper end). */
export function faultOf(status: PrinterStatus): PrinterFault | null {
  if (status.coverOpen) return 'cover-open';
  if (status.paperOut) return 'paper-out';
  if (status.error) return 'error';
  if (!status.online) return 'offline';
  return null;
}

/** The bytes a printer in this state answers (the simulators use it). */
export function encodeStatus(n: 1 | 2 | 4, s: PrinterStatus): number {
  const offline = !s.online || s.coverOpen || s.paperOut || s.error;
  if (n === 1) return STATUS_FIXED | (offline ? S1_OFFLINE : 0);
  if (n === 2) return STATUS_FIXED | (s.coverOpen ? S2_COVER_OPEN : 0) | (s.paperOut ? S2_PAPER_END_STOP : 0) | (s.error ? S2_ERROR : 0);
  return STATUS_FIXED | (s.paperNearEnd || s.paperOut ? S4_NEAR_END : 0) | (s.paperOut ? S4_PAPER_END : 0);
}
