/**
 * 封进户管/立管 for a household without a connection fee (P-PIPE): the household is NOT entered as a
 * customer (R-ACC-01, R-PIPE-04); its request goes into a separate log with the survey contact date,
 * 5 working days from the next day (R-PIPE-03). The same log records the seal of a privately ignited household
 * that refuses the connection fee (R-PRIV-04, A-09). The clerk first checks the system: an address that is
 * already a customer with a meter past 未用 has paid its fee and is not logged here (R-PIPE-01).
 */
import { businessDateOf } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { promisedDate } from '../domain/working-days.js';
import { and, eq, ne } from 'drizzle-orm';
import { accounts, meters, unregisteredPremises } from '../../db/schema.js';
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
      const registered = tx
        .select({ accountNo: accounts.accountNo })
        .from(accounts)
        .innerJoin(meters, and(eq(meters.accountId, accounts.id), eq(meters.active, true)))
        .where(and(eq(accounts.address, input.address.trim()), ne(meters.status, '未用')))
        .get();
      if (registered) {
        throw new DomainError(
          'VALIDATION',
          `该地址已是报装用户 ${registered.accountNo}（已缴报装费），不按未缴报装费封管登记，请按改装或封表办理 (R-PIPE-01)`,
          'pipeAddress',
        );
      }
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
