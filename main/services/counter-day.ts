/**
 * Opening the counter (R-GEN-01): the checklist and the counted cash float (备用金), recorded once per
 * counter and business day in the audit log, so the day's report can start from it.
 */
import { and, eq, like } from 'drizzle-orm';
import { auditLog } from '../../db/schema.js';
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { formatYuan, type Fen } from '../../preload/kernel/money.js';
import { OPENING_CHECKLIST } from '../../preload/kernel/opening-checklist.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

function openedEntry({ db }: ServiceDeps, actor: Actor, businessDate: string) {
  return db
    .select({ detail: auditLog.detail })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'counter.open'), eq(auditLog.entityId, actor.counterId), like(auditLog.detail, `%"businessDate":"${businessDate}"%`)))
    .get();
}

export function counterOpenedToday(deps: ServiceDeps, actor: Actor): { opened: boolean; floatFen: Fen | null } {
  const entry = openedEntry(deps, actor, businessDateOf(deps.clock.now()));
  if (!entry) return { opened: false, floatFen: null };
  const detail = JSON.parse(entry.detail) as { floatFen: Fen };
  return { opened: true, floatFen: detail.floatFen };
}

export function openCounter(deps: ServiceDeps, actor: Actor, input: { checked: readonly string[]; floatFen: Fen }) {
  const now = deps.clock.now();
  const businessDate = businessDateOf(now);
  const missing = OPENING_CHECKLIST.filter((item) => !input.checked.includes(item));
  if (missing[0]) throw new DomainError('VALIDATION', `开始营业前请确认：${missing[0]} (R-GEN-01)`, 'checklist');
  if (input.floatFen < 0) throw new DomainError('VALIDATION', '备用金不能为负', 'float');
  return deps.db.transaction(
    (tx) => {
      if (openedEntry(deps, actor, businessDate)) throw new DomainError('VALIDATION', `本柜台 ${businessDate} 已开始营业`, 'checklist');
      appendAudit(
        tx,
        { actorId: actor.staffId, action: 'counter.open', entity: 'counter', entityId: actor.counterId, detail: { businessDate, floatFen: input.floatFen, float: formatYuan(input.floatFen) } },
        now,
      );
      return { opened: true, floatFen: input.floatFen };
    },
    { behavior: 'immediate' },
  );
}
