/**
 * What an IC-card meter census asks the clerk to submit (DOMAIN §7.5). A 通气 meter whose purchases are not
 * remaining + used is replaced urgently (R-CENS-03). A 装表 meter with no accepted ignition and no ignition
 * agreement on file is used privately (私自通气, R-CENS-04): when the check is normal an urgent 点火 to sign the
 * agreement; when it is not, both the 换表 and the 点火, both urgent.
 */
export const CENSUS_IGNITION_NOTE = '该户为抄表员上门普查发现已通气,需补签点火协议';

export interface CensusSuggestion {
  type: '换表' | '点火';
  note: string;
  priority: '加急安排';
}

export function censusSuggestions(facts: {
  meterStatus: string | null;
  /** An ignition business accepted (not void) or an ignition agreement (点火登记) on the account. */
  ignitionOnRecord: boolean;
  normal: boolean;
  faultNote: string;
}): { privateUse: boolean; suggestions: CensusSuggestion[] } {
  const replace: CensusSuggestion[] = facts.normal ? [] : [{ type: '换表', note: facts.faultNote, priority: '加急安排' }];
  const privateUse = facts.meterStatus === '装表' && !facts.ignitionOnRecord;
  if (!privateUse) return { privateUse, suggestions: replace };
  return { privateUse, suggestions: [...replace, { type: '点火', note: CENSUS_IGNITION_NOTE, priority: '加急安排' }] };
}
