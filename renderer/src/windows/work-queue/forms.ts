/**
 * The follow-up form 派工/回执 shows for a finished business (issue 11 #5), beside its rules in
 * renderer/src/stores/businesses (what it saves, its error fields).
 */
import type { ComponentType } from 'react';
import type { BusinessType } from '../../../../preload/kernel/enums';
import type { QueueRow } from '../../stores/work-queue';
import { HoseFollowUp } from './HoseFollowUp';
import { IgnitionFollowUp } from './IgnitionFollowUp';
import { InstallFollowUp } from './InstallFollowUp';
import { MeterChangeFollowUp } from './MeterChangeFollowUp';
import { MeterTestFollowUp } from './MeterTestFollowUp';
import { ModificationFollowUp } from './ModificationFollowUp';
import { RectificationConsumables } from './RectificationConsumables';
import { SealFollowUp } from './SealFollowUp';

export const FOLLOW_UP_FORMS: Readonly<Record<BusinessType, ComponentType<{ row: QueueRow }>>> = {
  安装: InstallFollowUp,
  改装: ModificationFollowUp,
  点火: IgnitionFollowUp,
  二次点火: IgnitionFollowUp,
  封表: SealFollowUp,
  拆表: SealFollowUp,
  启封: SealFollowUp,
  校表: MeterTestFollowUp,
  换表: MeterChangeFollowUp,
  其它: HoseFollowUp,
};

/** R-RCPT-10: after a failed ignition (待重新派工), the rectification's consumables go on the install/modify form. */
export const AWAITING_REDISPATCH_PANELS: Readonly<Partial<Record<BusinessType, ComponentType<{ row: QueueRow }>>>> = {
  点火: RectificationConsumables,
  二次点火: RectificationConsumables,
};
