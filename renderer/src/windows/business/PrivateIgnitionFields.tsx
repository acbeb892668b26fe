import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance } from '../../stores/business-acceptance';

/** 点火: 私自点火 (R-PRIV-02/03). */
export function PrivateIgnitionFields() {
  const state = useBusinessAcceptance();
  const { error, extras } = state;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
    <>
      <label className="inline">
        <input
          type="checkbox"
          name="privateIgnition"
          checked={extras.privateIgnition}
          onChange={(e) => state.setExtras({ privateIgnition: e.target.checked })}
        />
        私自点火：收取已用气费；无合同先虚增点火记录 (R-PRIV-02/03)
      </label>
      {extras.privateIgnition && (
        <label>
          抄表员发现时的读数
          <input name="privateReading" value={extras.privateReading} onChange={(e) => state.setExtras({ privateReading: e.target.value })} />
        </label>
      )}
      {extras.privateIgnition && (
        <label className="inline">
          <input type="checkbox" name="privateContract" checked={extras.privateContract} onChange={(e) => state.setExtras({ privateContract: e.target.checked })} />
          已有供气合同，立即补录点火资料 (R-PRIV-02)
        </label>
      )}
      {extras.privateIgnition && extras.privateContract && (
        <>
          <label className="inline">
            <input type="checkbox" name="privateFlame" checked={extras.privateFlame} onChange={(e) => state.setExtras({ privateFlame: e.target.checked })} />
            灶具有熄火保护装置
          </label>
          <label>
            灶具品牌
            <input name="privateCooker" value={extras.privateCooker} onChange={(e) => state.setExtras({ privateCooker: e.target.value })} />
          </label>
        </>
      )}
      <FieldError message={fieldError('privateReading')} id="privateReading-error" />
    </>
  );
}
