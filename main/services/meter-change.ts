/**
 * 换表单 (R-VOL-01, R-RCPT-05): the old meter's actual reading is compared with the system's latest
 * reading; gas on the difference becomes a bill to collect at 前台收费 (source meter_change), then the new
 * meter carries on from its own reading. One transaction: the old meter is retired, the new one is active
 * with the same status, and the business is archived. A unified replacement (统一换表) is accepted and dispatched
 * afterwards with that note and remark, and its form entered the same way (R-RCPT-08); the charge it lists is
 * the difference bill, collected and written off at 前台收费 with its check slip (R-VOL-02).
 */
import { eq } from 'drizzle-orm';
import { accounts, meterChangeRecords, meters } from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { activeMeter, billingStart, insertBill } from './billing.js';
import { archiveWithAudit, completedBusiness, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';
import type { ConsumableLine } from './follow-ups.js';

export interface MeterChangeInput {
  businessId: string;
  oldActualReading: CentiM3;
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  newReading: CentiM3;
  consumables: ConsumableLine[];
}

export function saveMeterChange(deps: ServiceDeps, actor: Actor, input: MeterChangeInput): { business: Business; differenceBillId: string | null } {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['换表'], '换表单');
      const old = activeMeter(tx, b.accountId);
      if (!old) throw new DomainError('VALIDATION', '该用户没有在用的气表 (§3.2)', 'businessId');
      const systemReading = billingStart(tx, old);
      if (input.oldActualReading < systemReading) {
        throw new DomainError(
          'VALIDATION',
          `旧表实际读数 ${formatVolume(input.oldActualReading)} 小于系统最新读数 ${formatVolume(systemReading)}，须走气费数据修改审批 (R-VOL-07)`,
          'oldActualReading',
        );
      }
      const account = tx.select({ category: accounts.category }).from(accounts).where(eq(accounts.id, b.accountId)).get();
      // R-VOL-01: the gas on the difference is charged before the latest reading moves to the new meter.
      const difference =
        input.oldActualReading > systemReading
          ? insertBill(tx, deps, actor, now, {
              accountId: b.accountId,
              category: account?.category ?? '普通用户',
              meter: old,
              reading: input.oldActualReading,
              source: 'meter_change',
            }).row.id
          : null;
      const newMeterId = uuidv7(now.getTime());
      tx.update(meters).set({ active: false }).where(eq(meters.id, old.id)).run();
      tx.insert(meters)
        .values({
          id: newMeterId,
          accountId: b.accountId,
          kind: old.kind,
          model: input.model,
          meterNo: input.meterNo,
          direction: input.direction,
          baseReadingCenti: input.newReading,
          latestReadingCenti: input.newReading,
          installedOn: businessDateOf(now),
          status: old.status,
        })
        .run();
      tx.insert(meterChangeRecords)
        .values({
          id: uuidv7(now.getTime()),
          businessId: b.id,
          oldMeterId: old.id,
          newMeterId,
          oldActualReadingCenti: input.oldActualReading,
          systemReadingCenti: systemReading,
          differenceBillId: difference,
          consumables: JSON.stringify(input.consumables),
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      const archived = archiveWithAudit(tx, actor, now, b, 'followup.meter_change', { ...input, systemReading, differenceBillId: difference, oldMeterId: old.id, newMeterId });
      return { business: archived, differenceBillId: difference };
    },
    { behavior: 'immediate' },
  );
}
