/**
 * What a counter business contributes to the renderer's stores (issue 11 #5): one module per business in this
 * folder exports its descriptor, and `index.ts` registers it by business type. The stores (业务受理 in
 * business-acceptance.ts, 派工/回执 in work-queue.ts) hold the shared steps and ask the descriptor for the rest,
 * so a new business adds a module here instead of another branch in each store.
 */
import type { Input, Output, Result } from '../../../../preload/contract';
import type { AcceptanceState, ExtraValues } from '../business-acceptance';
import type { FormValues, QueueRow } from '../work-queue';

export type Unpaid = Output<'bills.unpaid'>;
type AcceptInput = Input<'businesses.accept'>;

/** The part of the businesses.accept input a field business sets itself (its extras). */
export type AcceptExtras = Partial<Pick<AcceptInput, 'icToOrdinary' | 'icTermsAcknowledged' | 'hoseLength' | 'ownershipChanged' | 'depositTendered' | 'confirmLargeTender'>>;

/** What a business's own submission may read and change in the 业务受理 store. */
export interface AcceptanceContext {
  customer: Unpaid;
  get(): AcceptanceState;
  set(patch: Partial<AcceptanceState>): void;
  /** The form's extras as they are after a save. */
  emptyExtras: ExtraValues;
  /** The refusal shown at its field, or at the business type (`aliases` map the contract's field names). */
  fail(error: { code: string; message: string; field?: string | undefined }, aliases?: Record<string, string>): false;
}

/** 业务受理 of a business that goes to the field (BUSINESS_TYPES): requirement, phone, priority, dispatch later. */
export interface FieldAcceptance {
  kind: 'field';
  /** 点火, 二次点火, 启封: remind the clerk of the cooker's flame-failure device. */
  cookerNotice?: boolean;
  /** The fields its extra panel shows an error at (issue 10 #16), besides the requirement. */
  errorFields?(customer: Unpaid, extras: ExtraValues): string[];
  /** What it adds to businesses.accept. */
  acceptInput?(extras: ExtraValues, confirmTender: boolean): AcceptExtras;
  /** A submission of its own in place of businesses.accept (`accept` sends the ordinary one). */
  submit?(ctx: AcceptanceContext, accept: () => Promise<boolean>): Promise<boolean>;
}

/** 业务受理 of an account change or a record made at the counter (过户, 缴费方式变更, …): no dispatch. */
export interface AccountAction {
  kind: 'account';
  /** Whether the form asks for the contact phone. */
  asksPhone: boolean;
  errorFields(customer: Unpaid, extras: ExtraValues): string[];
  submit(ctx: AcceptanceContext): Promise<boolean>;
}

export type AcceptanceBusiness = FieldAcceptance | AccountAction;

/** The follow-up form (回执后登记) of a finished field business at 派工/回执 (R-RCPT-09, R-RCPT-11). */
export interface FollowUp {
  /** The saved notice: what was registered. */
  what(row: QueueRow): string;
  /** The fields its form shows an error at (issue 10 #16). */
  errorFields: readonly string[];
  save(row: QueueRow, form: FormValues, confirmTender: boolean): Promise<Result<object>>;
}

/** A business dispatched to the field: how it is accepted and what is registered once it is done. */
export interface FieldBusiness {
  acceptance: FieldAcceptance;
  followUp: FollowUp;
}

/** The consumables line of a follow-up form: one item, or none when its name is empty. */
export function consumablesOf(form: FormValues) {
  return form.consumableName.trim() === '' ? [] : [{ name: form.consumableName, unit: form.consumableUnit, quantity: Number(form.consumableQty) }];
}
