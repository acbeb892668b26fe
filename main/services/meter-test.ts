/**
 * 校表信息登记 (R-RCPT-12) and the deposit settlement (R-TEST-03/04/05): the test fields of §3.11, the
 * fee for a meter that passed, and the deposit handed back as a negative 检测押金 row on the ledger.
 * A failed meter needs the hall director (R-VOL-05) and corrects the gas fee of the last two readings, or of
 * every reading since an ignition less than 3 months ago (R-TEST-04, A-19): credited in cash when the meter
 * ran fast, collected when it ran slow, as one 气费退补 ledger row with the per-reading figures kept. A meter
 * within tolerance refunds nothing beyond the deposit (R-SEC-19).
 */
import { and, desc, eq, gte, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import { bills, businesses, ignitionRecords, meterTestCorrections, meterTestRecords, payments } from '../../db/schema.js';
import { addDays, businessDateOf, isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { errorBasisPoints, meterTestCharge, testCorrectionFen, type TestResult } from '../domain/meter-test.js';
import { formatYuan, negFen, sumFen, type Fen } from '../../preload/kernel/money.js';
import { centiM3, type CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { asAccountId } from '../domain/ids.js';
import { archiveWithAudit, completedBusiness, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';
import { insertLedgerRow, postFee, type PostedPayment } from './payments.js';

export interface MeterTestInput {
  businessId: string;
  readingBeforeTest: CentiM3;
  settledReading: CentiM3;
  signedOn: string;
  sentOn: string;
  installer: string;
  tempMeterModel: string;
  tempMeterNo: string;
  result: TestResult;
  errorPercent: string;
  handling: string;
  /** Cash the customer hands over: the fee when the meter passed, the correction when it ran slow. */
  tenderedFen: Fen | null;
  /** issue 10 #5: the clerk confirmed a tender far above the fee (Settings.largeTender). */
  confirmLargeTender?: boolean;
}


/** the readings to correct — the last two, or all since an ignition less than 3 months ago. */
function readingsToCorrect(tx: Tx, accountId: string, today: string) {
  const ignition = tx
    .select({ at: sql<string | null>`min(${ignitionRecords.createdAt})` })
    .from(ignitionRecords)
    .innerJoin(businesses, eq(businesses.id, ignitionRecords.businessId))
    .where(eq(businesses.accountId, accountId))
    .get();
  const ignitedOn = ignition?.at ? ignition.at.slice(0, 10) : null;
  const recent = ignitedOn !== null && ignitedOn > addDays(today, -92);
  const query = tx
    .select({ id: bills.id, consumption: bills.consumptionCenti, price: bills.priceFenPerM3 })
    .from(bills)
    // a bill voided by 更正读数 (已更正) is no reading of the meter: its replacement is (issue 10 #5)
    .where(and(eq(bills.accountId, accountId), ne(bills.status, '已更正'), recent && ignitedOn ? gte(bills.readingDate, ignitedOn) : undefined))
    .orderBy(desc(bills.readingDate), desc(bills.createdAt));
  return recent ? query.all() : query.limit(2).all();
}

export function saveMeterTest(
  deps: ServiceDeps,
  actor: Actor,
  input: MeterTestInput,
): { business: Business; charge: PostedPayment | null; refund: { slipNo: string; refundFen: number }; correctionFen: number } {
  const { db, clock, settings } = deps;
  const now = clock.now();
  for (const field of ['signedOn', 'sentOn'] as const) {
    if (!isValidDate(input[field])) throw new DomainError('VALIDATION', '日期格式不正确 (YYYY-MM-DD)', field);
  }
  if (input.result !== '合格' && actor.role !== 'manager') {
    throw new DomainError('FORBIDDEN', '表检测不合格须由营业厅主任确认 (R-VOL-05)', 'result');
  }
  if (input.result !== '合格' && !(errorBasisPoints(input.errorPercent) > 0)) {
    throw new DomainError('VALIDATION', '请填写误差百分比，如 4.5', 'errorPercent');
  }
  const chargeFen = meterTestCharge(input.result, settings.meterTestFeeFen);
  if (chargeFen > 0 && input.tenderedFen === null) throw new DomainError('VALIDATION', '请输入实收拆装费及检验费', 'tendered');
  const errorBp = input.result === '合格' ? 0 : errorBasisPoints(input.errorPercent);
  const largeTender = { rule: settings.largeTender, confirmed: input.confirmLargeTender === true };
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['校表'], '校表登记');
      const deposit = tx
        .select({ totalFen: sql<number>`coalesce(sum(${payments.feeFen}), 0)` })
        .from(payments)
        .where(and(eq(payments.businessRef, b.id), eq(payments.chargeType, '检测押金')))
        .get();
      const held = deposit?.totalFen ?? 0;
      if (held <= 0) throw new DomainError('VALIDATION', '该业务没有未退的检测押金 (R-TEST-05)', 'businessId');
      const charge =
        chargeFen > 0 && input.tenderedFen !== null
          ? postFee(tx, actor, { accountId: asAccountId(b.accountId), chargeType: '校表费', invoiceCategory: '地税', feeFen: chargeFen, tenderedFen: input.tenderedFen, businessRef: b.id }, now, largeTender)
          : null;
      // R-TEST-05: the deposit goes back as a negative 检测押金 row; the cash handed out is its "change".
      const refundId = uuidv7(now.getTime());
      const refundSlip = insertLedgerRow(tx, actor, businessDateOf(now), {
        id: refundId,
        accountId: b.accountId,
        method: '现金',
        chargeType: '检测押金',
        invoiceCategory: '收据',
        businessRef: b.id,
        feeFen: -held,
        gasFen: 0,
        lateFeeFen: 0,
        totalFen: -held,
        tenderedFen: 0,
        changeFen: held,
      });
      // R-TEST-04 / A-19: correct the gas fee of the readings the faulty meter measured.
      const failedResult = input.result === '合格' ? null : input.result;
      const corrections = failedResult
        ? readingsToCorrect(tx, b.accountId, businessDateOf(now)).map((bill) => ({
            ...bill,
            amountFen: testCorrectionFen(centiM3(bill.consumption), bill.price, errorBp, failedResult),
          }))
        : [];
      const net = sumFen(corrections.map((c) => c.amountFen));
      let correctionPaymentId: string | null = null;
      if (net > 0) {
        correctionPaymentId = uuidv7(now.getTime());
        insertLedgerRow(tx, actor, businessDateOf(now), {
          id: correctionPaymentId,
          accountId: b.accountId,
          method: '现金',
          chargeType: '气费退补',
          invoiceCategory: '收据',
          businessRef: b.id,
          feeFen: -net,
          gasFen: 0,
          lateFeeFen: 0,
          totalFen: -net,
          tenderedFen: 0,
          changeFen: net,
        });
      } else if (net < 0) {
        if (input.tenderedFen === null) {
          throw new DomainError('VALIDATION', `表偏慢，须补收气费 ${formatYuan(-net)} 元，请输入实收`, 'tendered');
        }
        correctionPaymentId = postFee(
          tx,
          actor,
          { accountId: asAccountId(b.accountId), chargeType: '气费退补', invoiceCategory: '核对单', feeFen: negFen(net), tenderedFen: input.tenderedFen, businessRef: b.id },
          now,
          largeTender,
        ).paymentId;
      }
      for (const c of corrections) {
        tx.insert(meterTestCorrections)
          .values({
            id: uuidv7(now.getTime()),
            businessId: b.id,
            billId: c.id,
            consumptionCenti: c.consumption,
            priceFenPerM3: c.price,
            errorBasisPoints: errorBp,
            amountFen: c.amountFen,
            paymentId: correctionPaymentId,
            createdAt: now.toISOString(),
          })
          .run();
      }
      tx.insert(meterTestRecords)
        .values({
          id: uuidv7(now.getTime()),
          businessId: b.id,
          readingBeforeTestCenti: input.readingBeforeTest,
          settledReadingCenti: input.settledReading,
          signedOn: input.signedOn,
          sentOn: input.sentOn,
          installer: input.installer,
          tempMeterModel: input.tempMeterModel,
          tempMeterNo: input.tempMeterNo,
          result: input.result,
          errorPercent: input.errorPercent.trim(),
          handling: input.handling,
          chargePaymentId: charge?.paymentId ?? null,
          refundPaymentId: refundId,
          confirmedBy: input.result === '合格' ? null : actor.staffId,
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      const archived = archiveWithAudit(tx, actor, now, b, 'followup.meter_test', { ...input, chargeFen, refundFen: held, refundSlip, correctionFen: net });
      return { business: archived, charge, refund: { slipNo: refundSlip, refundFen: held }, correctionFen: net };
    },
    { behavior: 'immediate' },
  );
}

