/**
 * Connection fee (报装费) by building type, R-REG-06 / §4.18: 多层 2400, 高层 2850, 别墅 4000 yuan.
 * R-VAL-11 / R-SEQ-06: the fee filled in from the sequence number's building type must match it.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { formatYuan, type Fen } from '../../preload/kernel/money.js';
import { CONNECTION_FEE_FEN, type BuildingType } from '../../preload/kernel/connection-fee.js';

export function checkConnectionFee(buildingType: BuildingType, feeFen: Fen): void {
  const expected = CONNECTION_FEE_FEN[buildingType];
  if (feeFen !== expected) {
    throw new DomainError(
      'VALIDATION',
      `${buildingType}的报装费应为 ${formatYuan(expected)} 元，填写的是 ${formatYuan(feeFen)} 元 (R-VAL-11)`,
      'connectionFee',
    );
  }
}

/** How the connection fee stands when a household applies (报装), R-REG-01..06. */
export type FeePath =
  | { kind: 'invoice'; invoiceNo: string } // R-REG-01: invoice held
  | { kind: 'lost_before_2006'; ledgerRecordFound: boolean; lossDeclaration: boolean } // R-REG-02/03
  | {
      kind: 'lost_after_2006';
      feeClass: 'A' | 'B';
      developerCertificate: boolean;
      propertyCertificate: boolean;
      lossDeclaration: boolean;
    } // R-REG-04
  | { kind: 'unpaid' }; // R-REG-06: paid now

/** Says whether the fee is collected now; refuses the paths the seed does not let through. */
export function checkFeePath(path: FeePath): { collectFee: boolean } {
  switch (path.kind) {
    case 'invoice':
      if (path.invoiceNo.trim() === '') throw new DomainError('VALIDATION', '请填写报装费发票号码 (R-REG-01)', 'invoiceNo');
      return { collectFee: false };
    case 'lost_before_2006':
      if (!path.lossDeclaration) {
        throw new DomainError('VALIDATION', '发票遗失须填写《管道燃气报装费发票遗失声明》 (R-REG-05)', 'lossDeclaration');
      }
      if (!path.ledgerRecordFound) {
        throw new DomainError(
          'VALIDATION',
          '台帐中没有该户缴费记录：请勿重复收费，发OA请财务部查询历史凭证，记录户主姓名、电话，待财务答复后通知用户 (R-REG-03)',
          'ledgerRecordFound',
        );
      }
      return { collectFee: false };
    case 'lost_after_2006':
      if (!path.lossDeclaration) {
        throw new DomainError('VALIDATION', '发票遗失须填写《管道燃气报装费发票遗失声明》 (R-REG-05)', 'lossDeclaration');
      }
      if (path.feeClass === 'B' && !path.developerCertificate && !path.propertyCertificate) {
        throw new DomainError('VALIDATION', 'B类(统一转账批量开票)须提供房开出具的报装费已缴证明，或房产证 (R-REG-04)', 'developerCertificate');
      }
      return { collectFee: false };
    case 'unpaid':
      return { collectFee: true };
  }
}
