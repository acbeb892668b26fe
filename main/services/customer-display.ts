/**
 * The customer-facing display of a counter (R-PAY-07 and R-SEC-15 唱收唱付, R-GEN-02 and R-SEC-14 满意度评价): what the clerk's window
 * shows the customer — amount due, tendered, change — and the rating key the customer presses after the
 * transaction, stored per slip, clerk and counter. The state is per counter and lives in memory:
 * it is what the screen shows now, not a record.
 *
 * Issue 11 #3: the screen is pushed its new state after display.show / display.rate commit, through the one
 * post-commit hook (main/display-push.ts listens to main/ipc/after-commit.ts).
 */
import { eq } from 'drizzle-orm';
import { checkSlips, satisfactionRatings } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { uuidv7 } from '../ids.js';
import type { Actor, ServiceDeps } from './context.js';

export const RATINGS = { 1: '非常满意', 2: '满意', 3: '一般', 4: '不满意' } as const;

export interface DisplayState {
  dueFen: number | null;
  tenderedFen: number | null;
  changeFen: number | null;
  slipNo: string | null;
  /** After a payment the display asks for the rating until the customer presses a key. */
  askRating: boolean;
  updatedAt: string;
}

const EMPTY: Omit<DisplayState, 'updatedAt'> = { dueFen: null, tenderedFen: null, changeFen: null, slipNo: null, askRating: false };

export class CustomerDisplays {
  private readonly byCounter = new Map<string, DisplayState>();

  constructor(private readonly deps: ServiceDeps) {}

  state(counterId: string): DisplayState {
    return this.byCounter.get(counterId) ?? { ...EMPTY, updatedAt: this.deps.clock.now().toISOString() };
  }

  show(actor: Actor, input: Omit<DisplayState, 'updatedAt'>): DisplayState {
    if (input.slipNo !== null) {
      const slip = this.deps.db.select({ counterId: checkSlips.counterId }).from(checkSlips).where(eq(checkSlips.slipNo, input.slipNo)).get();
      if (slip?.counterId !== actor.counterId) throw new DomainError('VALIDATION', `核对单 ${input.slipNo} 不是本柜台的`, 'slipNo');
    }
    const next = { ...input, updatedAt: this.deps.clock.now().toISOString() };
    this.byCounter.set(actor.counterId, next);
    return next;
  }

  rate(actor: Actor, score: number): { score: number; text: string } {
    if (!Number.isInteger(score) || score < 1 || score > 4) throw new DomainError('VALIDATION', '请按 1-4 评价', 'score');
    const shown = this.state(actor.counterId);
    this.deps.db
      .insert(satisfactionRatings)
      .values({ id: uuidv7(), slipNo: shown.slipNo, counterId: actor.counterId, clerkId: actor.staffId, score, createdAt: this.deps.clock.now().toISOString() })
      .run();
    this.byCounter.set(actor.counterId, { ...EMPTY, updatedAt: this.deps.clock.now().toISOString() });
    return { score, text: RATINGS[score as keyof typeof RATINGS] };
  }
}
