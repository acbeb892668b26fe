/**
 * 封进户管/立管 for a household without a connection fee (P-PIPE): the household is NOT entered as a
 * customer (R-ACC-01, R-PIPE-04); its request goes into a separate log with the survey contact date,
 * 5 working days from the next day (R-PIPE-03).
 */
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { promisedDate } from '../domain/working-days.js';
import { unregisteredPremises } from '../../db/schema.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import { loadCalendar } from './businesses.js';
import type { Actor, ServiceDeps } from './context.js';

export const PIPE_SURVEY_WORKING_DAYS = 5;

export function logUnregisteredPremises(
  deps: ServiceDeps,
  actor: Actor,
  input: { address: string; householder: string; phone: string; request: string },
) {
  const { db, clock } = deps;
  const now = clock.now();
  if (input.address.trim() === '') throw new DomainError('VALIDATION', '请填写完整地址', 'pipeAddress');
  if (input.request.trim() === '') throw new DomainError('VALIDATION', '请填写用户要求（如封进户管、封立管）', 'pipeRequest');
  return db.transaction(
    (tx) => {
      const recordedOn = businessDateOf(now);
      const row = {
        id: uuidv7(now.getTime()),
        address: input.address.trim(),
        householder: input.householder.trim(),
        phone: input.phone.trim(),
        request: input.request.trim(),
        recordedOn,
        contactBy: promisedDate(recordedOn, PIPE_SURVEY_WORKING_DAYS, loadCalendar(tx)),
        hallId: actor.hallId,
        enteredBy: actor.staffId,
        createdAt: now.toISOString(),
      };
      tx.insert(unregisteredPremises).values(row).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'pipe.log', entity: 'unregistered_premises', entityId: row.id, detail: row }, now);
      return { id: row.id, recordedOn, contactBy: row.contactBy };
    },
    { behavior: 'immediate' },
  );
}
