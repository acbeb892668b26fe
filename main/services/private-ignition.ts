/**
 * 私自点火 without a supply contract (P-PRIV case 2, R-PRIV-03): the ignition is accepted with the note
 * the seed gives, the meter goes to 通气 at once with a provisional ignition record and the gas
 * already used becomes a bill to collect, and the ignition staff re-sign the contract. Saving the business's 点火登记 later
 * corrects the provisional record (see saveIgnition). Households without a paid connection fee are never
 * entered (R-PRIV-04, R-ACC-01).
 */
import { and, eq, notExists } from 'drizzle-orm';
import { ignitionRecords, meters, provisionalIgnitions } from '../../db/schema.js';
import { DomainError } from '../domain/errors.js';
import { nextMeterStatus } from '../domain/meter-status.js';
import { formatVolume, type CentiM3 } from '../domain/volume.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { billingStart, insertBill, loadAccount } from './billing.js';
import { acceptBusinessIn, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';

export const PRIVATE_IGNITION_NOTE = '私自点火,气费已收,请补签供用气合同';

export function recordPrivateIgnition(
  deps: ServiceDeps,
  actor: Actor,
  input: { accountId: string; latestReading: CentiM3; contactPhone: string; requirement: string },
): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const business = acceptBusinessIn(tx, actor, now, {
        accountId: input.accountId,
        type: '点火',
        requirement: [PRIVATE_IGNITION_NOTE, input.requirement.trim()].filter((t) => t !== '').join('；'),
        contactPhone: input.contactPhone,
        priority: '尽快安排',
      });
      const meter = tx.select().from(meters).where(and(eq(meters.accountId, input.accountId), eq(meters.active, true))).get();
      if (!meter) throw new DomainError('VALIDATION', '该用户没有在用的气表 (§3.2)', 'accountId');
      if (input.latestReading < meter.baseReadingCenti) {
        throw new DomainError('VALIDATION', `最新方数不能小于表底数 ${formatVolume(meter.baseReadingCenti)} (R-VOL-06)`, 'latestReading');
      }
      const status = nextMeterStatus(meter.status, 'ignition_saved');
      tx.update(meters).set({ status }).where(eq(meters.id, meter.id)).run();
      // The gas already used is billed now, to collect at 前台收费 (the reading came from the meter reader).
      const account = loadAccount(tx, input.accountId);
      const bill =
        input.latestReading > billingStart(tx, meter)
          ? insertBill(tx, deps, actor, now, { accountId: input.accountId, category: account.category, meter, reading: input.latestReading, source: 'reader_phone' }).row
          : null;
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
      return business;
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
