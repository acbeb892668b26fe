/**
 * Businesses and work orders, DOMAIN §8: priorities (R-WO-02), lead times (§4.18, R-LT-01), allowed
 * receipt results per type (R-RCPT-03), the site-remark rule (R-RCPT-04) and the state model of §8.6
 * (state names are A-43).
 */
import { DomainError } from '../../preload/kernel/errors.js';
import type { BusinessType, ReceiptResult, WorkOrderState } from '../../preload/kernel/enums.js';

/** Promised working days from the next day (§4.18). 拆表 follows 封表; 换表 and 其它 follow the 5-day jobs. */
export const LEAD_TIME_WORKING_DAYS: Readonly<Record<BusinessType, number>> = {
  安装: 5, // R-REG-11
  改装: 5, // R-UNI-06 (a unified-installed customer's modification)
  点火: 3, // R-IGN-03, R-UNI-06
  二次点火: 3, // R-IGN2-02
  封表: 3, // R-SEAL-03
  拆表: 3,
  启封: 3, // R-UNSEAL-05
  校表: 5, // R-TEST-06 (the meter is removed within 5 working days)
  换表: 5,
  其它: 5, // R-HOSE-02 (换波纹管)
};

/** 派工单类型 (§8.1; A-39 for 点火 and 其它). */
export const WORK_ORDER_KIND: Readonly<Record<BusinessType, string>> = {
  安装: '安改装',
  改装: '安改装',
  点火: '点火',
  二次点火: '点火',
  封表: '换拆启封校',
  拆表: '换拆启封校',
  启封: '换拆启封校',
  校表: '换拆启封校',
  换表: '换拆启封校',
  其它: '其它',
};

/** R-RCPT-03: the non-default results each type allows (合格 and 取消该业务 are always allowed). */
const ALLOWED_RESULTS: Readonly<Record<BusinessType, readonly ReceiptResult[]>> = {
  安装: ['未完成', '不合格'],
  改装: ['未完成', '不合格'],
  换表: ['未完成'],
  封表: ['未完成'],
  拆表: ['未完成'],
  启封: ['未完成'],
  校表: ['未完成'],
  点火: ['未完成', '无法实施', '不合格'],
  二次点火: ['未完成', '无法实施', '不合格'],
  其它: ['未完成', '无法实施', '不合格'],
};

export function allowedResults(type: BusinessType): ReceiptResult[] {
  return ['合格', ...ALLOWED_RESULTS[type], '取消该业务'];
}

export interface ReceiptEntry {
  result: ReceiptResult;
  businessValid: boolean;
  siteRemark: string;
}

/** Validates a receipt against its type and says which state it leads to (§8.6). */
export function stateAfterReceipt(type: BusinessType, state: WorkOrderState, receipt: ReceiptEntry): WorkOrderState {
  if (state !== '已派工') {
    throw new DomainError('VALIDATION', `业务状态为「${state}」，只有已派工的业务可以录入回执`, 'result');
  }
  if (!allowedResults(type).includes(receipt.result)) {
    throw new DomainError('VALIDATION', `${type}业务的实施结果不能是「${receipt.result}」 (R-RCPT-03)`, 'result');
  }
  const completed = receipt.result === '合格' && receipt.businessValid;
  if (!completed && receipt.siteRemark.trim() === '') {
    throw new DomainError('VALIDATION', '业务未完成时必须填写现场备注，说明原因 (R-RCPT-04)', 'siteRemark');
  }
  // R-CANC-01/02: 取消该业务 with the reason (pipe change first; promise expired and the customer unreachable);
  // R-CANC-03/04: 业务有效 unticked with the remark (no date given; cooker without flame-failure device).
  if (receipt.result === '取消该业务' || !receipt.businessValid) return '已取消';
  if (receipt.result === '合格') return '已完成';
  return '待重新派工'; // R-CANC-09: 未完成 / 无法实施 / 不合格 → dispatched again
}

export function canDispatch(state: WorkOrderState): boolean {
  return state === '已受理' || state === '待重新派工' || state === '顺延';
}

/** R-CANC-08 / A-42: only a hall director or the call-centre lead voids, and only before completion. */
export function canVoid(state: WorkOrderState): boolean {
  return state === '已受理' || state === '已派工' || state === '顺延' || state === '待重新派工';
}

/**
 * §8.6: overdue when not finished, cancelled, void or deferred by its promised date. A job whose customer
 * cannot be reached before the promise expires simply stays open, with no receipt (R-CANC-07).
 */
export function isOverdue(state: WorkOrderState, promisedOn: string, deferredTo: string | null, today: string): boolean {
  if (state === '已完成' || state === '已归档' || state === '已取消' || state === '已作废') return false;
  const due = state === '顺延' && deferredTo ? deferredTo : promisedOn;
  return today > due;
}
