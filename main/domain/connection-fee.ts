/**
 * Connection fee (报装费) by building type, R-REG-06 / §4.18: 多层 2400, 高层 2850, 别墅 4000 yuan.
 * R-VAL-11 / R-SEQ-06: the fee filled in from the sequence number's building type must match it.
 */
import { DomainError } from './errors.js';
import { formatYuan, type Fen } from './money.js';

export type BuildingType = '多层' | '高层' | '别墅';

export const CONNECTION_FEE_FEN: Readonly<Record<BuildingType, Fen>> = {
  多层: 240_000,
  高层: 285_000,
  别墅: 400_000,
};

export function checkConnectionFee(buildingType: BuildingType, feeFen: Fen): void {
  const expected = CONNECTION_FEE_FEN[buildingType];
  if (feeFen !== expected) {
    throw new DomainError(
      'VALIDATION',
      `${buildingType}的报装费应为 ${formatYuan(expected)} 元，填写的是 ${formatYuan(feeFen)} 元 (R-VAL-11)`,
      'connectionFeeFen',
    );
  }
}
