/**
 * A card reader/writer that speaks GHC-CARD/1 (PROTOCOL.md) over bytes, with one card slot and the
 * faults the tests need: a card pulled before or after the write reached it, garbled, dropped or split
 * replies. Used in-process (SerialPortMock) and out-of-process over a pty (sim-cli.ts).
 */
import {
  CMD,
  decodeIssue,
  decodePurchase,
  encodeRecord,
  FrameDecoder,
  MAX_PAYLOAD,
  STATUS,
  VERSION,
  type CardRecord,
  type Frame,
} from './codec.js';
import { sendReply } from '../serial/sim-reply.js';

/** What goes wrong with the next ISSUE or PURCHASE; `lose_reply` applies the write and never answers. */
export type WriteFault = 'pull_before_apply' | 'pull_after_apply' | 'write_failed' | 'lose_reply';

export interface SimulatorFaults {
  /** Applies to the next ISSUE or PURCHASE. */
  nextWrite: WriteFault | null;
  garbleNextReply: boolean;
  dropNextReply: boolean;
  /** Replies leave in single bytes (exercises reassembly). */
  splitReplies: boolean;
}

export class CardSimulator {
  card: CardRecord | null = null;
  readonly faults: SimulatorFaults = { nextWrite: null, garbleNextReply: false, dropNextReply: false, splitReplies: false };
  readonly identity = 'GHC-CARD/1 SIM 1.0';
  private readonly decoder = new FrameDecoder();
  /** Commands received, for tests that count writes. */
  readonly log: { cmd: number; seq: number }[] = [];

  constructor(private readonly send: (bytes: Buffer) => void) {}

  insertBlank(): void {
    this.card = { cardNo: '', accountNo: '', counter: 0, creditCenti: 0, totalCenti: 0, blank: true };
  }

  insert(card: CardRecord): void {
    this.card = { ...card };
  }

  remove(): CardRecord | null {
    const card = this.card;
    this.card = null;
    return card;
  }

  /** The customer put the card into the meter: the credit moved into the meter. */
  loadIntoMeter(): void {
    if (this.card) this.card = { ...this.card, creditCenti: 0 };
  }

  receive(bytes: Uint8Array): void {
    for (const frame of this.decoder.push(bytes)) this.handle(frame);
  }

  private reply(frame: Frame, status: number, data?: Buffer): void {
    sendReply(this.send, this.faults, { version: VERSION, maxPayload: MAX_PAYLOAD }, frame, status, data);
  }

  private takeWriteFault(): WriteFault | null {
    const f = this.faults.nextWrite;
    this.faults.nextWrite = null;
    return f;
  }

  private handle(frame: Frame): void {
    this.log.push({ cmd: frame.cmd, seq: frame.seq });
    switch (frame.cmd) {
      case CMD.IDENTIFY:
        return this.reply(frame, STATUS.OK, Buffer.from(this.identity, 'ascii'));
      case CMD.READ:
        if (!this.card) return this.reply(frame, STATUS.NO_CARD);
        if (this.card.blank) return this.reply(frame, STATUS.BLANK_CARD);
        return this.reply(frame, STATUS.OK, encodeRecord(this.card));
      case CMD.ISSUE:
        return this.issue(frame);
      case CMD.PURCHASE:
        return this.purchase(frame);
      default:
        return this.reply(frame, STATUS.UNKNOWN_COMMAND);
    }
  }

  private issue(frame: Frame): void {
    let req;
    try {
      req = decodeIssue(frame.payload);
    } catch {
      return this.reply(frame, STATUS.BAD_PAYLOAD);
    }
    if (!this.card) return this.reply(frame, STATUS.NO_CARD);
    if (!this.card.blank) return this.reply(frame, STATUS.NOT_BLANK, encodeRecord(this.card));
    const fault = this.takeWriteFault();
    if (fault === 'pull_before_apply') return void this.remove();
    if (fault === 'write_failed') return this.reply(frame, STATUS.WRITE_FAILED);
    this.card = { cardNo: req.cardNo, accountNo: req.accountNo, counter: req.counter, creditCenti: 0, totalCenti: 0, blank: false };
    if (fault === 'pull_after_apply') return void this.remove();
    if (fault === 'lose_reply') return;
    return this.reply(frame, STATUS.OK, encodeRecord(this.card));
  }

  private purchase(frame: Frame): void {
    let req;
    try {
      req = decodePurchase(frame.payload);
    } catch {
      return this.reply(frame, STATUS.BAD_PAYLOAD);
    }
    const card = this.card;
    if (!card) return this.reply(frame, STATUS.NO_CARD);
    if (card.blank) return this.reply(frame, STATUS.BLANK_CARD);
    if (card.cardNo !== req.cardNo) return this.reply(frame, STATUS.CARD_MISMATCH, encodeRecord(card));
    if (card.counter !== req.counterBefore) return this.reply(frame, STATUS.COUNTER_MISMATCH, encodeRecord(card));
    if (card.creditCenti + req.deltaCenti < 0) return this.reply(frame, STATUS.INSUFFICIENT_CREDIT, encodeRecord(card));
    const fault = this.takeWriteFault();
    if (fault === 'pull_before_apply') return void this.remove();
    if (fault === 'write_failed') return this.reply(frame, STATUS.WRITE_FAILED);
    this.card = {
      ...card,
      counter: req.counterAfter,
      creditCenti: card.creditCenti + req.deltaCenti,
      totalCenti: card.totalCenti + req.deltaCenti,
    };
    if (fault === 'pull_after_apply') return void this.remove();
    if (fault === 'lose_reply') return;
    return this.reply(frame, STATUS.OK, encodeRecord(this.card));
  }
}
