/** 换表: IC卡表故障换普通表 at acceptance (R-ICM-01), the 换表单 once done (R-VOL-01). */
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { ConsumableFields, DirectionSelect, Field, useQueueForm } from '../../windows/work-queue/fields';
import { meterFormDefaults, type MeterForm } from './install';
import { consumablesOf, fieldAcceptance, type FieldBusiness, type PanelProps } from './types';

export interface IcToOrdinaryValues {
  icToOrdinary: boolean;
  icTermsAcknowledged: boolean;
}
export const icToOrdinaryDefaults: IcToOrdinaryValues = { icToOrdinary: false, icTermsAcknowledged: false };

/** 换表: IC卡表故障换普通表 for an IC-card customer (R-ICM-01). */
function IcToOrdinaryFields({ customer, values: extras, set, fieldError }: PanelProps<IcToOrdinaryValues>) {
  if (customer.account.customerType !== 'IC卡') return null;
  return (
    <>
      <label className="inline">
        <input type="checkbox" name="icToOrdinary" checked={extras.icToOrdinary} onChange={(e) => set({ icToOrdinary: e.target.checked })} />
        IC卡表故障换普通表
      </label>
      <FieldError message={fieldError('icToOrdinary')} id="icToOrdinary-error" />
      {extras.icToOrdinary && (
        <label className="inline">
          <input
            type="checkbox"
            name="icTermsAcknowledged"
            checked={extras.icTermsAcknowledged}
            onChange={(e) => set({ icTermsAcknowledged: e.target.checked })}
          />
          已告知：表价差200元不退，以后不能再换回IC卡表 (R-ICM-01)
        </label>
      )}
      <FieldError message={fieldError('icTermsAcknowledged')} id="icTermsAcknowledged-error" />
    </>
  );
}

export interface MeterChangeForm extends MeterForm {
  oldActualReading: string;
  newReading: string;
  /** R-VOL-04: 换表, 临时表 (the original sent for test), 复装原表 (the original passed). */
  replacementKind: '换表' | '临时表' | '复装原表';
  /** R-VOL-03: an IC meter's recharged m³. */
  icRecharged: string;
  /** R-VOL-04: m³ credited on the temporary meter, its approval form's number and the hall manager signing in. */
  creditVolume: string;
  creditApprovalNo: string;
  creditApproverLogin: string;
  creditApproverPassword: string;
}
export const meterChangeFormDefaults: MeterChangeForm = {
  ...meterFormDefaults,
  oldActualReading: '',
  newReading: '',
  replacementKind: '换表',
  icRecharged: '',
  creditVolume: '',
  creditApprovalNo: '',
  creditApproverLogin: '',
  creditApproverPassword: '',
};

/** The fields of the temporary meter's credit (R-VOL-04). */
const CREDIT_FIELDS = ['credit', 'creditApprovalNo', 'approver'];

/** 换表单 (附件6, R-VOL-01). */
function MeterChangeFollowUp() {
  const { form, setForm, error } = useQueueForm();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>换表单</h3>
      <div className="hint">旧表实际读数大于系统最新读数时，差额气费先生成未缴记录，请到前台收费收取 (R-VOL-01)</div>
      <label>
        换表类型
        <select name="replacementKind" value={form.replacementKind} onChange={(e) => setForm({ replacementKind: e.target.value as MeterChangeForm['replacementKind'] })}>
          <option value="换表">换表</option>
          <option value="临时表">装临时表（原表送检）</option>
          <option value="复装原表">复装原表（原表检测合格）</option>
        </select>
      </label>
      <FieldError message={err('replacementKind')} id="replacementKind-error" />
      <Field name="oldActualReading" label={form.replacementKind === '复装原表' ? '临时表实际读数' : '旧表实际读数'} value={form.oldActualReading} error={err('oldActualReading')} />
      <Field name="icRecharged" label="IC卡表：已充值方数（备注记表实际、已充值、需补气方数）" value={form.icRecharged} error={err('icRecharged')} />
      <Field name="model" label={form.replacementKind === '复装原表' ? `原表${t.queue.model}` : `新表${t.queue.model}`} value={form.model} error={err('model')} />
      <Field name="meterNo" label={form.replacementKind === '复装原表' ? `原表${t.queue.meterNo}` : `新表${t.queue.meterNo}`} value={form.meterNo} error={err('meterNo')} />
      <DirectionSelect />
      <Field name="newReading" label={form.replacementKind === '复装原表' ? '原表读数' : '新表读数'} value={form.newReading} error={err('newReading')} />
      {/* the credit's fields, also whenever an answer names one of them (never a swallowed error) */}
      {(form.replacementKind === '复装原表' || CREDIT_FIELDS.includes(error?.field ?? '')) && (
        <fieldset>
          <legend>临时表补减气量（须《用户气费数据修改、退(收)费审批表》经主任审批，R-VOL-04）</legend>
          <Field name="creditVolume" label="补减方数" value={form.creditVolume} error={err('credit')} />
          <Field name="creditApprovalNo" label="审批表编号" value={form.creditApprovalNo} error={err('creditApprovalNo')} />
          <Field name="creditApproverLogin" label="主任工号" value={form.creditApproverLogin} error={null} />
          <label>
            主任密码
            <input name="creditApproverPassword" type="password" value={form.creditApproverPassword} onChange={(e) => setForm({ creditApproverPassword: e.target.value })} />
          </label>
          <FieldError message={err('approver')} id="creditApprover-error" />
        </fieldset>
      )}
      <ConsumableFields />
      <button type="submit" className="primary">
        保存换表单
      </button>
    </>
  );
}

export const meterChange: FieldBusiness<MeterChangeForm> = {
  acceptance: fieldAcceptance<IcToOrdinaryValues>({
    kind: 'field',
    form: { defaults: icToOrdinaryDefaults, Panel: IcToOrdinaryFields },
    errorFields: (customer, extras) =>
      customer.account.customerType === 'IC卡' ? ['icToOrdinary', ...(extras.icToOrdinary ? ['icTermsAcknowledged'] : [])] : [],
    acceptInput: (extras) => ({ icToOrdinary: extras.icToOrdinary, icTermsAcknowledged: extras.icTermsAcknowledged }),
  }),
  followUp: {
    what: (row) => `${row.businessNo} 换表单登记`,
    errorFields: ['replacementKind', 'oldActualReading', 'icRecharged', 'model', 'meterNo', 'newReading', 'credit', 'creditApprovalNo', 'approver'],
    defaults: meterChangeFormDefaults,
    Form: MeterChangeFollowUp,
    save: (row, form) =>
      call('followUps.meterChange', {
        businessId: row.id,
        oldActualReading: form.oldActualReading,
        model: form.model,
        meterNo: form.meterNo,
        direction: form.direction,
        newReading: form.newReading,
        consumables: consumablesOf(form),
        replacementKind: form.replacementKind,
        icRecharged: form.icRecharged,
        creditVolume: form.creditVolume,
        creditApprovalNo: form.creditApprovalNo,
        ...(form.creditVolume.trim() && form.replacementKind === '复装原表' ? { approver: { login: form.creditApproverLogin, password: form.creditApproverPassword } } : {}),
      }),
  },
};
