/**
 * GHC-CARD/1 protocol client: one command in flight, sequence numbers, named timeouts, typed failures,
 * retries only for commands that change nothing (IDENTIFY, READ). Works over any byte transport.
 */
import {
  CMD,
  decodeRecord,
  encodeIssue,
  encodePurchase,
  MAX_PAYLOAD,
  RECORD_LENGTH,
  STATUS,
  statusName,
  VERSION,
  type CardRecord,
  type Frame,
  type PurchaseRequest,
} from './codec.js';
import { ProtocolClient, type ByteTransport, type Timeouts } from '../serial/protocol-client.js';
import { CardStatusError, type CardReader } from './reader.js';

export type { ByteTransport, Timeouts } from '../serial/protocol-client.js';

export const DEFAULT_TIMEOUTS: Timeouts = { readMs: 800, writeMs: 2000, readRetries: 2 };

export class CardProtocolClient implements CardReader {
  private readonly core: ProtocolClient;

  constructor(transport: ByteTransport, timeouts: Timeouts = DEFAULT_TIMEOUTS) {
    this.core = new ProtocolClient(transport, VERSION, MAX_PAYLOAD, timeouts);
  }

  get droppedFrames(): number {
    return this.core.droppedFrames;
  }

  private command(cmd: number, payload: Buffer, name: string, idempotent: boolean): Promise<Frame> {
    return this.core.command(cmd, payload, name, idempotent);
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
    return this.core.close();
  }
}
