/** 过户登记 (P-TRF) from 业务受理: the account changes owner; the history keeps the old one. */
import { call } from '../../api/client';
import type { AccountAction } from './types';

export type Relative = '' | '配偶' | '父母' | '子女' | '祖父母' | '孙子女';

export interface TransferValues {
  newName: string;
  relative: Relative;
  proofShown: boolean;
  invoiceLost: boolean;
  lossDeclaration: boolean;
  tendered: string;
}

export const emptyTransfer: TransferValues = { newName: '', relative: '', proofShown: false, invoiceLost: false, lossDeclaration: false, tendered: '' };

export const transfer: AccountAction = {
  kind: 'account',
  asksPhone: true,
  errorFields: () => ['newName', 'proofShown', 'lossDeclaration', 'tendered'],
  async submit(ctx) {
    const accountId = ctx.customer.account.id;
    const { transfer: values, contactPhone, load, confirmTender } = ctx.get();
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
    ctx.set({ transferred: res.value, transfer: emptyTransfer, busy: false, confirmTender: false });
    return true;
  },
};
