/** 点火 and 二次点火: 私自点火 at acceptance (R-PRIV-02/03), the 点火登记 once done (§3.12, R-RCPT-09). */
import { call } from '../../api/client';
import type { AcceptanceContext, FieldAcceptance, FieldBusiness, FollowUp } from './types';

/** 私自点火 (R-PRIV-03) on the 点火 form. */
export interface PrivateIgnitionValues {
  privateIgnition: boolean;
  privateReading: string;
  privateContract: boolean;
  privateFlame: boolean;
  privateCooker: string;
}
export const privateIgnitionDefaults: PrivateIgnitionValues = {
  privateIgnition: false,
  privateReading: '',
  privateContract: false,
  privateFlame: true,
  privateCooker: '',
};

/** 点火登记 (the ignition form after the receipt). */
export interface IgnitionForm {
  latestReading: string;
  flameFailureDevice: boolean;
  cookerBrand: string;
  cookerYear: string;
  agreementModel: string;
  agreementDirection: '' | '左进' | '右进';
  agreementPhone: string;
  correctMeterData: boolean;
}
export const ignitionFormDefaults: IgnitionForm = {
  latestReading: '',
  flameFailureDevice: true,
  cookerBrand: '',
  cookerYear: '',
  agreementModel: '',
  agreementDirection: '',
  agreementPhone: '',
  correctMeterData: false,
};

/** R-PRIV-03: provisional ignition; the gas already used is billed for 前台收费. */
async function submitPrivateIgnition(ctx: AcceptanceContext): Promise<boolean> {
  const { customer } = ctx;
  const { extras, contactPhone, requirement } = ctx.get();
  const priv = await call('businesses.privateIgnition', {
    accountId: customer.account.id,
    latestReading: extras.privateReading,
    contactPhone,
    requirement,
    contract: extras.privateContract ? { flameFailureDevice: extras.privateFlame, cookerBrand: extras.privateCooker, cookerYear: '' } : null,
  });
  if (!priv.ok) return ctx.fail(priv.error, { latestReading: 'privateReading' });
  await ctx.get().load(customer.account.id);
  ctx.set({ accepted: { ...priv.value, depositSlipNo: null, depositChangeFen: null, print: null }, requirement: '', busy: false, extras: ctx.emptyExtras });
  return true;
}

const ignitionFollowUp: FollowUp = {
  what: (row) => `${row.businessNo} 点火登记`,
  errorFields: ['latestReading', 'cookerBrand', 'cookerYear', 'agreementModel'],
  save: (row, form) =>
    call('followUps.ignition', {
      businessId: row.id,
      latestReading: form.latestReading,
      flameFailureDevice: form.flameFailureDevice,
      cookerBrand: form.cookerBrand,
      cookerYear: form.cookerYear,
      heaterBrand: '',
      heaterOutput: '',
      heaterYear: '',
      heatingBrand: '',
      heatingPower: '',
      heatingYear: '',
      agreementModel: form.agreementModel,
      agreementDirection: form.agreementDirection,
      agreementPhone: form.agreementPhone,
      correctMeterData: form.correctMeterData,
    }),
};

const ignitionAcceptance: FieldAcceptance = {
  kind: 'field',
  cookerNotice: true,
  errorFields: () => ['privateReading'],
  submit: (ctx, accept) => (ctx.get().extras.privateIgnition ? submitPrivateIgnition(ctx) : accept()),
};

export const ignition: FieldBusiness = { acceptance: ignitionAcceptance, followUp: ignitionFollowUp };
export const secondIgnition: FieldBusiness = { acceptance: { kind: 'field', cookerNotice: true }, followUp: ignitionFollowUp };
