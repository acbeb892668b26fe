/**
 * The committed part of the rule-coverage map (issue 15 #9), checked by `npm run rules` and tests/unit/rules-map.test.ts.
 *
 * MANUAL: rules that are a procedure outside the software (what staff say, wear, hand over, sign or stamp on paper),
 * each with a one-line reason. A rule that the software also supports is cited in the code and its test instead.
 *
 * PENDING: rules that describe something the clerk does in the system that is NOT built yet, each with the point of
 * issue 15 that builds it. This list is temporary: it shrinks as issue 15 points 1–7 are built (a pending rule that
 * is cited in the implementation and a test fails the check until it is removed from here).
 */
import type { PendingEntry } from './coverage.js';

export const MANUAL: Readonly<Record<string, string>> = {
  'R-GEN-05': 'Spoken hose offer (prices, benefits); an accepted length is typed into the free-text requirement (R-WO-01).',
  'R-GEN-08': 'Spoken advice: come back to any hall with all documents; weekend opening hours.',
  'R-REG-07': 'The customer fills in the paper 用气申请表 and bank authorisation from a sample; the clerk checks them.',
  'R-REG-14': 'The clerk reads the typed card number aloud to the customer (the form field says 须向用户复述确认).',
  'R-VAL-13': 'Same read-back as R-REG-14: spoken confirmation of the bank card number.',
  'R-VAL-14': 'Paper document check: the name on the ID copy against the name on the connection-fee invoice.',
  'R-TRF-01': 'Paper documents for a transfer (original invoice, property proof, ID copies) are checked by the clerk.',
  'R-TRF-06': 'Paper document: the agent\'s ID copy is checked and filed.',
  'R-TRF-08': 'Handing over publicity material and the customer\'s signatures on the paper application (as R-GEN-09).',
  'R-TEST-01': 'Conversation: the clerk explains meter testing and tries to talk the customer out of it (history is R-QRY-02).',
  'R-PMC-02': 'Paper forms: ID copy, 《缴费方式变更单》 and the bank authorisation are filled in and filed.',
  'R-PMC-07': 'Stamp or sign the paper forms; tell the customer to report a lost or changed card.',
  'R-PMC-08': 'Authorisations brought by readers or bank staff are entered through the same 缴费方式变更; the 广发撤销单 is paper.',
  'R-FIN-04': 'Each clerk files the finance-signed copy of their own report by year (paper archive).',
  'R-BANK-10': 'Bank fee invoices go through the company receipt box or a cheque exchanged at the bank (finance and hall head).',
  'R-CENS-05': 'The clerk signs the meter reader\'s paper external information log (外部信息记录本).',
  'R-SEC-17': 'During an outage the software is down: apologise, take the phone number, collect by hand voluntarily; the payment is then taken at 前台收费 (an outage-dated entry like the R-PAY-06 manual slip is not built).',
  'R-SEC-28': 'Conduct rules for staff (六不准: no unauthorised charges, private connections, rudeness …).',
};

export const PENDING: Readonly<Record<string, PendingEntry>> = {
  'R-PAY-10': { point: 3, what: 'correction request for a committed payment\'s method, approved, then reversal + new payment' },
  'R-SEC-09': { point: 3, what: 'reading correction of an unpaid bill requested with a reason, approved by the office manager, re-billed' },
  'R-SEC-10': { point: 3, what: 'estimated reading for a faulty meter with its reason; faulty meter reported for replacement and re-billing' },
  'R-VOL-03': { point: 3, what: 'IC-meter 换表单 records actual, recharged and to-compensate m³; the 补气 through the approved correction' },
  'R-VOL-04': { point: 3, what: 'm³ credited on a temporary meter only after the approved 气费数据修改 request' },
  'R-SEC-01': { point: 1, what: 'daily arrears list by configurable threshold (individual ≥ 2 months, organisation ≥ 1 month)' },
  'R-SEC-02': { point: 1, what: 'restore (复气/启封) work order issued automatically after full payment, 24-hour promise tracked' },
  'R-SEC-03': { point: 1, what: 'repayment agreement (还欠协议) with senior approval before restore; re-check list of stopped customers' },
  'R-SEC-04': { point: 1, what: 'written notice, stop approval by the station head / director, 封表 work order, stop/restore record' },
  'R-SEC-05': { point: 1, what: '催缴 notice after the payment week, escalation after 3 days up to stopping gas' },
  'R-SEC-06': { point: 2, what: '销户: arrears settled, site check and removal work orders, final bill, deposit, approval, closed account refused' },
  'R-SEC-12': { point: 4, what: 'complaint handler recorded (first-responder rule) when a complaint or opinion is logged' },
  'R-SEC-18': { point: 4, what: 'complaint phone and the required documents told at acceptance; complaints logged with category' },
  'R-SEC-20': { point: 4, what: 'complaints and opinions logged, answered and closed with satisfaction; overdue list for the director' },
  'R-SEC-13': { point: 5, what: 'each counter transaction timed (≤ 3 min fee payment, ≤ 10 min other businesses); per clerk distribution' },
  'R-SEC-16': { point: 5, what: '暂停营业 at a counter needs the director\'s approval and is logged' },
  'R-TKT-14': { point: 6, what: 'ticket reconciliation by count and m³ side by side, differences highlighted' },
  'R-INV-10': { point: 6, what: 'public-building (公建) collection list for the OA 公建用户气费资金回笼清单' },
  'R-FIN-03': { point: 6, what: 'bank-withholding report with 制表人/出纳/会计 signature lines' },
  'R-FIN-05': { point: 6, what: 'monthly public-building income report per hall for finance' },
  'R-SEC-11': { point: 6, what: 'reading-rate KPIs against the seed targets (outdoor ≥ 98 %, indoor ≥ 70 %)' },
  'R-SEC-21': { point: 6, what: 'shift handover record; closing reconciliation of the system report with the cash held' },
  'R-SEC-26': { point: 6, what: 'daily arrears list and daily 气量销售汇总表' },
  'R-SEC-29': { point: 6, what: 'KPI page: reading rate, on-time repairs, follow-up visits, satisfaction, fee recovery against targets' },
};
