/**
 * The working-day calendar: holidays and make-up working days (调休) that promised dates count
 * with (R-LT-01). Kept by the hall director; every change is audited.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { calendarDays } from '../../db/schema.js';
import { isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

export function calendarForYear({ db }: ServiceDeps, year: string) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date))
    .all();
}

/** kind 'normal' removes the entry: the day counts by its weekday again. */
export function setCalendarDay(
  deps: ServiceDeps,
  actor: Actor,
  input: { date: string; kind: 'holiday' | 'workday' | 'normal'; note: string },
) {
  const { db, clock } = deps;
  if (actor.role !== 'manager' && actor.role !== 'admin') {
    throw new DomainError('FORBIDDEN', '只有营业厅主任或管理员可以维护节假日', 'date');
  }
  if (!isValidDate(input.date)) throw new DomainError('VALIDATION', '日期格式不正确 (YYYY-MM-DD)', 'date');
  return db.transaction(
    (tx) => {
      const before = tx.select().from(calendarDays).where(eq(calendarDays.date, input.date)).get() ?? null;
      if (input.kind === 'normal') tx.delete(calendarDays).where(eq(calendarDays.date, input.date)).run();
      else {
        tx.insert(calendarDays)
          .values({ date: input.date, kind: input.kind, note: input.note.trim() })
          .onConflictDoUpdate({ target: calendarDays.date, set: { kind: input.kind, note: input.note.trim() } })
          .run();
      }
      appendAudit(tx, { actorId: actor.staffId, action: 'calendar.set', entity: 'calendar_day', entityId: input.date, detail: { before, after: input } }, clock.now());
      return { date: input.date, kind: input.kind };
    },
    { behavior: 'immediate' },
  );
}
