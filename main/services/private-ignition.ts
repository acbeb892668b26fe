/**
 * 私自点火 (P-PRIV). With a supply contract whose data were never entered (case 1, R-PRIV-02) the ignition
 * is recorded at once. Without a contract (case 2, R-PRIV-03): the ignition is accepted with the note
 * the seed gives, the meter goes to 通气 at once with a provisional ignition record and the gas
 * already used becomes a bill to collect, and the ignition staff re-sign the contract. Saving the business's 点火登记 later
 * corrects the provisional record (see saveIgnition). Households without a paid connection fee are never
 * entered (R-PRIV-04, R-ACC-01).
 */
import { eq, notExists } from 'drizzle-orm';
import { businesses, ignitionRecords, meters, provisionalIgnitions } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { nextMeterStatus } from '../domain/meter-status.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { activeMeter, billingStart, insertBill, loadOpenAccount } from './billing.js';
import { acceptBusinessIn, loadBusiness, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';

export const PRIVATE_IGNITION_NOTE = '私自点火,气费已收,请补签供用气合同';

export const CONTRACT_ENTERED_NOTE = '私自点火：供气合同已签，补录点火资料';

export interface PrivateIgnitionInput {
  accountId: string;
  latestReading: CentiM3;
  contactPhone: string;
  requirement: string;
  /** R-PRIV-02: a supply contract exists and its data were never entered: they are entered now. */
  contract: { flameFailureDevice: boolean; cookerBrand: string; cookerYear: string } | null;
}

export function recordPrivateIgnition(deps: ServiceDeps, actor: Actor, input: PrivateIgnitionInput): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      // R-PRIV-01: the clerk checks the original archive: only a household never ignited (装表, R-MTR-01) is one.
      const business = acceptBusinessIn(tx, actor, now, {
        accountId: input.accountId,
        type: '点火',
        requirement: [input.contract ? CONTRACT_ENTERED_NOTE : PRIVATE_IGNITION_NOTE, input.requirement.trim()].filter((t) => t !== '').join('；'),
        contactPhone: input.contactPhone,
        priority: '尽快安排',
      });
      const meter = activeMeter(tx, input.accountId);
      if (!meter) throw new DomainError('VALIDATION', '该用户没有在用的气表 (§3.2)', 'accountId');
      if (input.latestReading < meter.baseReadingCenti) {
        throw new DomainError('VALIDATION', `最新方数不能小于表底数 ${formatVolume(meter.baseReadingCenti)} (R-VOL-06)`, 'latestReading');
      }
      const status = nextMeterStatus(meter.status, 'ignition_saved');
      tx.update(meters).set({ status }).where(eq(meters.id, meter.id)).run();
      // The gas already used is billed now, to collect at 前台收费 (the reading came from the meter reader).
      const account = loadOpenAccount(tx, input.accountId); // R-SEC-06
      const bill =
        input.latestReading > billingStart(tx, meter)
          ? insertBill(tx, deps, actor, now, { accountId: input.accountId, category: account.category, meter, reading: input.latestReading, source: 'reader_phone' }).row
          : null;
      if (input.contract) {
        // R-PRIV-02: the contract's data are entered at once; the business is done.
        tx.insert(ignitionRecords)
          .values({
            id: uuidv7(now.getTime()),
            businessId: business.id,
            latestReadingCenti: input.latestReading,
            flameFailureDevice: input.contract.flameFailureDevice,
            cookerBrand: input.contract.cookerBrand,
            cookerYear: input.contract.cookerYear,
            enteredBy: actor.staffId,
            createdAt: now.toISOString(),
          })
          .run();
        tx.update(businesses).set({ state: '已归档' }).where(eq(businesses.id, business.id)).run();
      } else {
        tx.insert(provisionalIgnitions)
          .values({
            id: uuidv7(now.getTime()),
            accountId: input.accountId,
            businessId: business.id,
            latestReadingCenti: input.latestReading,
            enteredBy: actor.staffId,
            createdAt: now.toISOString(),
          })
          .run();
      }
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'ignition.provisional',
          entity: 'business',
          entityId: business.id,
          detail: { ...input, from: meter.status, to: status, billId: bill?.id ?? null, amountFen: bill?.amountFen ?? 0 },
        },
        now,
      );
      return loadBusiness(tx, business.id);
    },
    { behavior: 'immediate' },
  );
}

/** provisional ignition records not yet corrected from a re-signed contract. */
export function openProvisionalIgnitions({ db }: ServiceDeps) {
  return db
    .select({ businessId: provisionalIgnitions.businessId, accountId: provisionalIgnitions.accountId, createdAt: provisionalIgnitions.createdAt })
    .from(provisionalIgnitions)
    .where(notExists(db.select({ id: ignitionRecords.id }).from(ignitionRecords).where(eq(ignitionRecords.businessId, provisionalIgnitions.businessId))))
    .all();
}
