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
  'R-SEC-16': 'Partly manual: staff at the counter 10 minutes before opening to check equipment and forms, and serving customers still waiting at closing time; the 暂停营业 sign with the director\'s approval is built (服务计时, Alt+J).',
  'R-SEC-28': 'Conduct rules for staff (六不准: no unauthorised charges, private connections, rudeness …).',
};

export const PENDING: Readonly<Record<string, PendingEntry>> = {
};
