/**
 * GHC-CARD/1 protocol client: one command in flight, sequence numbers, named timeouts, typed failures,
 * retries only for commands that change nothing (IDENTIFY, READ). Works over any byte transport.
 */
import {
  CMD,
  decodeRecord,
  encodeFrame,
  encodeIssue,
  encodePurchase,
  FrameDecoder,
  REPLY,
  RECORD_LENGTH,
  STATUS,
  statusName,
  type CardRecord,
  type Frame,
  type PurchaseRequest,
} from './codec.js';
import { CardDisconnectedError, CardStatusError, CardTimeoutError, type CardReader } from './reader.js';

export interface ByteTransport {
  write(bytes: Buffer): Promise<void>;
  onData(listener: (bytes: Buffer) => void): void;
  onClose(listener: () => void): void;
  isOpen(): boolean;
  close(): Promise<void>;
}

export interface Timeouts {
  readMs: number;
  writeMs: number;
  readRetries: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { readMs: 800, writeMs: 2000, readRetries: 2 };

interface Pending {
  seq: number;
  cmd: number;
  resolve: (frame: Frame) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class CardProtocolClient implements CardReader {
  private seq = 0;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly decoder = new FrameDecoder();
  /** Frames that arrived with no command waiting for them (late replies after a timeout). */
  stray = 0;

  constructor(
    private readonly transport: ByteTransport,
    private readonly timeouts: Timeouts = DEFAULT_TIMEOUTS,
  ) {
    transport.onData((bytes) => {
      for (const frame of this.decoder.push(bytes)) this.deliver(frame);
    });
    transport.onClose(() => {
      const p = this.pending;
      if (p) {
        clearTimeout(p.timer);
        this.pending = null;
        p.reject(new CardDisconnectedError('card reader was unplugged'));
      }
    });
  }

  get droppedFrames(): number {
    return this.decoder.dropped;
  }

  private deliver(frame: Frame): void {
    const p = this.pending;
    if (!p || frame.seq !== p.seq || frame.cmd !== (p.cmd | REPLY)) {
      this.stray++;
      return;
    }
    clearTimeout(p.timer);
    this.pending = null;
    p.resolve(frame);
  }

  /** Serialises commands: the next starts only when the previous has settled. */
  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private once(cmd: number, payload: Buffer, timeoutMs: number, name: string): Promise<Frame> {
    if (!this.transport.isOpen()) return Promise.reject(new CardDisconnectedError());
    this.seq = (this.seq + 1) & 0xff;
    const seq = this.seq;
    return new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending?.seq === seq) this.pending = null;
        this.decoder.reset();
        reject(new CardTimeoutError(name));
      }, timeoutMs);
      this.pending = { seq, cmd, resolve, reject, timer };
      this.transport.write(encodeFrame({ seq, cmd, payload })).catch((error: unknown) => {
        clearTimeout(timer);
        if (this.pending?.seq === seq) this.pending = null;
        reject(error instanceof Error ? new CardDisconnectedError(error.message) : new CardDisconnectedError());
      });
    });
  }

  private command(cmd: number, payload: Buffer, name: string, idempotent: boolean): Promise<Frame> {
    return this.exclusive(async () => {
      const attempts = idempotent ? this.timeouts.readRetries + 1 : 1;
      const timeout = idempotent ? this.timeouts.readMs : this.timeouts.writeMs;
      let last: Error = new CardTimeoutError(name);
      for (let i = 0; i < attempts; i++) {
        try {
          return await this.once(cmd, payload, timeout, name);
        } catch (error) {
          if (!(error instanceof CardTimeoutError)) throw error;
          last = error;
        }
      }
      throw last;
    });
  }

  private static record(frame: Frame): CardRecord {
    const status = frame.payload[0] ?? 0xff;
    const data = frame.payload.subarray(1);
    const record = data.length === RECORD_LENGTH ? decodeRecord(Buffer.from(data)) : null;
    if (status !== STATUS.OK) throw new CardStatusError(statusName(status), record);
    if (!record) throw new CardStatusError('BAD_PAYLOAD', null);
    return record;
  }

  async identify(): Promise<string> {
    const frame = await this.command(CMD.IDENTIFY, Buffer.alloc(0), 'IDENTIFY', true);
    if (frame.payload[0] !== STATUS.OK) throw new CardStatusError(statusName(frame.payload[0] ?? 0xff), null);
    return frame.payload.subarray(1).toString('ascii');
  }

  async read(): Promise<CardRecord> {
    return CardProtocolClient.record(await this.command(CMD.READ, Buffer.alloc(0), 'READ', true));
  }

  async issue(cardNo: string, accountNo: string, counter: number): Promise<CardRecord> {
    return CardProtocolClient.record(await this.command(CMD.ISSUE, encodeIssue(cardNo, accountNo, counter), 'ISSUE', false));
  }

  async purchase(request: PurchaseRequest): Promise<CardRecord> {
    return CardProtocolClient.record(await this.command(CMD.PURCHASE, encodePurchase(request), 'PURCHASE', false));
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
