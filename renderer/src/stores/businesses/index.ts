/**
 * The registry of counter businesses in the renderer (issue 11 #5, #8), keyed by business type: one line per
 * business. A business that goes to the field is in FIELD_BUSINESSES (its 业务受理 and its follow-up form at
 * 派工/回执); an account change or record made at 业务受理 is in ACCOUNT_ACTIONS. Each business's module in this
 * folder holds its 业务受理 form (values, defaults, panel), its submission and what it shows once done,
 * and, for a field business, its follow-up form at 派工/回执 (values, defaults, form, save).
 */
import type { BusinessType } from '../../../../preload/kernel/enums';
import { hazard } from './hazard';
import { ignition, secondIgnition } from './ignition';
import { install } from './install';
import { meterChange } from './meter-change';
import { meterTest } from './meter-test';
import { modification } from './modification';
import { other } from './other';
import { paymentMethod } from './payment-method';
import { removal, seal, unseal } from './seal';
import { transfer } from './transfer';
import type { AcceptanceBusiness, AccountAction, FieldBusiness } from './types';
import { unifiedInstall } from './unified-install';

export const FIELD_BUSINESSES = {
  安装: install,
  改装: modification,
  点火: ignition,
  二次点火: secondIgnition,
  封表: seal,
  拆表: removal,
  启封: unseal,
  校表: meterTest,
  换表: meterChange,
  其它: other,
} as const satisfies Readonly<Record<BusinessType, FieldBusiness<any>>>;

/** In the order 业务受理 lists them after the field businesses. */
export const ACCOUNT_ACTIONS = {
  过户: transfer,
  缴费方式变更: paymentMethod,
  统一装表: unifiedInstall,
  隐患整改: hazard,
} as const satisfies Record<string, AccountAction>;

export type AccountActionType = keyof typeof ACCOUNT_ACTIONS;
export type AcceptType = BusinessType | AccountActionType;
export const ACCOUNT_ACTION_TYPES = Object.keys(ACCOUNT_ACTIONS) as AccountActionType[];

export function acceptanceOf(type: AcceptType): AcceptanceBusiness {
  return type in ACCOUNT_ACTIONS ? ACCOUNT_ACTIONS[type as AccountActionType] : FIELD_BUSINESSES[type as BusinessType].acceptance;
}

/** Every business's own form values at 业务受理, by type (an object of its module's `form.defaults`). */
export type AcceptValues = Readonly<Record<AcceptType, object>>;

const ACCEPT_TYPES = [...(Object.keys(FIELD_BUSINESSES) as BusinessType[]), ...ACCOUNT_ACTION_TYPES];

export const ACCEPT_VALUE_DEFAULTS = Object.fromEntries(ACCEPT_TYPES.map((type) => [type, acceptanceOf(type).form?.defaults ?? {}])) as AcceptValues;

/**
 * The values after a save of `type`: a business with a draft of its own (过户) clears only its own values and
 * keeps the others'; any other business clears the values of every business but those own drafts.
 */
export function clearedValues(values: AcceptValues, type: AcceptType): AcceptValues {
  const business = acceptanceOf(type);
  if (business.kind === 'account' && business.ownDraft) return { ...values, [type]: ACCEPT_VALUE_DEFAULTS[type] };
  const kept = (t: AcceptType) => { const b = acceptanceOf(t); return b.kind === 'account' && b.ownDraft === true; };
  return Object.fromEntries(ACCEPT_TYPES.map((t) => [t, kept(t) ? values[t] : ACCEPT_VALUE_DEFAULTS[t]])) as AcceptValues;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The follow-up forms' fields at 派工/回执, every field business's (`followUp.defaults`); fields of the same
 * name are shared, e.g. the install and meter-change meter.
 */
export type FollowUpFormValues = UnionToIntersection<{ [K in BusinessType]: (typeof FIELD_BUSINESSES)[K]['followUp']['defaults'] }[BusinessType]>;

export const FOLLOW_UP_FORM_DEFAULTS = Object.assign({}, ...Object.values(FIELD_BUSINESSES).map((b) => b.followUp.defaults)) as FollowUpFormValues;

/** The follow-up fields whose change asks the tender confirmation again, every business's (`followUp.tenderFields`). */
export const FOLLOW_UP_TENDER_FIELDS: readonly string[] = [...new Set(Object.values(FIELD_BUSINESSES).flatMap((b) => b.followUp.tenderFields ?? []))];
