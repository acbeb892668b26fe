/**
 * The published connection fee (报装费) by building type, R-REG-06 / §4.18: 多层 2400, 高层 2850, 别墅 4000 yuan.
 * Fee-table data: 用户报装 pre-fills it from the building type; main/domain/connection-fee.ts checks it (R-VAL-11).
 */
import { fen, type Fen } from './money.js';

export type BuildingType = '多层' | '高层' | '别墅';

export const CONNECTION_FEE_FEN: Readonly<Record<BuildingType, Fen>> = {
  多层: fen(240_000),
  高层: fen(285_000),
  别墅: fen(400_000),
};
