/**
 * The card reader/writer as the app sees it (ARCHITECTURE "Devices"). A vendor driver implements this
 * interface; the reference driver speaks GHC-CARD/1 (PROTOCOL.md).
 */
import type { CardRecord, PurchaseRequest, StatusName } from './codec.js';

export type { CardRecord, PurchaseRequest } from './codec.js';

/** The device answered with a status other than OK: the card is known to be unchanged or as `record` says. */
export class CardStatusError extends Error {
  constructor(
    readonly status: StatusName | 'UNKNOWN',
    readonly record: CardRecord | null,
  ) {
    super(`card reader status ${status}`);
    this.name = 'CardStatusError';
  }
}

export { DeviceDisconnectedError as CardDisconnectedError, DeviceTimeoutError as CardTimeoutError } from '../serial/errors.js';

export interface CardReader {
  identify(): Promise<string>;
  /** Reads the card in the slot (CardStatusError NO_CARD / BLANK_CARD otherwise). */
  read(): Promise<CardRecord>;
  /** Writes a blank card for an account, starting at the given purchase counter. */
  issue(cardNo: string, accountNo: string, counter: number): Promise<CardRecord>;
  /** Compare-and-set purchase on the card (PROTOCOL.md PURCHASE). */
  purchase(request: PurchaseRequest): Promise<CardRecord>;
  close(): Promise<void>;
}
