/** Binds each contract method to its use case. Handlers receive parsed input and a signed-in actor. */
import type { Method } from '../../preload/contract.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { fen, parseYuan, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { asAccountId, asBillId, asBillIds } from '../domain/ids.js';
import { WAIVER_APPROVER_ROLES } from '../domain/late-fee.js';
import { parseVolume } from '../../preload/kernel/volume.js';
import { AccountSearch } from '../services/accounts.js';
import { changePassword, checkOwnPassword, listCounters, login, verifyApprover } from '../services/auth.js';
import { unlockSignIns } from '../services/sign-in.js';
import { APPROVER_ROLES } from '../services/reversals.js';
import { REVIEWER_ROLES } from '../services/cash-report.js';
import { enterCounterReading, unpaidList } from '../services/billing.js';
import { correctCounterReading } from '../services/reading-correction.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { payBills, quotePayment, type PostedPayment } from '../services/payments.js';
import { splitUnpaidBill } from '../services/bill-split.js';
import type { IcCardService } from '../services/ic-cards.js';
import type { HandheldService } from '../services/handheld.js';
import { BankWithholding } from '../services/bank-withholding.js';
import { BatchPrinting } from '../services/batch-printing.js';
import { UploadStore } from '../services/uploads.js';
import { listTariffs, setTariff } from '../services/tariffs.js';
import { draftCashReport, reviewCashReport, submitCashReport } from '../services/cash-report.js';
import { closeDay, closeReport, dayStatus, monthReport, openDays } from '../services/day-close.js';
import { layoutCloseReport } from '../domain/close-report.js';
import { printLayout } from '../services/print-layout.js';
import type { BackupInfo } from '../services/backup.js';
import { arrearsReport, auditExport, cashStatistics, readingChargeQuery } from '../services/reports.js';
import type { ReceiptPrinter } from '../../hardware/printer/printer.js';
import { WITHHOLDING_BANKS } from '../../preload/kernel/enums.js';
import { isCardRecharge, reversePayment } from '../services/reversals.js';
import { findChannelPayment, recordElectronicPayment } from '../services/electronic-payments.js';
import { acceptAtCounter, businessesForAccount, deferBusiness, recordVisit, voidBusiness } from '../services/businesses.js';
import { changePaymentMethod } from '../services/payment-method.js';
import {
  addRectificationConsumables,
  saveHoseRecord,
  saveIgnition,
  saveInstallForm,
  saveSealForm,
} from '../services/follow-ups.js';
import { registerAccount } from '../services/registration.js';
import { transferOwnership } from '../services/transfer.js';
import { saveUnifiedInstall } from '../services/unified-install.js';
import { saveMeterChange } from '../services/meter-change.js';
import { saveModificationForm } from '../services/modification.js';
import { recordPrivateIgnition } from '../services/private-ignition.js';
import { logUnregisteredPremises } from '../services/unregistered-premises.js';
import { saveHazardRectification } from '../services/hazard.js';
import { saveMeterTest } from '../services/meter-test.js';
import { accountStatement } from '../services/statement.js';
import { calendarForYear, setCalendarDay } from '../services/calendar.js';
import { counterOpenedToday, openCounter } from '../services/counter-day.js';
import type { CustomerDisplays } from '../services/customer-display.js';
import { issueInvoice, registerInvoiceBook } from '../services/invoices.js';
import { ignitionsByCommunity, meterBusinessCounts, meterBusinessList } from '../services/statistics.js';
import { dispatch, dispatchSheets, enterReceipt, workQueue } from '../services/work-orders.js';
import type { ReceiptService } from '../services/receipts.js';
import type { CallContext, Handlers } from './router.js';
import type { SessionStore } from './sessions.js';

function signedIn(ctx: CallContext): Actor {
  if (!ctx.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return ctx.actor;
}

/** A cash amount the clerk may leave empty (no fee collected). */
function optionalYuan(text: string | null, field: string): Fen | null {
  return text === null || text.trim() === '' ? null : parseYuan(text, field);
}

/** Ticket lines as typed at the counter, with the face value parsed to fen. */
function ticketLines<T extends { faceValue: string }>(lines: readonly T[]): (Omit<T, 'faceValue'> & { faceValueFen: Fen })[] {
  return lines.map(({ faceValue, ...rest }) => ({ ...rest, faceValueFen: parseYuan(faceValue, 'faceValue') }));
}

export interface Devices {
  cards: IcCardService;
  handheld: HandheldService;
  printer: ReceiptPrinter;
  backups: { now(): Promise<BackupInfo>; list(): BackupInfo[] };
  /** Issue 11 #3: the counters' customer displays, built by the host so their changes can be pushed. */
  displays: CustomerDisplays;
}

export function createHandlers(deps: ServiceDeps, sessions: SessionStore, receipts: ReceiptService, { cards, handheld, printer, backups, displays }: Devices): Handlers {
  const search = new AccountSearch(deps);
  const bank = new BankWithholding(deps);
  const batches = new BatchPrinting(deps, receipts, printer);
  const uploads = new UploadStore(() => deps.clock.now().getTime());
  /** A bank return: a finished upload of this session, or inline base64. */
  const returnFile = (ctx: CallContext, input: { file?: string | undefined; upload?: string | undefined }): { bytes: Buffer; sha256?: string } =>
    input.upload ? uploads.file(ctx.connection, signedIn(ctx), input.upload) : { bytes: Buffer.from(input.file ?? '', 'base64') };
  /** Prints the receipt of a fee taken with a counter business, and says what the UI shows of it. */
  const feeReceipt = async (actor: Actor, payment: PostedPayment | null) => ({
    slipNo: payment?.slipNo ?? null,
    changeFen: payment?.changeFen ?? null,
    print: payment ? await receipts.print(actor, payment.slipNo) : null,
  });
  const sessionView = (actor: Actor, mustChangePassword = false) => ({
    ...(mustChangePassword ? { mustChangePassword } : {}),
    staffName: actor.staffName,
    role: actor.role,
    hallName: actor.hallName,
    counterName: actor.counterName,
    counterCode: actor.counterCode,
    businessDate: businessDateOf(deps.clock.now()),
  });
  const handlers: Handlers = {
    'auth.counters': () => listCounters(deps),
    'auth.login': (ctx, input) => {
      const { actor, mustChangePassword } = login(deps, input);
      sessions.set(ctx.connection, actor, mustChangePassword);
      return sessionView(actor, mustChangePassword);
    },
    'auth.session': (ctx) => (ctx.actor ? sessionView(ctx.actor, sessions.mustChangePassword(ctx.connection)) : null),
    'auth.lock': (ctx) => {
      sessions.lock(ctx.connection);
      return { ok: true as const };
    },
    'auth.unlock': (ctx, input) => {
      const actor = sessions.lockedActor(ctx.connection);
      if (!actor) throw new DomainError('UNAUTHENTICATED', '没有被锁定的登录，请重新登录', 'password');
      checkOwnPassword(deps, actor, input.password);
      sessions.unlock(ctx.connection);
      return sessionView(actor, sessions.mustChangePassword(ctx.connection));
    },
    'auth.changePassword': (ctx, input) => {
      const actor = signedIn(ctx);
      changePassword(deps, actor, input);
      sessions.passwordChanged(ctx.connection);
      return sessionView(actor);
    },
    'auth.unlockSignIns': (ctx, input) => unlockSignIns(deps, signedIn(ctx), input),
    'auth.logout': (ctx) => {
      sessions.end(ctx.connection);
      uploads.endSession(ctx.connection);
      return { ok: true as const };
    },
    'accounts.search': (_ctx, input) => search.search(input.query),
    'bills.unpaid': (_ctx, input) => unpaidList(deps, asAccountId(input.accountId)),
    'bills.enterReading': (ctx, input) =>
      enterCounterReading(deps, signedIn(ctx), {
        accountId: input.accountId,
        reading: parseVolume(input.reading, 'reading'),
        source: input.source,
        confirmUnusual: input.confirmUnusual,
      }),
    'bills.correctReading': (ctx, input) =>
      correctCounterReading(deps, signedIn(ctx), {
        billId: input.billId,
        reading: parseVolume(input.reading, 'reading'),
        reason: input.reason,
        confirmUnusual: input.confirmUnusual,
      }),
    'payments.quote': (_ctx, input) => quotePayment(deps, input),
    'payments.payCash': async (ctx, input) => {
      const actor = signedIn(ctx);
      const posted = payBills(deps, actor, {
        accountId: asAccountId(input.accountId),
        billIds: asBillIds(input.billIds),
        tenderedFen: parseYuan(input.tendered, 'tendered'),
        expectedTotalFen: fen(input.expectedTotalFen),
        waivers: input.waivers.map((w) => ({ billId: asBillId(w.billId), waiveFen: parseYuan(w.amount, 'waiver'), reason: w.reason })),
        approver: input.approver ? verifyApprover(deps, actor, input.approver, WAIVER_APPROVER_ROLES) : null,
        tickets: ticketLines(input.tickets),
        overrides: input.overrides,
        confirmLargeTender: input.confirmLargeTender,
      });
      const print = await receipts.print(actor, posted.slipNo);
      const { paymentId: _paymentId, ...shown } = posted;
      return { ...shown, print };
    },
    'bills.split': (ctx, input) => splitUnpaidBill(deps, signedIn(ctx), { billId: input.billId, splitCenti: parseVolume(input.split, 'split') }),
    'receipts.reprint': (ctx, input) => receipts.print(signedIn(ctx), input.slipNo),
    'receipts.recent': (ctx) => receipts.recent(signedIn(ctx)),
    'receipts.unprinted': (ctx) => receipts.unprinted(signedIn(ctx)),
    'businesses.accept': async (ctx, input) => {
      const actor = signedIn(ctx);
      const { icToOrdinary, icTermsAcknowledged, hoseLength, ownershipChanged, depositTendered, ...rest } = input;
      const { business, deposit } = acceptAtCounter(deps, actor, {
        ...rest,
        extras: { icToOrdinary, icTermsAcknowledged, hoseLength, ownershipChanged },
        depositTenderedFen: optionalYuan(depositTendered, 'depositTendered'),
      });
      const receipt = await feeReceipt(actor, deposit);
      return { ...business, depositSlipNo: receipt.slipNo, depositChangeFen: receipt.changeFen, print: receipt.print };
    },
    'businesses.forAccount': (_ctx, input) => businessesForAccount(deps, input.accountId),
    'businesses.queue': (ctx) => workQueue(deps, signedIn(ctx)),
    'businesses.dispatchSheets': (ctx, input) => dispatchSheets(deps, signedIn(ctx), input.date),
    'meters.unifiedInstall': (ctx, input) =>
      saveUnifiedInstall(deps, signedIn(ctx), { ...input, baseReading: parseVolume(input.baseReading, 'baseReading') }),
    'premises.logPipeSeal': (ctx, input) => logUnregisteredPremises(deps, signedIn(ctx), input),
    'followUps.hose': (ctx, input) => saveHoseRecord(deps, signedIn(ctx), input),
    'followUps.rectificationConsumables': (ctx, input) => addRectificationConsumables(deps, signedIn(ctx), input),
    'businesses.visit': (ctx, input) => recordVisit(deps, signedIn(ctx), input),
    'followUps.hazard': (ctx, input) => saveHazardRectification(deps, signedIn(ctx), input),
    'accounts.statement': (_ctx, input) => accountStatement(deps, input),
    'calendar.year': (_ctx, input) => calendarForYear(deps, input.year),
    'invoices.registerBook': (ctx, input) => registerInvoiceBook(deps, signedIn(ctx), input),
    'invoices.issue': (ctx, input) => issueInvoice(deps, signedIn(ctx), input.slipNo),
    'display.state': (ctx) => displays.state(signedIn(ctx).counterId),
    'display.show': (ctx, input) => ({ updatedAt: displays.show(signedIn(ctx), input).updatedAt }),
    'display.rate': (ctx, input) => displays.rate(signedIn(ctx), input.score),
    'printing.filters': () => batches.filters(),
    'printing.slips': (_ctx, input) => batches.slipSheets(input),
    'printing.printSlips': (ctx, input) => batches.printSlips(signedIn(ctx), input),
    'printing.arrears': (_ctx, input) => batches.arrears(input),
    'printing.printArrears': (ctx, input) => batches.printArrears(signedIn(ctx), input),
    'cashReport.draft': (ctx) => draftCashReport(deps, signedIn(ctx)),
    'cashReport.submit': (ctx, input) =>
      submitCashReport(deps, signedIn(ctx), { depositedFen: parseYuan(input.deposited || '0', 'deposited'), denominations: input.denominations, differenceReason: input.differenceReason }),
    'cashReport.review': (ctx, input) =>
      reviewCashReport(deps, signedIn(ctx), { clerkLogin: input.clerkLogin, reviewer: verifyApprover(deps, signedIn(ctx), input.reviewer, REVIEWER_ROLES, 'reviewer') }),
    'day.status': (ctx, input) => dayStatus(deps, signedIn(ctx), input.date, input.hallId),
    'day.close': async (ctx, input) => {
      const report = closeDay(deps, signedIn(ctx), input.date, input.hallId);
      return { report, print: await printLayout(printer, layoutCloseReport(report, deps.settings.receiptColumns), deps.settings.receiptColumns) };
    },
    'day.openDays': (ctx) => openDays(deps, signedIn(ctx)),
    'day.report': (ctx, input) => closeReport(deps, signedIn(ctx), input.date),
    'day.month': (ctx, input) => monthReport(deps, signedIn(ctx), input.month),
    'reports.cash': (ctx, input) => cashStatistics(deps, signedIn(ctx), input),
    'reports.readings': (ctx, input) => {
      const { minConsumption, ...rest } = input;
      return readingChargeQuery(deps, signedIn(ctx), { ...rest, ...(minConsumption ? { minConsumptionCenti: parseVolume(minConsumption, 'minConsumption') } : {}) });
    },
    'reports.arrears': (ctx, input) => arrearsReport(deps, signedIn(ctx), input),
    'audit.export': (_ctx, input) => auditExport(deps, input),
    'backup.now': () => backups.now(),
    'backup.list': () => backups.list(),
    'tariffs.list': () => listTariffs(deps),
    'tariffs.set': (ctx, input) =>
      setTariff(deps, signedIn(ctx), {
        category: input.category,
        effectiveFrom: input.effectiveFrom,
        priceFenPerM3: parseYuan(input.price, 'price'),
        tiers: input.tiers.map((t) => ({ fromCenti: parseVolume(t.fromM3, 'tiers'), priceFenPerM3: parseYuan(t.price, 'tiers') })),
      }),
    'bank.banks': () => [...WITHHOLDING_BANKS],
    'bank.preview': (_ctx, input) => bank.preview(input.bank),
    'bank.generate': (ctx, input) => bank.generate(signedIn(ctx), input.bank),
    'bank.file': (_ctx, input) => bank.file(input.runId),
    'bank.runs': () => bank.runs(),
    'bank.check': async (ctx, input) => {
      const { failures: _failures, ...summary } = await bank.check(input.runId, returnFile(ctx, input).bytes);
      return summary;
    },
    'bank.writeOff': async (ctx, input) => {
      const file = returnFile(ctx, input);
      const done = await bank.writeOff(signedIn(ctx), input.runId, file.bytes, file.sha256);
      if (input.upload) uploads.drop(input.upload);
      return done;
    },
    'upload.begin': (ctx, input) => uploads.begin(ctx.connection, signedIn(ctx), input.size),
    'upload.chunk': (ctx, input) => uploads.chunk(ctx.connection, signedIn(ctx), input),
    'upload.end': (ctx, input) => uploads.end(ctx.connection, signedIn(ctx), input.uploadId),
    'bank.failed': (_ctx, input) => bank.failed(input.runId),
    'bank.manualSlip': (ctx, input) => bank.manualSlip(signedIn(ctx), input),
    'bank.writeOffManual': async (ctx, input) => {
      const actor = signedIn(ctx);
      const done = bank.writeOffManual(actor, input.manualSlipNo);
      return { ...done, print: await receipts.print(actor, done.slipNo) };
    },
    'bank.postCheck': (_ctx, input) => bank.postCheck(input.date),
    'bank.monthly': (_ctx, input) => bank.monthly(input.month),
    'bank.quarterly': (_ctx, input) => bank.quarterly(input.year, input.quarter),
    'handheld.readers': () => handheld.readers(),
    'handheld.syncClock': (ctx) => handheld.syncClock(signedIn(ctx)),
    'handheld.exportList': (_ctx, input) => handheld.exportList(input),
    'handheld.export': (ctx, input) => handheld.exportRoute(signedIn(ctx), input),
    'handheld.import': (ctx) => handheld.importReadings(signedIn(ctx)),
    'handheld.batch': (_ctx, input) => handheld.batch(input.batchId),
    'handheld.sendBack': (ctx, input) => handheld.sendBack(signedIn(ctx), input),
    'handheld.commit': (ctx, input) => handheld.commit(signedIn(ctx), input.batchId, { confirmLarge: input.confirmLarge }),
    'handheld.progress': () => handheld.currentProgress(),
    'cards.read': () => cards.read(),
    'cards.pending': () => cards.pending(),
    'cards.flagged': (ctx) => cards.flagged(signedIn(ctx).hallId),
    'cards.recharge': async (ctx, input) => {
      const actor = signedIn(ctx);
      const done = await cards.recharge(actor, {
        accountId: asAccountId(input.accountId),
        ...(input.by === 'volume' ? { volumeCenti: parseVolume(input.value, 'value') } : { amountFen: parseYuan(input.value, 'value') }),
        tenderedFen: parseYuan(input.tendered, 'tendered'),
        tickets: ticketLines(input.tickets),
        confirmLargeTender: input.confirmLargeTender,
      });
      return { ...done, print: await receipts.print(actor, done.slipNo) };
    },
    'cards.issue': async (ctx, input) => {
      const actor = signedIn(ctx);
      const done = await cards.issue(actor, { ...input, accountId: asAccountId(input.accountId), tenderedFen: parseYuan(input.tendered || '0', 'tendered') });
      const receipt = await feeReceipt(actor, done.fee);
      return { cardNo: done.cardNo, counter: done.counter, feeSlipNo: receipt.slipNo, feeFen: done.fee?.totalFen ?? 0, changeFen: receipt.changeFen ?? 0, print: receipt.print };
    },
    'cards.recover': async (ctx, input) => {
      const actor = signedIn(ctx);
      const done = await cards.recover(actor, input);
      if ('abandoned' in done) return done;
      return { ...done, abandoned: false as const, print: await receipts.print(actor, done.slipNo) };
    },
    'cards.census': (_ctx, input) =>
      cards.census({ ...input, remainingCenti: parseVolume(input.remaining, 'remaining'), usedCenti: parseVolume(input.used, 'used') }),
    'payments.recordElectronic': (ctx, input) =>
      recordElectronicPayment(deps, signedIn(ctx), { ...input, accountId: asAccountId(input.accountId), billIds: asBillIds(input.billIds), amountFen: parseYuan(input.amount, 'amount') }),
    'payments.findChannel': (_ctx, input) => findChannelPayment(deps, input.channelRef),
    'payments.reverse': async (ctx, input) => {
      const actor = signedIn(ctx);
      const approver = verifyApprover(deps, actor, input.approver, APPROVER_ROLES);
      const request = { slipNo: input.slipNo, reason: input.reason, approver };
      let done: PostedPayment;
      let card: { cardNo: string; volume: number; credit: number } | null = null;
      if (isCardRecharge(deps, input.slipNo)) {
        const written = await cards.reverseRecharge(actor, request);
        card = { cardNo: written.cardNo, volume: written.volume, credit: written.credit };
        done = written;
      } else {
        done = reversePayment(deps, actor, request);
      }
      return {
        slipNo: done.slipNo,
        originalSlipNo: input.slipNo,
        totalFen: done.totalFen,
        ticketFen: done.ticketFen,
        changeFen: done.changeFen,
        card,
        print: await receipts.print(actor, done.slipNo),
      };
    },
    'counter.status': (ctx) => counterOpenedToday(deps, signedIn(ctx)),
    'counter.open': (ctx, input) => openCounter(deps, signedIn(ctx), { checked: input.checked, floatFen: parseYuan(input.float, 'float') }),
    'calendar.set': (ctx, input) => setCalendarDay(deps, signedIn(ctx), input),
    'followUps.meterTest': async (ctx, input) => {
      const actor = signedIn(ctx);
      const { tendered, readingBeforeTest, settledReading, ...rest } = input;
      const done = saveMeterTest(deps, actor, {
        ...rest,
        readingBeforeTest: parseVolume(readingBeforeTest, 'readingBeforeTest'),
        settledReading: parseVolume(settledReading, 'settledReading'),
        tenderedFen: optionalYuan(tendered, 'tendered'),
      });
      return {
        business: done.business,
        ...(await feeReceipt(actor, done.charge)),
        refundSlipNo: done.refund.slipNo,
        refundFen: done.refund.refundFen,
        refundPrint: await receipts.print(actor, done.refund.slipNo),
        correctionFen: done.correctionFen,
      };
    },
    'businesses.privateIgnition': (ctx, input) =>
      recordPrivateIgnition(deps, signedIn(ctx), { ...input, latestReading: parseVolume(input.latestReading, 'latestReading') }),
    'followUps.meterChange': (ctx, input) =>
      saveMeterChange(deps, signedIn(ctx), {
        ...input,
        oldActualReading: parseVolume(input.oldActualReading, 'oldActualReading'),
        newReading: parseVolume(input.newReading, 'newReading'),
      }),
    'followUps.modification': async (ctx, input) => {
      const actor = signedIn(ctx);
      const done = saveModificationForm(deps, actor, {
        businessId: input.businessId,
        feeFen: optionalYuan(input.fee, 'fee') ?? ZERO_FEN,
        tenderedFen: optionalYuan(input.tendered, 'tendered'),
        invoiceNo: input.invoiceNo,
        consumables: input.consumables,
        confirmLargeTender: input.confirmLargeTender,
      });
      return { business: done.business, ...(await feeReceipt(actor, done.payment)) };
    },
    'businesses.dispatch': (ctx, input) => dispatch(deps, signedIn(ctx), input),
    'businesses.receipt': (ctx, input) => enterReceipt(deps, signedIn(ctx), input),
    'businesses.defer': (ctx, input) => deferBusiness(deps, signedIn(ctx), input),
    'businesses.void': (ctx, input) => voidBusiness(deps, signedIn(ctx), input),
    'followUps.ignition': (ctx, input) => {
      const { agreementModel, agreementDirection, agreementPhone, correctMeterData, latestReading, ...rest } = input;
      return saveIgnition(deps, signedIn(ctx), {
        ...rest,
        latestReading: parseVolume(latestReading, 'latestReading'),
        agreement: { meterModel: agreementModel, direction: agreementDirection, contactPhone: agreementPhone, correctMeterData },
      });
    },
    'followUps.seal': (ctx, input) =>
      saveSealForm(deps, signedIn(ctx), {
        businessId: input.businessId,
        settledReading: parseVolume(input.settledReading, 'settledReading'),
        reason: input.reason,
      }),
    'followUps.install': (ctx, input) =>
      saveInstallForm(deps, signedIn(ctx), { ...input, baseReading: parseVolume(input.baseReading, 'baseReading') }),
    'accounts.register': async (ctx, input) => {
      const actor = signedIn(ctx);
      const { connectionFee, tendered, ...rest } = input;
      const done = registerAccount(deps, actor, {
        ...rest,
        connectionFeeFen: parseYuan(connectionFee, 'connectionFee'),
        tenderedFen: optionalYuan(tendered, 'tendered'),
      });
      return {
        accountId: done.accountId,
        accountNo: done.accountNo,
        seqNo: done.seqNo,
        business: done.business,
        warnings: done.warnings,
        ...(await feeReceipt(actor, done.payment)),
      };
    },
    'accounts.changePaymentMethod': (ctx, input) => changePaymentMethod(deps, signedIn(ctx), input),
    'stats.meterBusiness': (ctx, input) => {
      if (input.from > input.to) throw new DomainError('VALIDATION', '开始日期不能晚于结束日期', 'from');
      return meterBusinessCounts(deps, { from: input.from, to: input.to, hallId: input.allHalls ? null : signedIn(ctx).hallId });
    },
    'stats.meterBusinessList': (ctx, input) => {
      if (input.from > input.to) throw new DomainError('VALIDATION', '开始日期不能晚于结束日期', 'from');
      return meterBusinessList(deps, { from: input.from, to: input.to, kind: input.kind, hallId: input.allHalls ? null : signedIn(ctx).hallId });
    },
    'stats.ignitionsByCommunity': (ctx, input) =>
      ignitionsByCommunity(deps, { month: input.month, hallId: input.allHalls ? null : signedIn(ctx).hallId }),
    'accounts.transfer': async (ctx, input) => {
      const actor = signedIn(ctx);
      const { tendered, ...rest } = input;
      const done = transferOwnership(deps, actor, {
        ...rest,
        tenderedFen: optionalYuan(tendered, 'tendered'),
      });
      return {
        previousName: done.previousName,
        settledReading: done.settledReading,
        feeFen: done.feeFen,
        ...(await feeReceipt(actor, done.payment)),
      };
    },
  };
  return handlers satisfies Record<Method, unknown>;
}
