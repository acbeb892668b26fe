/**
 * 煤气票(优惠券或提货券) tender (R-TKT-01..12): kind, designated year and quarter, count (实收气票), face
 * value, the name and address written on the back, the soft-rule reason when asked, and 拆分立方数.
 * F6 turns tickets on and off.
 */
import { FieldError } from '../../components/FieldError';
import { TICKET_KINDS } from '../../../../preload/kernel/enums';
import { useFeeCollection } from '../../stores/fee-collection';
import { useTicketTender } from '../../stores/ticket-tender';

export function TicketForm() {
  const d = useTicketTender();
  const { error, splitFirst, busy } = useFeeCollection();
  const fieldError = (...fields: string[]) => (error && fields.includes(error.field) ? error.message : null);
  const coupon = d.kind === '优惠券' || d.kind === '提货券';
  return (
    <fieldset className="tickets">
      <legend>
        <label>
          <input type="checkbox" name="ticketsEnabled" checked={d.enabled} onChange={(e) => d.set({ enabled: e.target.checked })} /> 收取燃气票/优惠券 (F6)
        </label>
      </legend>
      {d.enabled && (
        <>
          <div className="row">
            <label>
              票种
              <select name="ticketKind" value={d.kind} onChange={(e) => d.set({ kind: e.target.value as (typeof TICKET_KINDS)[number] })}>
                {TICKET_KINDS.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              年度
              <input name="ticketYear" inputMode="numeric" size={5} value={d.year} onChange={(e) => d.set({ year: e.target.value })} />
            </label>
            <label>
              季度
              <select name="ticketQuarter" value={d.quarter} onChange={(e) => d.set({ quarter: e.target.value })}>
                <option value="">（只标年度）</option>
                {['1', '2', '3', '4'].map((q) => (
                  <option key={q} value={q}>
                    第{q}季度
                  </option>
                ))}
              </select>
            </label>
            <label>
              实收气票（张）
              <input name="ticketCount" inputMode="numeric" size={4} value={d.count} onChange={(e) => d.set({ count: e.target.value })} />
            </label>
            <label>
              {coupon ? '面值（元/张）' : '票面现金（元/张，无则空）'}
              <input name="ticketFace" inputMode="decimal" size={6} value={d.faceValue} onChange={(e) => d.set({ faceValue: e.target.value })} />
            </label>
          </div>
          <div className="row">
            <label>
              票背面姓名
              <input
                name="ticketBackName"
                value={d.backName}
                onChange={(e) => d.set({ backName: e.target.value })}
                aria-invalid={error?.field === 'ticketBackName' || error?.field === 'ticketBack'}
                aria-describedby="tickets-error"
              />
            </label>
            <label>
              票背面地址
              <input
                name="ticketBackAddress"
                size={24}
                value={d.backAddress}
                onChange={(e) => d.set({ backAddress: e.target.value })}
                aria-invalid={error?.field === 'ticketBackAddress' || error?.field === 'ticketBack'}
                aria-describedby="tickets-error"
              />
            </label>
          </div>
          <FieldError message={fieldError('tickets', 'ticketBack', 'ticketBackName', 'ticketBackAddress', 'faceValue')} id="tickets-error" />
          {error?.field === 'override' && (
            <label>
              原则上不应收票，确需收取请填写原因
              <input name="overrideReason" value={d.overrideReason} onChange={(e) => d.set({ overrideReason: e.target.value })} />
            </label>
          )}
          <FieldError message={fieldError('override')} id="override-error" />
          <div className="row">
            <label>
              拆分立方数（第一笔所选费用）
              <input name="splitVolume" inputMode="decimal" size={6} value={d.split} onChange={(e) => d.set({ split: e.target.value })} />
            </label>
            <button type="button" name="split" disabled={busy || d.split.trim() === ''} onClick={() => void splitFirst(d.split)}>
              拆分缴费保存
            </button>
          </div>
          <FieldError message={fieldError('split', 'billId')} id="split-error" />
        </>
      )}
    </fieldset>
  );
}
