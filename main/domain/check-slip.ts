/**
 * Layout of the gas-fee check slip (气费核对单, R-INV-06, A-47; R-SEC-25 wants start/end readings, volume,
 * unit price and amount). Pure: turns slip data into printable lines of exact display width. The
 * printer driver turns lines into bytes.
 */
import { formatYuan, negFen, subFen, ZERO_FEN, type Fen } from '../../preload/kernel/money.js';
import { formatVolume, type CentiM3 } from '../../preload/kernel/volume.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';
import { leftRight, padEndToWidth, padStartToWidth, wrapToWidth } from '../../preload/kernel/text-width.js';

export interface CheckSlipBill {
  readingDate: string;
  previousReading: CentiM3;
  thisReading: CentiM3;
  consumption: CentiM3;
  priceFenPerM3: number;
  gasFen: Fen;
  lateFeeFen: Fen;
  overdueDays: number;
}

export interface CheckSlipData {
  receiptNo: string;
  hallName: string;
  counterName: string;
  clerkName: string;
  printedAt: string; // 'YYYY-MM-DD HH:mm:ss'
  businessDate: string;
  accountNo: string;
  customerName: string;
  address: string;
  method: string;
  /** 收款项目: 燃气费 prints the bill table; any other fee prints its item and invoice category. */
  chargeType: string;
  invoiceCategory: string;
  bills: CheckSlipBill[];
  gasFen: Fen;
  lateFeeFen: Fen;
  totalFen: Fen;
  tenderedFen: Fen;
  changeFen: Fen;
  copy: boolean; // a reprint is marked 副本 (R-INV-03, A-14)
  /** Tickets, coupons or vouchers taken (R-TKT-08/12); empty for cash. */
  tickets?: CheckSlipTickets[];
  ticketFen?: Fen;
  ticketCashFen?: Fen;
  /** An IC-card recharge: the card and the volume written (R-IC-01). */
  card?: { cardNo: string; volume: CentiM3; priceFenPerM3: number; purchaseNo: number };
  /** A reversal (冲正): the slip it reverses and why. */
  reversal?: { originalSlipNo: string; reason: string };
  /**
   * R-SEC-06: a closure's deposit offset against its final bill: on the gas slip the deposit moved in as tender, on the
   * deposit's refund slip where it went (the other slip's number).
   */
  depositTransfer?: { otherSlipNo: string; depositFen: Fen };
  /** The payment was reversed by this voucher: its slip prints marked 已冲正 and offers no invoice (issue 10 #6). */
  reversedBySlipNo?: string;
}

export interface CheckSlipTickets {
  kind: string;
  year: number;
  quarter: number | null;
  count: number;
  volume: CentiM3;
  valueFen: Fen;
}

/** ￥ is U+FFE5 (full width), never ¥ (ARCHITECTURE "Chinese receipts"). */
export const YUAN_SIGN = '￥';

export function yuan(fen: Fen): string {
  return `${YUAN_SIGN}${formatYuan(fen)}`;
}

export function layoutCheckSlip(data: CheckSlipData, columns: number): SlipLine[] {
  const lines: SlipLine[] = [];
  const text = (t: string): void => {
    lines.push({ kind: 'text', text: t });
  };
  const gas = data.chargeType === '燃气费';
  const refund = data.totalFen < 0; // a deposit handed back (R-TEST-05) or a reversal
  const card = data.card;
  const title = data.reversal ? '冲正凭证' : card ? 'IC卡购气核对单' : gas ? '管道燃气费核对单' : refund ? '押金退还凭证' : '营业收费凭证';
  lines.push({ kind: 'title', text: title });
  text(data.copy ? '(客户联)  副本' : '(客户联)');
  if (data.reversedBySlipNo) {
    text('*** 已冲正 ***');
    text(leftRight('冲正凭证号:', data.reversedBySlipNo, columns));
  }
  lines.push({ kind: 'rule' });
  text(leftRight('核对单号:', data.receiptNo, columns));
  text(leftRight('营业厅:', `${data.hallName} ${data.counterName}`, columns));
  text(leftRight('收费员:', data.clerkName, columns));
  text(leftRight('收费时间:', data.printedAt, columns));
  lines.push({ kind: 'rule' });
  text(leftRight('用户编号:', data.accountNo, columns));
  text(leftRight('用户姓名:', data.customerName, columns));
  for (const part of wrapToWidth(`地址:${data.address}`, columns)) text(part);
  lines.push({ kind: 'rule' });
  if (data.reversal) {
    text(leftRight('原核对单号:', data.reversal.originalSlipNo, columns));
    for (const part of wrapToWidth(`冲正原因:${data.reversal.reason}`, columns)) text(part);
  }
  if (card) {
    text(leftRight('IC卡号:', card.cardNo, columns));
    text(leftRight('购气次数:', String(card.purchaseNo), columns));
    text(leftRight('购气量:', `${formatVolume(card.volume)} 方`, columns));
    text(leftRight('单价:', `${formatYuan(card.priceFenPerM3)} 元/方`, columns));
  } else if (gas) layoutBills(data, columns, text);
  else {
    text(leftRight('收款项目:', data.chargeType, columns));
    text(leftRight('发票类别:', `${data.invoiceCategory}发票`, columns));
  }
  lines.push({ kind: 'rule' });
  if (gas) {
    text(leftRight('气费合计:', yuan(data.gasFen), columns));
    text(leftRight('滞纳金:', yuan(data.lateFeeFen), columns));
  }
  const tickets = data.tickets ?? [];
  if ((data.ticketCashFen ?? 0) !== 0) text(leftRight('票面现金:', yuan(data.ticketCashFen ?? ZERO_FEN), columns));
  if (refund) {
    if (data.reversal) text(leftRight('冲正金额:', yuan(data.totalFen), columns));
    for (const t of tickets) text(ticketLine(t, columns));
    if ((data.ticketFen ?? 0) !== 0) text(leftRight('退还票证抵款:', yuan(negFen(data.ticketFen ?? ZERO_FEN)), columns));
    text(leftRight(data.reversal ? '退还现金:' : '退还金额:', yuan(data.changeFen), columns));
    if (data.depositTransfer) text(leftRight('转抵最终气费，见:', data.depositTransfer.otherSlipNo, columns));
  } else {
    text(leftRight('应收金额:', yuan(data.totalFen), columns));
    text(leftRight('缴费方式:', data.method, columns));
    for (const t of tickets) text(ticketLine(t, columns));
    if (tickets.length > 0) {
      text(leftRight('票证抵款:', yuan(data.ticketFen ?? ZERO_FEN), columns));
      text(leftRight('实收现金:', yuan(data.tenderedFen), columns));
    } else if (data.depositTransfer) {
      // R-SEC-06: the closure deposit (its refund slip) paid this final bill; the customer's own cash beside it
      text(leftRight('押金抵扣:', yuan(data.depositTransfer.depositFen), columns));
      text(leftRight('押金退还凭证:', data.depositTransfer.otherSlipNo, columns));
      text(leftRight('实收现金:', yuan(subFen(data.tenderedFen, data.depositTransfer.depositFen)), columns));
    } else {
      text(leftRight('实收:', yuan(data.tenderedFen), columns));
    }
    text(leftRight('找零:', yuan(data.changeFen), columns));
  }
  lines.push({ kind: 'rule' });
  text(invoiceLine(data, gas));
  text('客服电话 88511111  抢修 88386119');
  lines.push({ kind: 'feed', lines: 3 });
  return lines;
}

/** A reversal voucher and a reversed payment's slip are never exchanged for an invoice (issue 10 #6, R-INV-03). */
export function invoiceExchangeable(data: Pick<CheckSlipData, 'reversal' | 'reversedBySlipNo'>): boolean {
  return !data.reversal && !data.reversedBySlipNo;
}

/** The last line: where the invoice comes from, except on a reversal or a reversed payment (issue 10 #6). */
function invoiceLine(data: CheckSlipData, gas: boolean): string {
  if (data.reversal) return '冲正凭证，不能换取发票。';
  if (data.reversedBySlipNo) return '本单已冲正，不能换取发票。';
  return gas ? '请核对收好，凭此单可换取发票。' : '请核对收好，凭此凭证领取发票。';
}

/** One ticket group: kind, designated quarter (A-29 year only), count and what it is worth. */
function ticketLine(t: CheckSlipTickets, columns: number): string {
  const period = t.quarter === null ? `${t.year}年` : `${t.year}年${t.quarter}季`;
  const worth = t.volume > 0 ? `${formatVolume(t.volume)}方` : yuan(t.valueFen);
  return leftRight(`  ${t.kind} ${period} ${t.count}张`, worth, columns);
}

function layoutBills(data: CheckSlipData, columns: number, text: (t: string) => void): void {
  const dateCol = 11;
  const volCol = Math.floor((columns - dateCol) / 2);
  const amtCol = columns - dateCol - volCol;
  text(padEndToWidth('抄表日期', dateCol) + padStartToWidth('用气量(方)', volCol) + padStartToWidth('气费', amtCol));
  for (const bill of data.bills) {
    text(
      padEndToWidth(bill.readingDate, dateCol) +
        padStartToWidth(formatVolume(bill.consumption), volCol) +
        padStartToWidth(formatYuan(bill.gasFen), amtCol),
    );
    text(`  读数 ${formatVolume(bill.previousReading)} 至 ${formatVolume(bill.thisReading)}`);
    text(`  单价 ${formatYuan(bill.priceFenPerM3)} 元/方`);
    if (bill.lateFeeFen > 0) {
      text(leftRight(`  滞纳金(逾期${bill.overdueDays}天)`, formatYuan(bill.lateFeeFen), columns));
    }
  }
}
