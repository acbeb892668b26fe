/**
 * 换表单 (R-VOL-01, R-RCPT-05): the old meter's actual reading is compared with the system's latest
 * reading; gas on the difference becomes a bill to collect at 前台收费 (source meter_change), then the new
 * meter carries on from its own reading. One transaction: the old meter is retired, the new one is active
 * with the same status, and the business is archived.
 */
import { and, eq } from 'drizzle-orm';
import { accounts, businesses, meterChangeRecords, meters } from '../../db/schema.js';
import { businessDateOf } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { formatVolume, type CentiM3 } from '../domain/volume.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { billingStart, insertBill } from './billing.js';
import { loadBusiness, type Business } from './businesses.js';
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
      const b = loadBusiness(tx, input.businessId);
      if (b.type !== '换表') throw new DomainError('VALIDATION', `${b.type}业务没有换表单`, 'businessId');
      if (b.state !== '已完成') throw new DomainError('VALIDATION', `业务状态为「${b.state}」，回执为合格后才能登记 (R-RCPT-05)`, 'businessId');
      const old = tx.select().from(meters).where(and(eq(meters.accountId, b.accountId), eq(meters.active, true))).get();
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
      tx.update(businesses).set({ state: '已归档' }).where(eq(businesses.id, b.id)).run();
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'followup.meter_change',
          entity: 'business',
          entityId: b.id,
          detail: { ...input, systemReading, differenceBillId: difference, oldMeterId: old.id, newMeterId },
        },
        now,
      );
      return { business: loadBusiness(tx, b.id), differenceBillId: difference };
    },
    { behavior: 'immediate' },
  );
}
