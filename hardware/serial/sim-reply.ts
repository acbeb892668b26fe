/**
 * How a simulated device answers a frame, with the line faults the tests inject: a reply lost, a reply
 * with a damaged byte (its CRC then fails), or a reply sent a byte at a time.
 */
import { encodeFrame, type Frame } from './frame.js';
import { REPLY } from './protocol-client.js';

export interface ReplyFaults {
  dropNextReply: boolean;
  garbleNextReply: boolean;
  splitReplies?: boolean;
}

export function sendReply(
  send: (bytes: Buffer) => void,
  faults: ReplyFaults,
  protocol: { version: number; maxPayload: number },
  frame: Frame,
  status: number,
  data: Buffer = Buffer.alloc(0),
): void {
  if (faults.dropNextReply) {
    faults.dropNextReply = false;
    return;
  }
  const bytes = encodeFrame({ seq: frame.seq, cmd: frame.cmd | REPLY, payload: Buffer.concat([Buffer.from([status]), data]) }, protocol.version, protocol.maxPayload);
  if (faults.garbleNextReply) {
    faults.garbleNextReply = false;
    const i = bytes.length - 3;
    bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
  }
  if (faults.splitReplies) for (const b of bytes) send(Buffer.from([b]));
  else send(bytes);
}
