/** 点火 and 二次点火: 私自点火 at acceptance (R-PRIV-02/03), the 点火登记 once done (§3.12, R-RCPT-09). */
import { useState } from 'react';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import type { QueueRow } from '../work-queue';
import { Field, useQueueForm } from '../../windows/work-queue/fields';
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

/** 点火登记 of 点火 and 二次点火 (§3.12), with the agreement checked against the install form (R-RCPT-09). */
function IgnitionFollowUp() {
  const { form, setForm, error } = useQueueForm();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>{t.queue.ignition}</h3>
      <Field name="latestReading" label={t.queue.latestReading} value={form.latestReading} error={err('latestReading')} />
      <label className="inline">
        <input type="checkbox" name="flameFailureDevice" checked={form.flameFailureDevice} onChange={(e) => setForm({ flameFailureDevice: e.target.checked })} />
        {t.queue.flameFailure}
      </label>
      <Field name="cookerBrand" label={t.queue.cookerBrand} value={form.cookerBrand} error={err('cookerBrand')} />
      <Field name="cookerYear" label={t.queue.cookerYear} value={form.cookerYear} error={err('cookerYear')} />
      <Field name="agreementModel" label="点火单上的表型号（与安装单核对）" value={form.agreementModel} error={err('agreementModel')} />
      <label>
        点火单上的表方向
        <select
          name="agreementDirection"
          value={form.agreementDirection}
          onChange={(e) => setForm({ agreementDirection: e.target.value === '左进' || e.target.value === '右进' ? e.target.value : '' })}
        >
          <option value="">（未注明）</option>
          <option value="左进">左进</option>
          <option value="右进">右进</option>
        </select>
      </label>
      <Field name="agreementPhone" label="点火单上的联系电话（不同则新增）" value={form.agreementPhone} error={null} />
      <label className="inline">
        <input type="checkbox" name="correctMeterData" checked={form.correctMeterData} onChange={(e) => setForm({ correctMeterData: e.target.checked })} />
        已核对安装日期和照片，安装单有误，按点火单更正 (R-RCPT-09)
      </label>
      <button type="submit" className="primary">
        {t.queue.saveIgnition}
      </button>
    </>
  );
}

/** R-RCPT-10: after a failed ignition, the rectification's consumables go on the install/modify form. */
function RectificationConsumables({ row }: { row: QueueRow }) {
  const [name, setName] = useState('');
  const [qty, setQty] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async () => {
    const res = await call('followUps.rectificationConsumables', {
      ignitionBusinessId: row.id,
      consumables: name.trim() === '' ? [] : [{ name, unit: '个', quantity: Number(qty) }],
    });
    setMessage(res.ok ? { ok: true, text: `已记入安装/改装单 ${res.value.formBusinessNo}` } : { ok: false, text: res.error.message });
  };
  return (
    <details className="panel">
      <summary>点火未成功：整改耗材（记入安装单）</summary>
      <label>
        耗材名称
        <input name="rectConsumable" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        数量
        <input name="rectQty" value={qty} onChange={(e) => setQty(e.target.value)} />
      </label>
      {message && (message.ok ? <div className="paid">{message.text}</div> : <FieldError message={message.text} id="rect-error" />)}
      <button type="button" onClick={() => void save()}>
        保存耗材
      </button>
    </details>
  );
}

const ignitionFollowUp: FollowUp<IgnitionForm> = {
  what: (row) => `${row.businessNo} 点火登记`,
  errorFields: ['latestReading', 'cookerBrand', 'cookerYear', 'agreementModel'],
  defaults: ignitionFormDefaults,
  Form: IgnitionFollowUp,
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

export const ignition: FieldBusiness<IgnitionForm> = { acceptance: ignitionAcceptance, followUp: ignitionFollowUp, AwaitingRedispatch: RectificationConsumables };
export const secondIgnition: FieldBusiness<IgnitionForm> = {
  acceptance: { kind: 'field', cookerNotice: true },
  followUp: ignitionFollowUp,
  AwaitingRedispatch: RectificationConsumables,
};
