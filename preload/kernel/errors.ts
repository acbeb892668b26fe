/**
 * Typed failures. `code` is stable for programs and tests; `message` is the zh-CN text shown to the clerk;
 * `field` names the input field the message belongs next to.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'LOCKED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ALREADY_REQUESTED'
  | 'ALREADY_DECIDED'
  | 'INVALID_AMOUNT'
  | 'INVALID_VOLUME'
  | 'INSUFFICIENT_TENDER'
  | 'BILL_NOT_PAYABLE'
  | 'AMOUNT_CHANGED'
  | 'READING_BELOW_PREVIOUS'
  | 'NO_TARIFF'
  | 'DAY_CLOSED'
  | 'BAD_CREDENTIALS'
  | 'THROTTLED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PRINTER_FAILED'
  | 'TICKET_REFUSED'
  | 'SPLIT_REQUIRED'
  | 'SOFT_RULE'
  | 'NOT_REVERSIBLE'
  | 'CARD_ERROR'
  | 'CARD_WRITE_UNCERTAIN'
  /** A value far outside the usual: the clerk confirms explicitly and submits again (issue 10 #5). */
  | 'NEEDS_CONFIRMATION'
  | 'NOT_CORRECTABLE'
  /** Issue 15 #2 (R-SEC-06): the account was closed (销户); no later business. */
  | 'ACCOUNT_CLOSED'
  /** Issue 15 #5 (R-SEC-16): the counter is paused (暂停营业, approved by the director); no new transaction. */
  | 'COUNTER_PAUSED'
  /** Issue 12 #3: the first-run setup ran already (staff exist); it is never offered again. */
  | 'SETUP_DONE'
  /** Issue 13 #5: writes wait until the store's integrity check at start has passed. */
  | 'STORE_CHECKING'
  /** Issue 13 #5: the integrity check found the store damaged; it is never written to. */
  | 'STORE_DAMAGED'
  | 'INTERNAL';

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
}
