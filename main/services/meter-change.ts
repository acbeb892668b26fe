/**
 * 换表单 (R-VOL-01, R-RCPT-05): the old meter's actual reading is compared with the system's latest
 * reading; gas on the difference becomes a bill to collect at 前台收费 (source meter_change), then the new
 * meter carries on from its own reading. One transaction: the old meter is retired, the new one is active
 * with the same status, and the business is archived. A unified replacement (统一换表) is accepted and dispatched
 * afterwards with that note and remark, and its form entered the same way (R-RCPT-08); the charge it lists is
 * the difference bill, collected and written off at 前台收费 with its check slip (R-VOL-02).
 */
import { and, desc, eq, gte } from 'drizzle-orm';
import { accounts, businesses, meterChangeRecords, meters, meterTestRecords, type StaffRole } from '../../db/schema.js';
import { checkRefitOriginal, icRemark, type IcRemark, type ReplacementKind } from '../domain/meter-replacement.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { centiM3, formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
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
  /** R-VOL-04: an ordinary replacement, a temporary meter (临时表), or the original refitted after passing its test. */
  replacementKind?: ReplacementKind;
  /** R-VOL-03: an IC meter's recharged m³ (已充值方数); its actual m³ is the old meter's actual reading. */
  icRecharged?: CentiM3 | null;
  /**
   * R-VOL-04: m³ credited on the temporary meter being taken off, with the approved 用户气费数据修改、退(收)费审批表
   * (its number) and the hall manager who signed in (verified by the caller).
   */
  credit?: { volume: CentiM3; approvalNo: string; approver: { staffId: string; role: string } } | null;
}

/** R-VOL-04: who approves m³ credited on a temporary meter (the hall manager signs in, never the clerk). */
export const CREDIT_APPROVER_ROLES: readonly StaffRole[] = ['manager'];

export function saveMeterChange(deps: ServiceDeps, actor: Actor, input: MeterChangeInput): { business: Business; differenceBillId: string | null; remark: string; icCompensate: CentiM3 | null } {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['换表'], '换表单');
      const old = activeMeter(tx, b.accountId);
      if (!old) throw new DomainError('VALIDATION', '该用户没有在用的气表 (§3.2)', 'businessId');
      const systemReading = billingStart(tx, old);
      const kind = input.replacementKind ?? '换表';
      // R-VOL-04: the meter being taken off is a temporary one when a 临时表 换表单 fitted it
      const fittedAsTemporary = tx
        .select({ oldMeterId: meterChangeRecords.oldMeterId, createdAt: meterChangeRecords.createdAt })
        .from(meterChangeRecords)
        .where(and(eq(meterChangeRecords.newMeterId, old.id), eq(meterChangeRecords.replacementKind, '临时表')))
        .get();
      if (kind === '临时表' && fittedAsTemporary) throw new DomainError('VALIDATION', '在用的已是临时表：原表合格请选「复装原表」，不合格请选「换表」(R-VOL-04)', 'replacementKind');
      if (kind === '复装原表') {
        if (!fittedAsTemporary) throw new DomainError('VALIDATION', '该用户在用的不是临时表，没有可复装的原表 (R-VOL-04)', 'replacementKind');
        const original = tx.select({ meterNo: meters.meterNo }).from(meters).where(eq(meters.id, fittedAsTemporary.oldMeterId)).get();
        // the original's test registered after the temporary meter was fitted (校表登记, R-RCPT-12)
        const test = tx
          .select({ result: meterTestRecords.result })
          .from(meterTestRecords)
          .innerJoin(businesses, eq(businesses.id, meterTestRecords.businessId))
          .where(and(eq(businesses.accountId, b.accountId), gte(meterTestRecords.createdAt, fittedAsTemporary.createdAt)))
          .orderBy(desc(meterTestRecords.createdAt))
          .get();
        checkRefitOriginal(test?.result ?? null, original?.meterNo ?? '', input.meterNo);
      }
      const credit = input.credit ?? null;
      if (credit && credit.volume > 0) {
        if (!fittedAsTemporary) throw new DomainError('VALIDATION', '只有临时表上的气量可以补减 (R-VOL-04)', 'credit');
        if (!credit.approvalNo.trim()) throw new DomainError('VALIDATION', '请填写《用户气费数据修改、退(收)费审批表》编号 (R-VOL-04)', 'creditApprovalNo');
        if (!CREDIT_APPROVER_ROLES.includes(credit.approver.role as StaffRole)) throw new DomainError('FORBIDDEN', '补减气量须经营业厅主任审批（主任登录确认）(R-VOL-04)', 'approver');
        if (credit.approver.staffId === actor.staffId) throw new DomainError('FORBIDDEN', '补减气量须由另一人审批，不能自己审批自己', 'approver');
      }
      const creditedCenti = credit && credit.volume > 0 ? credit.volume : 0;
      // R-VOL-03: an IC meter's remark; its gas is prepaid on the card, so no difference bill: the unused m³ are compensated
      if (old.kind === 'IC卡表' && (input.icRecharged ?? null) === null) throw new DomainError('VALIDATION', 'IC卡表换表须填写已充值方数 (R-VOL-03)', 'icRecharged');
      const ic: IcRemark | null = old.kind === 'IC卡表' ? icRemark(input.oldActualReading, input.icRecharged ?? centiM3(0)) : null;
      // R-VOL-04: the credited m³ lower the reading the temporary meter is billed to, only with the approval above
      const billedReading = centiM3(input.oldActualReading - creditedCenti);
      if (!ic && billedReading < systemReading) {
        throw new DomainError(
          'VALIDATION',
          creditedCenti > 0
            ? `补减 ${formatVolume(creditedCenti)} 方后 ${formatVolume(billedReading)} 小于系统最新读数 ${formatVolume(systemReading)}，补减不能超过本次差额`
            : `旧表实际读数 ${formatVolume(input.oldActualReading)} 小于系统最新读数 ${formatVolume(systemReading)}，须走气费数据修改审批 (R-VOL-07)`,
          creditedCenti > 0 ? 'credit' : 'oldActualReading',
        );
      }
      const account = tx.select({ category: accounts.category }).from(accounts).where(eq(accounts.id, b.accountId)).get();
      // R-VOL-01: the gas on the difference is charged before the latest reading moves to the new meter.
      const difference =
        !ic && billedReading > systemReading
          ? insertBill(tx, deps, actor, now, {
              accountId: b.accountId,
              category: account?.category ?? '普通用户',
              meter: old,
              reading: billedReading,
              source: 'meter_change',
            }).row.id
          : null;
      const remark = [
        kind === '临时表' ? '临时表（原表送检）' : kind === '复装原表' ? '原表检测合格，复装原表' : '',
        ic?.text ?? '',
        creditedCenti > 0 ? `临时表补减 ${formatVolume(creditedCenti)} 方（审批表 ${credit?.approvalNo.trim() ?? ''}）` : '',
      ]
        .filter(Boolean)
        .join('；');
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
          replacementKind: kind,
          icActualCenti: ic?.actual ?? null,
          icRechargedCenti: ic?.recharged ?? null,
          icCompensateCenti: ic?.compensate ?? null,
          remark,
          creditedCenti,
          creditApprovalNo: creditedCenti > 0 ? (credit?.approvalNo.trim() ?? null) : null,
          creditApprovedBy: creditedCenti > 0 ? (credit?.approver.staffId ?? null) : null,
        })
        .run();
      const archived = archiveWithAudit(tx, actor, now, b, 'followup.meter_change', { ...input, systemReading, differenceBillId: difference, oldMeterId: old.id, newMeterId, replacementKind: kind, remark, creditedCenti });
      return { business: archived, differenceBillId: difference, remark, icCompensate: ic?.compensate ?? null };
    },
    { behavior: 'immediate' },
  );
}
