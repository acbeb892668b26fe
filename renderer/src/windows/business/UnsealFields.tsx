import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';

/** 启封: the owner's documents, and whether the ownership changed (R-UNSEAL-01/04). */
export function UnsealFields() {
  const state = useBusinessAcceptance();
  const { error, extras } = state;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <div className="hint">启封须户主身份证，他人代办须带身份证复印件，并填写启封申请表 (R-UNSEAL-01/04)</div>
      <label className="inline">
        <input type="checkbox" name="ownershipChanged" checked={extras.ownershipChanged} onChange={(e) => state.setExtras({ ownershipChanged: e.target.checked })} />
        房屋产权已变更（须先过户）
      </label>
      <FieldError message={fieldError('ownershipChanged')} id="ownershipChanged-error" />
    </>
  );
}
