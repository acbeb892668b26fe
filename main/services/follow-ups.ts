/**
 * Follow-up forms entered after a completed receipt (R-RCPT-05): the ignition registration (点火登记,
 * R-RCPT-09, §3.12) and the seal / remove / unseal form (R-RCPT-11, §3.10). Saving a form moves the meter
 * status (§3.2) and archives the business.
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/open.js';
import {
  accountPhones,
  accounts,
  businesses,
  consumableAdditions,
  ignitionRecords,
  installRecords,
  meters,
  provisionalIgnitions,
  sealRecords,
  workOrderReceipts,
  workOrders,
} from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { nextMeterStatus, type MeterEvent } from '../domain/meter-status.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import type { BusinessType } from '../../preload/kernel/enums.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { activeMeter as meterInUse } from './billing.js';
import { archiveWithAudit, completedBusiness, loadBusiness, type Business } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';


function activeMeter(tx: Tx, accountId: string) {
  const meter = meterInUse(tx, accountId);
  if (!meter) throw new DomainError('VALIDATION', '该用户没有在用的气表 (§3.2)', 'businessId');
  return meter;
}

export interface IgnitionInput {
  businessId: string;
  latestReading: CentiM3;
  flameFailureDevice: boolean;
  cookerBrand: string;
  cookerYear: string;
  heaterBrand: string;
  heaterOutput: string;
  heaterYear: string;
  heatingBrand: string;
  heatingPower: string;
  heatingYear: string;
  /** R-RCPT-09: what the ignition agreement says, checked against the install form; '' = not stated. */
  agreement?: { meterModel: string; direction: '' | '左进' | '右进'; contactPhone: string; correctMeterData: boolean };
}

/** R-RCPT-09: fields where the ignition agreement and the meter record (install form) disagree. */
export function meterDataMismatch(
  meter: { model: string; direction: string },
  agreement: { meterModel: string; direction: string },
): string[] {
  const out: string[] = [];
  if (agreement.meterModel.trim() !== '' && agreement.meterModel.trim() !== meter.model) out.push(`表型号 ${meter.model || '—'} / ${agreement.meterModel.trim()}`);
  if (agreement.direction !== '' && agreement.direction !== meter.direction) out.push(`表方向 ${meter.direction || '—'} / ${agreement.direction}`);
  return out;
}

/** 点火登记: status → 通气 with the ignition reading (R-VOL-06: the rounded value for ordinary meters). */
export function saveIgnition(deps: ServiceDeps, actor: Actor, input: IgnitionInput): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['点火', '二次点火']);
      const meter = activeMeter(tx, b.accountId);
      if (input.latestReading < meter.baseReadingCenti) {
        throw new DomainError('VALIDATION', `最新方数不能小于表底数 ${formatVolume(meter.baseReadingCenti)} (R-VOL-06)`, 'latestReading');
      }
      // R-PRIV-03: a provisional ignition already put the meter to 通气; this registration corrects it.
      const provisional = tx.select({ id: provisionalIgnitions.id }).from(provisionalIgnitions).where(eq(provisionalIgnitions.businessId, b.id)).get();
      const status = b.type === '点火' && !provisional ? nextMeterStatus(meter.status, 'ignition_saved') : meter.status;
      const agreement = input.agreement;
      const mismatch = agreement ? meterDataMismatch(meter, agreement) : [];
      if (mismatch.length > 0 && !agreement?.correctMeterData) {
        throw new DomainError(
          'VALIDATION',
          `点火单与安装单不一致（安装单/点火单）：${mismatch.join('；')}。请核对安装日期和照片，更正错误的一方 (R-RCPT-09)`,
          'agreementModel',
        );
      }
      if (agreement && mismatch.length > 0) {
        // The install form was wrong: the original data are corrected from the ignition agreement.
        tx.update(meters)
          .set({
            ...(agreement.meterModel.trim() !== '' ? { model: agreement.meterModel.trim() } : {}),
            ...(agreement.direction !== '' ? { direction: agreement.direction } : {}),
          })
          .where(eq(meters.id, meter.id))
          .run();
      }
      if (agreement && agreement.contactPhone.trim() !== '') {
        tx.insert(accountPhones).values({ id: uuidv7(), accountId: b.accountId, phone: agreement.contactPhone.trim() }).onConflictDoNothing().run(); // R-ACC-02
      }
      const { businessId: _b, latestReading, agreement: _a, ...appliances } = input;
      tx.insert(ignitionRecords)
        .values({ id: uuidv7(now.getTime()), businessId: b.id, latestReadingCenti: latestReading, ...appliances, enteredBy: actor.staffId, createdAt: now.toISOString() })
        .run();
      // A first ignition sets the billing start; a second one must not skip gas that is still unbilled.
      if (b.type === '点火' && !provisional) {
        tx.update(meters).set({ status, latestReadingCenti: latestReading }).where(eq(meters.id, meter.id)).run();
      }
      return archiveWithAudit(tx, actor, now, b, 'followup.ignition', { ...input, from: meter.status, to: status });
    },
    { behavior: 'immediate' },
  );
}

const SEAL_EVENTS: Partial<Record<BusinessType, MeterEvent>> = {
  封表: 'seal_saved',
  拆表: 'remove_saved',
  启封: 'unseal_saved',
};

/** 拆、封表单 / 启封表单: settled reading, resulting status, reason (R-RCPT-11). */
export function saveSealForm(
  deps: ServiceDeps,
  actor: Actor,
  input: { businessId: string; settledReading: CentiM3; reason: string },
): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['封表', '拆表', '启封']);
      const event = SEAL_EVENTS[b.type];
      if (!event) throw new DomainError('VALIDATION', `${b.type}业务没有拆封启登记`, 'businessId');
      const meter = activeMeter(tx, b.accountId);
      if (input.settledReading < meter.latestReadingCenti) {
        throw new DomainError(
          'VALIDATION',
          `结算方数 ${formatVolume(input.settledReading)} 不能小于最新读数 ${formatVolume(meter.latestReadingCenti)}`,
          'settledReading',
        );
      }
      const status = nextMeterStatus(meter.status, event);
      tx.insert(sealRecords)
        .values({
          id: uuidv7(now.getTime()),
          businessId: b.id,
          settledReadingCenti: input.settledReading,
          resultingStatus: status,
          reason: input.reason,
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      // The latest reading is left alone: gas between the last bill and the settled reading is still billed.
      tx.update(meters).set({ status }).where(eq(meters.id, meter.id)).run();
      return archiveWithAudit(tx, actor, now, b, 'followup.seal', { ...input, from: meter.status, to: status });
    },
    { behavior: 'immediate' },
  );
}

export interface ConsumableLine {
  name: string;
  unit: string;
  quantity: number;
}

/** 安(改)装单 for an 安装 (R-RCPT-06): meter model, number, direction, base reading, consumables; 报装 → 装表. */
export function saveInstallForm(
  deps: ServiceDeps,
  actor: Actor,
  input: { businessId: string; model: string; meterNo: string; direction: '左进' | '右进'; baseReading: CentiM3; consumables: ConsumableLine[] },
): Business {
  const { db, clock } = deps;
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['安装']);
      // R-RCPT-07: a service-pipe modification done during the installation is entered first.
      const pendingModification = tx
        .select({ businessNo: businesses.businessNo })
        .from(businesses)
        .where(and(eq(businesses.accountId, b.accountId), eq(businesses.type, '改装'), eq(businesses.state, '已完成')))
        .get();
      if (pendingModification) {
        throw new DomainError('VALIDATION', `请先录入改装单 ${pendingModification.businessNo}，再录入安装单 (R-RCPT-07)`, 'businessId');
      }
      const meter = activeMeter(tx, b.accountId);
      const status = nextMeterStatus(meter.status, 'install_saved');
      tx.insert(installRecords)
        .values({
          id: uuidv7(now.getTime()),
          businessId: b.id,
          model: input.model,
          meterNo: input.meterNo,
          direction: input.direction,
          baseReadingCenti: input.baseReading,
          consumables: JSON.stringify(input.consumables),
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      tx.update(meters)
        .set({
          status,
          model: input.model,
          meterNo: input.meterNo,
          direction: input.direction,
          baseReadingCenti: input.baseReading,
          latestReadingCenti: input.baseReading,
          installedOn: businessDateOf(now),
        })
        .where(eq(meters.id, meter.id))
        .run();
      return archiveWithAudit(tx, actor, now, b, 'followup.install', { ...input, from: meter.status, to: status });
    },
    { behavior: 'immediate' },
  );
}

/**
 * 波纹管 / 其它 (R-RCPT-14, R-HOSE-01): after the receipt, the hose record (波纹管情况) of the account is
 * updated; the unseal form may update it too (R-RCPT-11).
 */
export function saveHoseRecord(deps: ServiceDeps, actor: Actor, input: { businessId: string; hoseInfo: string }): Business {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.hoseInfo.trim() === '') throw new DomainError('VALIDATION', '请填写波纹管情况（规格、长度、更换日期）', 'hoseInfo');
  return db.transaction(
    (tx) => {
      const b = completedBusiness(tx, input.businessId, ['其它']);
      tx.update(accounts).set({ hoseInfo: input.hoseInfo.trim() }).where(eq(accounts.id, b.accountId)).run();
      return archiveWithAudit(tx, actor, now, b, 'followup.hose', input);
    },
    { behavior: 'immediate' },
  );
}

/**
 * R-RCPT-10: when an ignition failed and the pipes were rectified, only the consumables are entered, on the
 * account's install or modification form.
 */
export function addRectificationConsumables(
  deps: ServiceDeps,
  actor: Actor,
  input: { ignitionBusinessId: string; consumables: ConsumableLine[] },
): { formBusinessNo: string } {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.consumables.length === 0) throw new DomainError('VALIDATION', '请填写整改所用耗材', 'consumables');
  return db.transaction(
    (tx) => {
      const ignition = loadBusiness(tx, input.ignitionBusinessId);
      if (ignition.type !== '点火' && ignition.type !== '二次点火') throw new DomainError('VALIDATION', '只有点火业务的整改耗材记入安装单', 'businessId');
      const failed = tx
        .select({ result: workOrderReceipts.result })
        .from(workOrderReceipts)
        .innerJoin(workOrders, eq(workOrders.id, workOrderReceipts.workOrderId))
        .where(and(eq(workOrders.businessId, ignition.id), ne(workOrderReceipts.result, '合格')))
        .get();
      if (!failed) throw new DomainError('VALIDATION', '该点火业务没有未成功的回执，无需记整改耗材 (R-RCPT-10)', 'businessId');
      const form = tx
        .select({ id: businesses.id, businessNo: businesses.businessNo })
        .from(businesses)
        .where(and(eq(businesses.accountId, ignition.accountId), inArray(businesses.type, ['安装', '改装']), eq(businesses.state, '已归档')))
        .orderBy(desc(businesses.createdAt))
        .limit(1)
        .get();
      if (!form) throw new DomainError('VALIDATION', '该用户没有已登记的安装单或改装单 (R-RCPT-10)', 'businessId');
      tx.insert(consumableAdditions)
        .values({
          id: uuidv7(now.getTime()),
          businessId: form.id,
          relatedBusinessId: ignition.id,
          consumables: JSON.stringify(input.consumables),
          enteredBy: actor.staffId,
          createdAt: now.toISOString(),
        })
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: 'followup.consumables', entity: 'business', entityId: form.id, detail: input }, now);
      return { formBusinessNo: form.businessNo };
    },
    { behavior: 'immediate' },
  );
}
