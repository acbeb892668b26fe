/** Handlers of the contract's businesses area (preload/contract/businesses.ts): 业务受理, work orders, follow-up forms, statistics, calendar. */
import { ZERO_FEN } from '../../../preload/kernel/money.js';
import { DomainError } from '../../../preload/kernel/errors.js';
import { acceptAtCounter, businessesForAccount, deferBusiness, recordVisit, voidBusiness } from '../../services/businesses.js';
import { calendarForYear, setCalendarDay } from '../../services/calendar.js';
import { addRectificationConsumables, saveHoseRecord, saveIgnition, saveInstallForm, saveSealForm } from '../../services/follow-ups.js';
import { saveHazardRectification } from '../../services/hazard.js';
import { CREDIT_APPROVER_ROLES, saveMeterChange } from '../../services/meter-change.js';
import { verifyApprover } from '../../services/auth.js';
import { saveMeterTest } from '../../services/meter-test.js';
import { saveModificationForm } from '../../services/modification.js';
import { recordPrivateIgnition } from '../../services/private-ignition.js';
import { saveUnifiedInstall } from '../../services/unified-install.js';
import { logUnregisteredPremises } from '../../services/unregistered-premises.js';
import { dispatch, dispatchSheets, enterReceipt, workQueue } from '../../services/work-orders.js';
import { area, feeShown, signedIn, type HandlerKit } from './kit.js';

function checkPeriod(input: { from: string; to: string }): void {
  if (input.from > input.to) throw new DomainError('VALIDATION', '开始日期不能晚于结束日期', 'from');
}

export const businessesHandlers = ({ deps, after, reads }: HandlerKit) =>
  area({
    'businesses.accept': after.printsSlips(
      (ctx, { icToOrdinary, icTermsAcknowledged, hoseLength, ownershipChanged, depositTendered, ...rest }) =>
        acceptAtCounter(deps, signedIn(ctx), { ...rest, extras: { icToOrdinary, icTermsAcknowledged, hoseLength, ownershipChanged }, depositTenderedFen: depositTendered }),
      { print: (done) => done.deposit?.slipNo ?? null },
      ({ business, deposit }, { print }) => {
        const fee = feeShown(deposit);
        return { ...business, depositSlipNo: fee.slipNo, depositChangeFen: fee.changeFen, print };
      },
    ),
    'businesses.forAccount': (_ctx, input) => businessesForAccount(deps, input.accountId),
    'businesses.queue': (ctx) => workQueue(deps, signedIn(ctx)),
    'businesses.dispatchSheets': (ctx, input) => dispatchSheets(deps, signedIn(ctx), input.date),
    'businesses.dispatch': (ctx, input) => dispatch(deps, signedIn(ctx), input),
    'businesses.receipt': (ctx, input) => enterReceipt(deps, signedIn(ctx), input),
    'businesses.defer': (ctx, input) => deferBusiness(deps, signedIn(ctx), input),
    'businesses.void': (ctx, input) => voidBusiness(deps, signedIn(ctx), input),
    'businesses.visit': (ctx, input) => recordVisit(deps, signedIn(ctx), input),
    'businesses.privateIgnition': (ctx, input) => recordPrivateIgnition(deps, signedIn(ctx), input),
    'meters.unifiedInstall': (ctx, input) => saveUnifiedInstall(deps, signedIn(ctx), input),
    'premises.logPipeSeal': (ctx, input) => logUnregisteredPremises(deps, signedIn(ctx), input),
    'followUps.ignition': (ctx, { agreementModel, agreementDirection, agreementPhone, correctMeterData, ...rest }) =>
      saveIgnition(deps, signedIn(ctx), { ...rest, agreement: { meterModel: agreementModel, direction: agreementDirection, contactPhone: agreementPhone, correctMeterData } }),
    'followUps.seal': (ctx, input) => saveSealForm(deps, signedIn(ctx), { businessId: input.businessId, settledReading: input.settledReading, reason: input.reason }),
    'followUps.install': (ctx, input) => saveInstallForm(deps, signedIn(ctx), input),
    'followUps.meterChange': (ctx, { creditVolume, creditApprovalNo, approver, icRecharged, ...rest }) => {
      const actor = signedIn(ctx);
      // R-VOL-04: credited m³ only with the approved data modification: the hall manager signs in here
      const crediting = creditVolume !== undefined && creditVolume > 0;
      if (crediting && !approver) throw new DomainError('VALIDATION', '补减气量须营业厅主任登录审批 (R-VOL-04)', 'approver');
      const credit = crediting && approver ? { volume: creditVolume, approvalNo: creditApprovalNo, approver: verifyApprover(deps, actor, approver, CREDIT_APPROVER_ROLES) } : null;
      return saveMeterChange(deps, actor, { ...rest, icRecharged: icRecharged ?? null, credit });
    },
    'followUps.modification': after.printsSlips(
      (ctx, input) =>
        saveModificationForm(deps, signedIn(ctx), {
          businessId: input.businessId,
          feeFen: input.fee ?? ZERO_FEN,
          tenderedFen: input.tendered,
          invoiceNo: input.invoiceNo,
          consumables: input.consumables,
          confirmLargeTender: input.confirmLargeTender,
        }),
      { print: (done) => done.payment?.slipNo ?? null },
      (done, { print }) => ({ business: done.business, ...feeShown(done.payment), print }),
    ),
    'followUps.meterTest': after.printsSlips(
      (ctx, { tendered, ...rest }) => saveMeterTest(deps, signedIn(ctx), { ...rest, tenderedFen: tendered }),
      // the fee slip (if any) prints before the deposit refund slip
      { print: (done) => done.charge?.slipNo ?? null, refundPrint: (done) => done.refund.slipNo },
      (done, { print, refundPrint }) => ({
        business: done.business,
        ...feeShown(done.charge),
        print,
        refundSlipNo: done.refund.slipNo,
        refundFen: done.refund.refundFen,
        refundPrint,
        correctionFen: done.correctionFen,
      }),
    ),
    'followUps.hose': (ctx, input) => saveHoseRecord(deps, signedIn(ctx), input),
    'followUps.hazard': (ctx, input) => saveHazardRectification(deps, signedIn(ctx), input),
    'followUps.rectificationConsumables': (ctx, input) => addRectificationConsumables(deps, signedIn(ctx), input),
    'stats.meterBusiness': (ctx, input) => {
      checkPeriod(input);
      return reads.run('stats.meterBusiness', signedIn(ctx), { from: input.from, to: input.to, hallId: input.allHalls ? null : signedIn(ctx).hallId });
    },
    'stats.meterBusinessList': (ctx, input) => {
      checkPeriod(input);
      return reads.run('stats.meterBusinessList', signedIn(ctx), { from: input.from, to: input.to, kind: input.kind, hallId: input.allHalls ? null : signedIn(ctx).hallId });
    },
    'stats.ignitionsByCommunity': (ctx, input) => reads.run('stats.ignitionsByCommunity', signedIn(ctx), { month: input.month, hallId: input.allHalls ? null : signedIn(ctx).hallId }),
    'calendar.year': (_ctx, input) => calendarForYear(deps, input.year),
    'calendar.set': (ctx, input) => setCalendarDay(deps, signedIn(ctx), input),
  });
