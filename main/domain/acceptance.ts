/**
 * Preconditions of accepting a field business (业务受理), DOMAIN §4. Each refusal names its rule and, for
 * arrears, the blocking bill (R-GEN-10 gives the phrase).
 */
import { DomainError } from '../../preload/kernel/errors.js';
import type { MeterStatus } from './meter-status.js';
import { refuseWhileArrears, type UnpaidLine } from './arrears.js';
import type { BusinessType } from '../../preload/kernel/enums.js';
import { fen, type Fen } from '../../preload/kernel/money.js';

export interface AcceptanceFacts {
  type: BusinessType;
  meterStatus: MeterStatus | null;
  unpaid: readonly UnpaidLine[];
  /** Number of an open business of the same type, if any. */
  openSameType: string | null;
  /** an 改装 completed within the last 3 months. */
  recentModification: boolean;
  /** zero consumption on every reading of the last 3 calendar months. */
  noGasForThreeMonths: boolean;
  /** R-CANC-05: a 15C modification done without the follow-up visit recorded yet (its business number). */
  visitPendingAfter: string | null;
  /** R-UNSEAL-03: the clerk found the ownership changed and no transfer was recorded since the seal. */
  transferPendingForUnseal: boolean;
}

const REQUIRED_STATUS: Partial<Record<BusinessType, { status: MeterStatus; rule: string }>> = {
  安装: { status: '报装', rule: 'A-03' },
  点火: { status: '装表', rule: 'R-MTR-01, R-IGN-01' },
  二次点火: { status: '通气', rule: 'R-MTR-02' },
  封表: { status: '通气', rule: 'R-SEAL-01' }, // the clerk checks the status before a seal
  拆表: { status: '通气', rule: 'R-SEAL-01' },
  启封: { status: '封表', rule: 'R-UNSEAL-02' },
};

const ARREARS_BLOCK: Partial<Record<BusinessType, string>> = {
  封表: 'R-SEAL-02',
  拆表: 'R-SEAL-02',
  启封: 'R-UNSEAL-02',
};

export function checkAcceptance(facts: AcceptanceFacts): void {
  const { type } = facts;
  if (facts.meterStatus === null) throw new DomainError('VALIDATION', '该用户没有在用的气表，不能受理施工业务', 'type');
  const required = REQUIRED_STATUS[type];
  if (required && facts.meterStatus !== required.status) {
    throw new DomainError(
      'VALIDATION',
      `表状态为「${facts.meterStatus}」，${type}业务须在表状态为「${required.status}」时受理 (${required.rule})`,
      'type',
    );
  }
  const arrearsRule = ARREARS_BLOCK[type];
  if (arrearsRule) refuseWhileArrears(facts.unpaid, `给予受理${type}业务`, arrearsRule, 'type');
  if (type === '二次点火' && !facts.recentModification && !facts.noGasForThreeMonths) {
    throw new DomainError('VALIDATION', '二次点火须有近期改装记录，或已超过3个月未用气 (R-IGN2-01)', 'type');
  }
  if (type === '启封' && facts.transferPendingForUnseal) {
    throw new DomainError('VALIDATION', '产权已变更（存在过户的），须先办理过户再受理启封 (R-UNSEAL-03)', 'ownershipChanged');
  }
  if ((type === '点火' || type === '二次点火') && facts.visitPendingAfter) {
    throw new DomainError('VALIDATION', `改装 ${facts.visitPendingAfter}（消毒柜挡住15C）完成后须先做业务回访，再受理点火 (R-CANC-05)`, 'type');
  }
  if (facts.openSameType) {
    throw new DomainError('VALIDATION', `该用户已有未完成的${type}业务 ${facts.openSameType}，请勿重复受理`, 'type');
  }
}

/** R-TEST-02: a meter test is accepted against a refundable 300-yuan deposit (押金收款收据, R-TEST-05). */
export const TEST_DEPOSIT_FEN: Fen = fen(30_000);

export interface AcceptanceExtras {
  /** 换表 of an IC-card meter to an ordinary one (R-ICM-01). */
  icToOrdinary: boolean;
  icTermsAcknowledged: boolean;
  /** 换波纹管 as 其它业务: the length in metres (R-HOSE-01). */
  hoseLength: string;
  /** 启封: the premises changed owner (R-UNSEAL-03). */
  ownershipChanged?: boolean;
}

/**
 * The requirement text as the seed wants it written, and the checks that depend on the type:
 * R-HOSE-01 "换波纹管,长度***米"; R-ICM-01 the acknowledged IC → ordinary terms.
 */
/**
 * The text stored in 用户对<type>要求: the customer's wishes as the clerk typed them (R-REG-10 at 报装, R-IGN-02 at
 * 点火), after what the business adds itself (the hose length, the IC-meter terms).
 */
export function requirementText(type: BusinessType, meterKind: string | null, requirement: string, extras: AcceptanceExtras): string {
  const parts: string[] = [];
  if (type === '其它' && extras.hoseLength.trim() !== '') {
    if (!/^\d{1,2}(\.\d)?$/.test(extras.hoseLength.trim())) {
      throw new DomainError('VALIDATION', '波纹管长度应为米数，如 1.5', 'hoseLength');
    }
    parts.push(`换波纹管,长度${extras.hoseLength.trim()}米`);
  }
  if (type === '换表' && extras.icToOrdinary) {
    if (meterKind !== 'IC卡表') throw new DomainError('VALIDATION', '该用户不是IC卡表，无需IC卡表换普通表', 'icToOrdinary');
    if (!extras.icTermsAcknowledged) {
      throw new DomainError('VALIDATION', '须告知用户：表价差200元不退，且以后不能再换回IC卡表，并勾选已告知 (R-ICM-01)', 'icTermsAcknowledged');
    }
    parts.push('IC卡表故障换普通表：已告知差价200元不退、不能换回IC卡表');
  }
  if (requirement.trim() !== '') parts.push(requirement.trim());
  return parts.join('；');
}

export type Channel = '营业员' | '接听组';

/** Who took the business: a counter clerk or the call centre (接听组). */
export function channelOf(role: string): Channel {
  return role === 'callcenter' || role === 'callcenter_lead' ? '接听组' : '营业员';
}

/** R-ICM-02: an IC-card meter is replaced by an ordinary one only at a hall, never by phone. */
export function checkChannel(channel: Channel, type: BusinessType, extras: AcceptanceExtras): void {
  if (channel === '接听组' && type === '换表' && extras.icToOrdinary) {
    throw new DomainError('VALIDATION', 'IC卡表换普通表须户主持身份证到营业厅办理，接听组不能受理 (R-ICM-02)', 'icToOrdinary');
  }
}

/** R-CANC-08 / A-42: the hall director voids what clerks accepted; the call-centre lead what the call centre accepted. */
export function mayVoid(role: string, channel: Channel): boolean {
  return channel === '营业员' ? role === 'manager' : role === 'callcenter_lead';
}
