import { useWorkQueue } from '../../stores/work-queue';
import { Field } from './fields';

/** 波纹管情况 of 其它 (R-HOSE-01/03). */
export function HoseFollowUp() {
  const { form, error } = useWorkQueue();
  const err = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <h3>波纹管情况（普通用户信息）</h3>
      <Field name="hoseInfo" label="波纹管情况（规格、长度、更换日期）" value={form.hoseInfo} error={err('hoseInfo')} />
      <button type="submit" className="primary">
        保存
      </button>
    </>
  );
}
