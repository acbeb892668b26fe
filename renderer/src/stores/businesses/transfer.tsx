/** 过户登记 (P-TRF) from 业务受理: the account changes owner; the history keeps the old one. */
import { formatVolume } from '../../../../preload/kernel/volume';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { t } from '../../i18n/zh-CN';
import { ConfirmCheck } from '../../windows/fee-collection/ConfirmCheck';
import { accountAction, type PanelProps } from './types';

export type Relative = '' | '配偶' | '父母' | '子女' | '祖父母' | '孙子女';
const RELATIVES: readonly Relative[] = ['', '配偶', '父母', '子女', '祖父母', '孙子女'];

export interface TransferValues {
  newName: string;
  relative: Relative;
  proofShown: boolean;
  invoiceLost: boolean;
  lossDeclaration: boolean;
  tendered: string;
}

export const emptyTransfer: TransferValues = { newName: '', relative: '', proofShown: false, invoiceLost: false, lossDeclaration: false, tendered: '' };

/** 过户登记 (P-TRF): new owner, direct-relative waiver with proof, lost invoice (R-TRF-02/07). */
function TransferFields({ values: transfer, set, error, fieldError, confirmTender, setConfirmTender }: PanelProps<TransferValues>) {
  return (
        <>
          <label>
            新户主姓名
            <input name="newName" value={transfer.newName} onChange={(e) => set({ newName: e.target.value })} />
          </label>
          <FieldError message={fieldError('newName')} id="newName-error" />
          <label>
            直系亲属（免收过户费）
            <select name="relative" value={transfer.relative} onChange={(e) => set({ relative: e.target.value as Relative })}>
              {RELATIVES.map((r) => (
                <option key={r} value={r}>
                  {r === '' ? '否（收过户费 5 元，定额发票）' : r}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            <input type="checkbox" name="proofShown" checked={transfer.proofShown} onChange={(e) => set({ proofShown: e.target.checked })} />
            已出示有效亲属证明
          </label>
          <FieldError message={fieldError('proofShown')} id="proofShown-error" />
          <label className="inline">
            <input type="checkbox" name="invoiceLost" checked={transfer.invoiceLost} onChange={(e) => set({ invoiceLost: e.target.checked })} />
            报装费发票遗失
          </label>
          <label className="inline">
            <input type="checkbox" name="lossDeclaration" checked={transfer.lossDeclaration} onChange={(e) => set({ lossDeclaration: e.target.checked })} />
            已填《报装费发票遗失声明》
          </label>
          <FieldError message={fieldError('lossDeclaration')} id="lossDeclaration-error" />
          {transfer.relative === '' && (
            <label>
              实收过户费（元）
              <input name="transferTendered" value={transfer.tendered} onChange={(e) => set({ tendered: e.target.value })} />
            </label>
          )}
          <FieldError message={fieldError('tendered')} id="tendered-error" />
          <ConfirmCheck
            shown={error?.field === 'tendered' && error.code === 'NEEDS_CONFIRMATION'}
            checked={confirmTender}
            onChange={setConfirmTender}
            label={t.pay.confirmTender}
            name="confirmTransferTender"
          />
        </>
  );
}

export const transfer = accountAction<TransferValues>({
  kind: 'account',
  asksPhone: true,
  form: { defaults: emptyTransfer, tenderFields: ['tendered'], Panel: TransferFields },
  ownDraft: true,
  errorFields: () => ['newName', 'proofShown', 'lossDeclaration', 'tendered'],
  async submit(ctx, values) {
    const accountId = ctx.customer.account.id;
    const { contactPhone, load, confirmTender } = ctx.get();
    const res = await call('accounts.transfer', {
      accountId,
      newName: values.newName,
      contactPhone,
      relative: values.relative === '' ? null : values.relative,
      proofShown: values.proofShown,
      invoiceLost: values.invoiceLost,
      lossDeclaration: values.lossDeclaration,
      tendered: values.tendered.trim() === '' ? null : values.tendered,
      confirmLargeTender: confirmTender,
    });
    // An arrears refusal names the account; show it at the business type like the other refusals.
    if (!res.ok) return ctx.fail(res.error, { accountId: 'type' });
    await load(accountId);
    const done = res.value;
    ctx.set({
      done: `已过户：原户主 ${done.previousName}，结算方数 ${formatVolume(done.settledReading)}${done.slipNo ? `，过户费凭证 ${done.slipNo}` : '，免收过户费'}`,
      values: ctx.clearedValues(),
      busy: false,
      confirmTender: false,
    });
    return true;
  },
});
