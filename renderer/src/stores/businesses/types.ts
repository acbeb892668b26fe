/**
 * What a counter business contributes to the renderer's stores (issue 11 #5): one module per business in this
 * folder exports its descriptor, and `index.ts` registers it by business type. The stores (业务受理 in
 * business-acceptance.ts, 派工/回执 in work-queue.ts) hold the shared steps and ask the descriptor for the rest,
 * so a new business adds a module here instead of another branch in each store.
 */
import type { ComponentType } from 'react';
import type { Input, Output, Result } from '../../../../preload/contract';
import type { AcceptanceState, AcceptValues, FieldError } from '../business-acceptance';
import type { QueueRow } from '../work-queue';

export type Unpaid = Output<'bills.unpaid'>;
type AcceptInput = Input<'businesses.accept'>;

/** The part of the businesses.accept input a field business sets itself (its extras). */
export type AcceptExtras = Partial<Pick<AcceptInput, 'icToOrdinary' | 'icTermsAcknowledged' | 'hoseLength' | 'ownershipChanged' | 'depositTendered' | 'confirmLargeTender'>>;

/** What a business's own submission may read and change in the 业务受理 store. */
export interface AcceptanceContext {
  customer: Unpaid;
  get(): AcceptanceState;
  set(patch: Partial<AcceptanceState>): void;
  /** The businesses' values as they are after this business's save (see AccountAction.ownDraft). */
  clearedValues(): AcceptValues;
  /** The refusal shown at its field, or at the business type (`aliases` map the contract's field names). */
  fail(error: { code: string; message: string; field?: string | undefined }, aliases?: Record<string, string>): false;
}

/** What 业务受理 hands a business's panel: its own values and setter, the error, the tender confirmation. */
export interface PanelProps<V> {
  customer: Unpaid;
  values: V;
  set(patch: Partial<V>): void;
  error: FieldError | null;
  /** The error's message when it belongs at `field`. */
  fieldError(field: string): string | null;
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
}

/** A business's own form at 业务受理: its values with their defaults, and the panel that edits them. */
export interface OwnForm<V extends object> {
  defaults: V;
  /** The values whose change asks the tender confirmation again (issue 10 #5). */
  tenderFields?: readonly (keyof V & string)[];
  Panel: ComponentType<PanelProps<V>>;
}

/** 业务受理 of a business that goes to the field (BUSINESS_TYPES): requirement, phone, priority, dispatch later. */
export interface FieldAcceptance<V extends object = object> {
  kind: 'field';
  /** Its own form (values, defaults, the panel shown above the requirement). */
  form?: OwnForm<V>;
  /** 点火, 二次点火, 启封: remind the clerk of the cooker's flame-failure device. */
  cookerNotice?: boolean;
  /** The fields its panel shows an error at (issue 10 #16), besides the requirement. */
  errorFields?(customer: Unpaid, values: V): string[];
  /** What it adds to businesses.accept. */
  acceptInput?(values: V, confirmTender: boolean): AcceptExtras;
  /** A submission of its own in place of businesses.accept (`accept` sends the ordinary one). */
  submit?(ctx: AcceptanceContext, values: V, accept: () => Promise<boolean>): Promise<boolean>;
}

/** Defines a field business's acceptance, typing its values from its form; the registry holds it with the values erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fieldAcceptance<V extends object>(acceptance: FieldAcceptance<V>): FieldAcceptance<any> {
  return acceptance;
}

/**
 * 业务受理 of an account change or a record made at the counter (过户, 缴费方式变更, …): no dispatch. Its submit
 * ends with ctx.set({ done: '<what was done>', … }), the status line the window shows.
 */
export interface AccountAction<V extends object = object> {
  kind: 'account';
  /** Whether the form asks for the contact phone. */
  asksPhone: boolean;
  /** Its own form (values, defaults, panel). */
  form?: OwnForm<V>;
  /** A save of another business leaves its values, and its save clears only its own (过户's form, as before issue 11). */
  ownDraft?: boolean;
  errorFields(customer: Unpaid, values: V): string[];
  submit(ctx: AcceptanceContext, values: V): Promise<boolean>;
}

/** Defines an account action, typing its values from its form; the registry holds it with the values erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function accountAction<V extends object>(action: AccountAction<V>): AccountAction<any> {
  return action;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AcceptanceBusiness = FieldAcceptance<any> | AccountAction<any>;

/** The follow-up form (回执后登记) of a finished field business at 派工/回执 (R-RCPT-09, R-RCPT-11). */
export interface FollowUp<F extends object = object> {
  /** The saved notice: what was registered. */
  what(row: QueueRow): string;
  /** The fields its form shows an error at (issue 10 #16). */
  errorFields: readonly string[];
  /**
   * Its form's values and their defaults, part of the window's one form (a name another business's form also
   * has is the same field, e.g. the meter of 安装 and 换表).
   */
  defaults: F;
  /** The fields whose change asks the tender confirmation again (issue 10 #5). */
  tenderFields?: readonly (keyof F & string)[];
  /** Its form (fields from windows/work-queue/fields.tsx, which read the window's form). */
  Form: ComponentType<{ row: QueueRow }>;
  save(row: QueueRow, form: F, confirmTender: boolean): Promise<Result<object>>;
}

/** A business dispatched to the field: how it is accepted and what is registered once it is done. */
export interface FieldBusiness<F extends object = object> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  acceptance: FieldAcceptance<any>;
  followUp: FollowUp<F>;
  /** What 派工/回执 offers beside a row whose job failed and waits for a new dispatch (待重新派工). */
  AwaitingRedispatch?: ComponentType<{ row: QueueRow }>;
}

/** The consumables line of the install, meter-change and modification forms. */
export interface ConsumablesForm {
  consumableName: string;
  consumableUnit: string;
  consumableQty: string;
}
export const consumablesFormDefaults: ConsumablesForm = { consumableName: '', consumableUnit: '米', consumableQty: '' };

/** The consumables line of a follow-up form: one item, or none when its name is empty. */
export function consumablesOf(form: ConsumablesForm) {
  return form.consumableName.trim() === '' ? [] : [{ name: form.consumableName, unit: form.consumableUnit, quantity: Number(form.consumableQty) }];
}
