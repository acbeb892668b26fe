/**
 * Branded entity ids (issue 11 #4): an account id, a bill id and a payment id are all strings in the store, but
 * passing one where another is expected is a compile error. Pure (the UUIDv7 generator is main/ids.ts).
 *
 * A brand is put on once, where the id enters the back end: a database row read by a service, or the contract's
 * input in the IPC handler, with as<Kind>(…). The constructors check nothing (seeded and legacy ids are not all UUIDs).
 */
declare const idBrand: unique symbol;

type Id<Kind extends string> = string & { readonly [idBrand]: Kind };

export type AccountId = Id<'AccountId'>;
export type BillId = Id<'BillId'>;
export type PaymentId = Id<'PaymentId'>;
export type MeterId = Id<'MeterId'>;
export type BusinessId = Id<'BusinessId'>;
/** The IC card's number as printed and written on the card (e.g. "20245555-1"). */
export type CardNo = Id<'CardNo'>;
export type CardWriteId = Id<'CardWriteId'>;

export const asAccountId = (id: string): AccountId => id as AccountId;
export const asBillId = (id: string): BillId => id as BillId;
export const asPaymentId = (id: string): PaymentId => id as PaymentId;
export const asMeterId = (id: string): MeterId => id as MeterId;
export const asBusinessId = (id: string): BusinessId => id as BusinessId;
export const asCardNo = (no: string): CardNo => no as CardNo;
export const asCardWriteId = (id: string): CardWriteId => id as CardWriteId;

export const asBillIds = (ids: readonly string[]): BillId[] => ids.map(asBillId);
