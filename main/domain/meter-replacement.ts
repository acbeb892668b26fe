/**
 * The 换表单's remarks and the temporary-meter flow (DOMAIN §3, R-VOL-03/04): an IC meter's 备注 with its actual m³,
 * the recharged m³ and the m³ to compensate (需补气方数); a temporary meter (临时表) while the original is tested,
 * the original refitted only when it passed; m³ credited on the temporary meter only with an approved
 * 用户气费数据修改、退(收)费审批表.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { centiM3, formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';

export type ReplacementKind = '换表' | '临时表' | '复装原表';

export interface IcRemark {
  actual: CentiM3;
  recharged: CentiM3;
  compensate: CentiM3;
  text: string;
}

/**
 * R-VOL-03: the IC meter's remark. The gas recharged onto the meter but not yet used (recharged − actual) is what the
 * customer is compensated on the new meter. A meter that used more than was recharged is a data modification (R-VOL-07).
 */
export function icRemark(actual: CentiM3, recharged: CentiM3): IcRemark {
  if (actual > recharged) {
    throw new DomainError('VALIDATION', `表实际方数 ${formatVolume(actual)} 大于已充值方数 ${formatVolume(recharged)}，请核对，或走气费数据修改审批 (R-VOL-07)`, 'icRecharged');
  }
  const compensate = centiM3(recharged - actual);
  return { actual, recharged, compensate, text: `IC卡表：表实际方数 ${formatVolume(actual)} m³，已充值方数 ${formatVolume(recharged)} m³，需补气方数 ${formatVolume(compensate)} m³` };
}

/** R-VOL-04: the original meter is refitted only after it passed the test; a failed one leaves the temporary meter. */
export function checkRefitOriginal(testResult: string | null, originalMeterNo: string, meterNo: string): void {
  if (testResult === null) throw new DomainError('VALIDATION', '原表尚无检测结果（校表登记后才能复装原表，R-VOL-04）', 'replacementKind');
  if (testResult !== '合格') throw new DomainError('VALIDATION', `原表检测${testResult}，不能复装，临时表继续使用 (R-VOL-04)`, 'replacementKind');
  if (meterNo.trim() !== originalMeterNo) throw new DomainError('VALIDATION', `复装原表的表号应为原表 ${originalMeterNo}`, 'meterNo');
}
