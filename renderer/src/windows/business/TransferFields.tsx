import { FieldError } from '../../components/FieldError';
import { useBusinessAcceptance, type Relative } from '../../stores/business-acceptance';
import { ConfirmCheck } from '../fee-collection/ConfirmCheck';
import { t } from '../../i18n/zh-CN';
const RELATIVES: readonly Relative[] = ['', '配偶', '父母', '子女', '祖父母', '孙子女'];

/** 过户登记 (P-TRF): new owner, direct-relative waiver with proof, lost invoice (R-TRF-02/07). */
export function TransferFields() {
  const state = useBusinessAcceptance();
  const { error, transfer } = state;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  return (
        <>
          <label>
            新户主姓名
            <input name="newName" value={transfer.newName} onChange={(e) => state.setTransfer({ newName: e.target.value })} />
          </label>
          <FieldError message={fieldError('newName')} id="newName-error" />
          <label>
            直系亲属（免收过户费）
            <select name="relative" value={transfer.relative} onChange={(e) => state.setTransfer({ relative: e.target.value as Relative })}>
              {RELATIVES.map((r) => (
                <option key={r} value={r}>
                  {r === '' ? '否（收过户费 5 元，定额发票）' : r}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" name="proofShown" checked={transfer.proofShown} onChange={(e) => state.setTransfer({ proofShown: e.target.checked })} />
            已出示有效亲属证明
          </label>
          <FieldError message={fieldError('proofShown')} id="proofShown-error" />
          <label className="inline">
            <input type="checkbox" name="invoiceLost" checked={transfer.invoiceLost} onChange={(e) => state.setTransfer({ invoiceLost: e.target.checked })} />
            报装费发票遗失
          </label>
          <label className="inline">
            <input type="checkbox" name="lossDeclaration" checked={transfer.lossDeclaration} onChange={(e) => state.setTransfer({ lossDeclaration: e.target.checked })} />
            已填《报装费发票遗失声明》
          </label>
          <FieldError message={fieldError('lossDeclaration')} id="lossDeclaration-error" />
          {transfer.relative === '' && (
            <label>
              实收过户费（元）
              <input name="transferTendered" value={transfer.tendered} onChange={(e) => state.setTransfer({ tendered: e.target.value })} />
            </label>
          )}
          <FieldError message={fieldError('tendered')} id="tendered-error" />
          <ConfirmCheck
            shown={error?.field === 'tendered' && error.code === 'NEEDS_CONFIRMATION'}
            checked={state.confirmTender}
            onChange={state.setConfirmTender}
            label={t.pay.confirmTender}
            name="confirmTransferTender"
          />
        </>
  );
}
