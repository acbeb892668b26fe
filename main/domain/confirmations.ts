/**
 * Values far outside the usual that the clerk must confirm explicitly before they are posted (issue 10 #5):
 * a counter reading far above the customer's history (A-35, the handheld's 大额方数 rule) and a tendered
 * amount far above the cash due. Pure: each returns what the clerk is asked to check, or null.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import { largeVolume, type LargeVolumeRule } from './handheld.js';
import { fen, formatYuan, type Fen } from '../../preload/kernel/money.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';

/**
 * ASSUMPTION (issue 10 #5, not in DOMAIN.md): a tender is "far above" the cash due when the change would be
 * more than `marginFen`. Default 1000 yuan; Settings.largeTender.
 */
export interface LargeTenderRule {
  marginFen: Fen;
}

export const DEFAULT_LARGE_TENDER: LargeTenderRule = { marginFen: fen(100_000) };

/** The part of a confirmation message that names the unusual reading, or null when it is usual. */
export function unusualReading(
  usedCenti: CentiM3,
  history: { monthlyAverageCenti: CentiM3; months: number },
  rule: LargeVolumeRule,
): string | null {
  const broken = largeVolume(usedCenti, history, rule);
  if (broken === null) return null;
  const used = `本次用气 ${formatVolume(usedCenti)} 方`;
  if (broken === 'absolute') return `${used}，超过 ${formatVolume(rule.absoluteCenti)} 方`;
  return `${used}，超过月均 ${formatVolume(history.monthlyAverageCenti)} 方 × ${history.months} 个月的 ${rule.factor} 倍`;
}

/** What the clerk is shown at 本次立方数 until they confirm. */
export function readingConfirmationPrompt(unusual: string): string {
  return `${unusual}（大额方数 A-35），请核对缴费通知单；确认无误请勾选“确认读数无误”后再提交`;
}

/** What is stored with the bill once the clerk confirmed. */
export function readingConfirmationRecord(unusual: string): string {
  return `大额方数：${unusual} (A-35)，收费员确认`;
}

function yuanText(fen: Fen): string {
  return fen % 100 === 0 ? String(fen / 100) : formatYuan(fen);
}

/** The part of a confirmation message that names the unusual tender, or null when it is usual. */
export function unusualTender(tenderedFen: Fen, cashDueFen: Fen, rule: LargeTenderRule): string | null {
  if (tenderedFen - cashDueFen <= rule.marginFen) return null;
  return `实收 ${formatYuan(tenderedFen)} 元比应收 ${formatYuan(cashDueFen)} 元多出 ${yuanText(rule.marginFen)} 元以上`;
}

export function tenderConfirmationPrompt(unusual: string): string {
  return `${unusual}，请核对实收金额；确认无误请勾选“确认实收金额”后再收费`;
}

export function tenderConfirmationRecord(unusual: string): string {
  return `${unusual}，收费员确认`;
}

/**
 * issue 10 #5: the one large-tender check of every cash-taking path (前台收费, IC-card 购气, 补卡费 and the
 * counter fees of postFee). Pure: the refusal to show at the tendered field until the clerk confirms, or
 * what is stored with the payment row and its audit (null when the tender is usual).
 */
export function checkLargeTender(
  t: { tenderedFen: Fen; cashDueFen: Fen; rule: LargeTenderRule; confirmed: boolean; field?: string },
): { refusal: DomainError } | { confirmation: string | null } {
  const unusual = unusualTender(t.tenderedFen, t.cashDueFen, t.rule);
  if (unusual === null) return { confirmation: null };
  if (!t.confirmed) return { refusal: new DomainError('NEEDS_CONFIRMATION', tenderConfirmationPrompt(unusual), t.field ?? 'tendered') };
  return { confirmation: tenderConfirmationRecord(unusual) };
}

/** checkLargeTender for a service: throws the refusal, returns what is stored. */
export function confirmLargeTender(t: Parameters<typeof checkLargeTender>[0]): string | null {
  const checked = checkLargeTender(t);
  if ('refusal' in checked) throw checked.refusal;
  return checked.confirmation;
}
