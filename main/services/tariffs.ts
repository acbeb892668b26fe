/**
 * The price table: a unit price per customer category, versioned by effective date, with optional
 * tier bands by annual volume. A new version never changes bills already made (R-VOL-07); it applies to
 * readings from its date on.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { CUSTOMER_CATEGORIES, tariffs, tariffTiers } from '../../db/schema.js';
import { isValidDate } from '../../preload/kernel/dates.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Fen } from '../../preload/kernel/money.js';
import type { CentiM3 } from '../../preload/kernel/volume.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

type Category = (typeof CUSTOMER_CATEGORIES)[number];

export function listTariffs(deps: ServiceDeps) {
  const rows = deps.db.select().from(tariffs).orderBy(asc(tariffs.category), desc(tariffs.effectiveFrom)).all();
  return rows.map((t) => ({
    category: t.category,
    effectiveFrom: t.effectiveFrom,
    priceFenPerM3: t.priceFenPerM3,
    tiers: deps.db
      .select({ fromCenti: tariffTiers.fromCenti, priceFenPerM3: tariffTiers.priceFenPerM3 })
      .from(tariffTiers)
      .where(eq(tariffTiers.tariffId, t.id))
      .orderBy(asc(tariffTiers.fromCenti))
      .all(),
  }));
}

export function setTariff(
  deps: ServiceDeps,
  actor: Actor,
  input: { category: Category; effectiveFrom: string; priceFenPerM3: Fen; tiers: readonly { fromCenti: CentiM3; priceFenPerM3: Fen }[] },
) {
  if (!isValidDate(input.effectiveFrom)) throw new DomainError('VALIDATION', '生效日期格式为 YYYY-MM-DD', 'effectiveFrom');
  if (input.priceFenPerM3 <= 0) throw new DomainError('VALIDATION', '单价须大于 0', 'price');
  const tiers = [...input.tiers].sort((a, b) => a.fromCenti - b.fromCenti);
  if (tiers.length > 0 && tiers[0]?.fromCenti !== 0) throw new DomainError('VALIDATION', '第1档须从年用气 0 方起', 'tiers');
  if (new Set(tiers.map((t) => t.fromCenti)).size !== tiers.length) throw new DomainError('VALIDATION', '各档起点不能重复', 'tiers');
  if (tiers.some((t) => t.priceFenPerM3 <= 0)) throw new DomainError('VALIDATION', '各档单价须大于 0', 'tiers');
  const now = deps.clock.now();
  return deps.db.transaction(
    (tx) => {
      const existing = tx.select({ id: tariffs.id }).from(tariffs).where(and(eq(tariffs.category, input.category), eq(tariffs.effectiveFrom, input.effectiveFrom))).get();
      if (existing) throw new DomainError('VALIDATION', `${input.category} ${input.effectiveFrom} 已有气价，请用新的生效日期`, 'effectiveFrom');
      const id = uuidv7(now.getTime());
      tx.insert(tariffs).values({ id, category: input.category, priceFenPerM3: input.priceFenPerM3, effectiveFrom: input.effectiveFrom }).run();
      for (const t of tiers) tx.insert(tariffTiers).values({ tariffId: id, ...t }).run();
      appendAudit(tx, { actorId: actor.staffId, action: 'tariff.set', entity: 'tariff', entityId: id, detail: { ...input, tiers } }, now);
      return { id };
    },
    { behavior: 'immediate' },
  );
}
