/** 点火 and 二次点火: 私自点火 at acceptance (R-PRIV-02/03), the 点火登记 once done (§3.12, R-RCPT-09). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { fieldAcceptance, type AcceptanceContext, type FieldBusiness, type FollowUp, type PanelProps } from './types';

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

/** 点火: 私自点火 (R-PRIV-02/03). */
function PrivateIgnitionFields({ values: extras, set, fieldError }: PanelProps<PrivateIgnitionValues>) {
  return (
    <>
      <label className="inline">
        <input
          type="checkbox"
          name="privateIgnition"
          checked={extras.privateIgnition}
          onChange={(e) => set({ privateIgnition: e.target.checked })}
        />
        私自点火：收取已用气费；无合同先虚增点火记录 (R-PRIV-02/03)
      </label>
      {extras.privateIgnition && (
        <label>
          抄表员发现时的读数
          <input name="privateReading" value={extras.privateReading} onChange={(e) => set({ privateReading: e.target.value })} />
        </label>
      )}
      {extras.privateIgnition && (
        <label className="inline">
          <input type="checkbox" name="privateContract" checked={extras.privateContract} onChange={(e) => set({ privateContract: e.target.checked })} />
          已有供气合同，立即补录点火资料 (R-PRIV-02)
        </label>
      )}
      {extras.privateIgnition && extras.privateContract && (
        <>
          <label className="inline">
            <input type="checkbox" name="privateFlame" checked={extras.privateFlame} onChange={(e) => set({ privateFlame: e.target.checked })} />
            灶具有熄火保护装置
          </label>
          <label>
            灶具品牌
            <input name="privateCooker" value={extras.privateCooker} onChange={(e) => set({ privateCooker: e.target.value })} />
          </label>
        </>
      )}
      <FieldError message={fieldError('privateReading')} id="privateReading-error" />
    </>
  );
}

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
async function submitPrivateIgnition(ctx: AcceptanceContext, extras: PrivateIgnitionValues): Promise<boolean> {
  const { customer } = ctx;
  const { contactPhone, requirement } = ctx.get();
  const priv = await call('businesses.privateIgnition', {
    accountId: customer.account.id,
    latestReading: extras.privateReading,
    contactPhone,
    requirement,
    contract: extras.privateContract ? { flameFailureDevice: extras.privateFlame, cookerBrand: extras.privateCooker, cookerYear: '' } : null,
  });
  if (!priv.ok) return ctx.fail(priv.error, { latestReading: 'privateReading' });
  await ctx.get().load(customer.account.id);
  ctx.set({ accepted: { ...priv.value, depositSlipNo: null, depositChangeFen: null, print: null }, requirement: '', busy: false, values: ctx.clearedValues() });
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

const ignitionAcceptance = fieldAcceptance<PrivateIgnitionValues>({
  kind: 'field',
  cookerNotice: true,
  form: { defaults: privateIgnitionDefaults, Panel: PrivateIgnitionFields },
  errorFields: () => ['privateReading'],
  submit: (ctx, values, accept) => (values.privateIgnition ? submitPrivateIgnition(ctx, values) : accept()),
});

export const ignition: FieldBusiness = { acceptance: ignitionAcceptance, followUp: ignitionFollowUp };
export const secondIgnition: FieldBusiness = { acceptance: { kind: 'field', cookerNotice: true }, followUp: ignitionFollowUp };
