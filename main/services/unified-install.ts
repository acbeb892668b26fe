/**
 * 统一装表数据保存 (P-UNI, R-UNI-02..05, R-MTR-03): a meter fitted in a building-wide installation is
 * recorded on the account; an archive still 未用 is first switched to 报装 at the clerk's confirmation.
 * The installation date is the original one, or 2002-01-01 when unknown (R-UNI-05, R-VAL-15). The clerk then
 * accepts the ignition or a modification (R-UNI-03).
 */
import { eq, sql } from 'drizzle-orm';
import { accounts, meters } from '../../db/schema.js';
import { isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { nextMeterStatus } from '../domain/meter-status.js';
import { LOST_INVOICE_DATE } from '../domain/registration.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';
import { appendAudit } from './audit.js';
import { activeMeter } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';

export interface UnifiedInstallInput {
  accountId: string;
  model: string;
  meterNo: string;
  direction: '左进' | '右进';
  baseReading: CentiM3;
  /** '' when the original installation date is unknown (R-UNI-05). */
  installedOn: string;
  /** R-MTR-03: the clerk confirmed switching a 未用 archive to 报装 first. */
  switchUnusedToApplied: boolean;
}

export function saveUnifiedInstall(deps: ServiceDeps, actor: Actor, input: UnifiedInstallInput) {
  const { db, clock } = deps;
  const now = clock.now();
  const installedOn = input.installedOn.trim() === '' ? LOST_INVOICE_DATE : input.installedOn.trim();
  if (!isValidDate(installedOn)) throw new DomainError('VALIDATION', '实施日期格式不正确 (YYYY-MM-DD)，不知道时留空', 'installedOn');
  return db.transaction(
    (tx) => {
      const meter = activeMeter(tx, input.accountId);
      if (!meter) throw new DomainError('NOT_FOUND', '该用户没有户表档案，请先办理报装 (R-UNI-02)', 'accountId');
      let status = meter.status;
      if (status === '未用') {
        if (!input.switchUnusedToApplied) {
          throw new DomainError('VALIDATION', '表状态为「未用」，须先改为「报装」再保存统一装表数据 (R-MTR-03)', 'switchUnusedToApplied');
        }
        status = nextMeterStatus(status, 'manual_apply');
      }
      const next = nextMeterStatus(status, 'install_saved');
      tx.update(meters)
        .set({
          status: next,
          model: input.model,
          meterNo: input.meterNo,
          direction: input.direction,
          baseReadingCenti: input.baseReading,
          latestReadingCenti: input.baseReading,
          installedOn,
        })
        .where(eq(meters.id, meter.id))
        .run();
      // R-UNI-04: the requirement field says the meter came from a unified installation.
      tx.update(accounts)
        .set({ installRequirements: sql`trim(${accounts.installRequirements} || ' 统一装表')` })
        .where(eq(accounts.id, input.accountId))
        .run();
      appendAudit(
        tx,
        { actorId: actor.staffId, action: 'meter.unified_install', entity: 'account', entityId: input.accountId, detail: { ...input, installedOn, from: meter.status, to: next } },
        now,
      );
      return { meterStatus: next, installedOn };
    },
    { behavior: 'immediate' },
  );
}
