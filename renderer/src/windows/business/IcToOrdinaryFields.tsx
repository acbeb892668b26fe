import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';

/** 换表: IC卡表故障换普通表 for an IC-card customer (R-ICM-01). */
export function IcToOrdinaryFields() {
  const state = useBusinessAcceptance();
  const { error, extras, customer } = state;
  if (customer?.account.customerType !== 'IC卡') return null;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <label className="inline">
        <input type="checkbox" name="icToOrdinary" checked={extras.icToOrdinary} onChange={(e) => state.setExtras({ icToOrdinary: e.target.checked })} />
        IC卡表故障换普通表
      </label>
      <FieldError message={fieldError('icToOrdinary')} id="icToOrdinary-error" />
      {extras.icToOrdinary && (
        <label className="inline">
          <input
            type="checkbox"
            name="icTermsAcknowledged"
            checked={extras.icTermsAcknowledged}
            onChange={(e) => state.setExtras({ icTermsAcknowledged: e.target.checked })}
          />
          已告知：表价差200元不退，以后不能再换回IC卡表 (R-ICM-01)
        </label>
      )}
      <FieldError message={fieldError('icTermsAcknowledged')} id="icTermsAcknowledged-error" />
    </>
  );
}
