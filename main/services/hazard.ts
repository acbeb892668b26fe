/**
 * 隐患整改 (R-RCPT-13): the rectification receipt of a safety-inspection anomaly — arrival date, 整改类型
 * = 整改完成, rectification date, result, 安检结论 = 通过 — with the rectifier and the consumables.
 */
import { hazardRectifications } from '../../db/schema.js';
import { isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { loadOpenAccount } from './billing.js';
import type { Actor, ServiceDeps } from './context.js';
import type { ConsumableLine } from './follow-ups.js';

export interface HazardInput {
  accountId: string;
  inspectionYear: string;
  arrivalDate: string;
  rectificationDate: string;
  result: string;
  rectifier: string;
  consumables: ConsumableLine[];
}

export function saveHazardRectification(deps: ServiceDeps, actor: Actor, input: HazardInput) {
  const { db, clock } = deps;
  const now = clock.now();
  if (!/^\d{4}$/.test(input.inspectionYear.trim())) throw new DomainError('VALIDATION', '安检年度应为4位年份', 'inspectionYear');
  for (const field of ['arrivalDate', 'rectificationDate'] as const) {
    if (!isValidDate(input[field])) throw new DomainError('VALIDATION', '日期格式不正确 (YYYY-MM-DD)', field);
  }
  if (input.rectificationDate < input.arrivalDate) throw new DomainError('VALIDATION', '整改日期不能早于到场日期 (R-RCPT-13)', 'rectificationDate');
  if (input.result.trim() === '') throw new DomainError('VALIDATION', '请填写整改结果', 'result');
  if (input.rectifier.trim() === '') throw new DomainError('VALIDATION', '请填写整改人员', 'rectifier');
  return db.transaction(
    (tx) => {
      loadOpenAccount(tx, input.accountId); // R-SEC-06
      const row = {
        id: uuidv7(now.getTime()),
        accountId: input.accountId,
        inspectionYear: input.inspectionYear.trim(),
        arrivalDate: input.arrivalDate,
        rectificationType: '整改完成',
        rectificationDate: input.rectificationDate,
        result: input.result.trim(),
        conclusion: '通过',
        rectifier: input.rectifier.trim(),
        consumables: JSON.stringify(input.consumables),
        enteredBy: actor.staffId,
        createdAt: now.toISOString(),
      };
      tx.insert(hazardRectifications).values(row).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'hazard.rectified', entity: 'account', entityId: input.accountId, detail: row }, now);
      return { id: row.id, conclusion: row.conclusion };
    },
    { behavior: 'immediate' },
  );
}
