/**
 * The panel 业务受理 shows for a business (issue 11 #5), beside the rules of renderer/src/stores/businesses:
 * every account action has its own; a field business may add fields above the requirement.
 */
import type { ComponentType } from 'react';
import type { BusinessType } from '../../../../main/domain/work-order';
import type { AcceptType, AccountActionType } from '../../stores/businesses';
import { DepositFields } from './DepositFields';
import { HazardFields } from './HazardFields';
import { HoseFields } from './HoseFields';
import { IcToOrdinaryFields } from './IcToOrdinaryFields';
import { PaymentMethodFields } from './PaymentMethodFields';
import { PrivateIgnitionFields } from './PrivateIgnitionFields';
import { UnifiedInstallFields } from './UnifiedInstallFields';
import { UnsealFields } from './UnsealFields';

export const ACCOUNT_ACTION_PANELS: Readonly<Partial<Record<AccountActionType, ComponentType>>> = {
  缴费方式变更: PaymentMethodFields,
  统一装表: UnifiedInstallFields,
  隐患整改: HazardFields,
};

export const FIELD_BUSINESS_PANELS: Readonly<Partial<Record<BusinessType, ComponentType>>> = {
  点火: PrivateIgnitionFields,
  启封: UnsealFields,
  校表: DepositFields,
  换表: IcToOrdinaryFields,
  其它: HoseFields,
};

export function panelOf(type: AcceptType): ComponentType | undefined {
  return type in ACCOUNT_ACTION_PANELS ? ACCOUNT_ACTION_PANELS[type as AccountActionType] : FIELD_BUSINESS_PANELS[type as BusinessType];
}
