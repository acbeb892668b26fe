/**
 * The request/reply core every device driver shares (ARCHITECTURE "Devices"): one command in flight,
 * sequence numbers matched on the reply, named timeouts, typed failures, retries only for commands that
 * change nothing. Works over any byte transport (serialport, SerialPortMock, a pty).
 */
import { encodeFrame, FrameDecoder, type Frame } from './frame.js';
import { DeviceDisconnectedError, DeviceTimeoutError } from './errors.js';

export const REPLY = 0x80;

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

interface Pending {
  seq: number;
  cmd: number;
  resolve: (frame: Frame) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class ProtocolClient {
  private seq = 0;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly decoder: FrameDecoder;
  /** Frames that arrived with no command waiting for them (late replies after a timeout). */
  stray = 0;

  constructor(
    private readonly transport: ByteTransport,
    private readonly version: number,
    private readonly maxPayload: number,
    readonly timeouts: Timeouts,
  ) {
    this.decoder = new FrameDecoder(version, maxPayload);
    transport.onData((bytes) => {
      for (const frame of this.decoder.push(bytes)) this.deliver(frame);
    });
    transport.onClose(() => {
      const p = this.pending;
      if (p) {
        clearTimeout(p.timer);
        this.pending = null;
        p.reject(new DeviceDisconnectedError('device was unplugged'));
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
    if (!this.transport.isOpen()) return Promise.reject(new DeviceDisconnectedError());
    this.seq = (this.seq + 1) & 0xff;
    const seq = this.seq;
    return new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending?.seq === seq) this.pending = null;
        this.decoder.reset();
        reject(new DeviceTimeoutError(name));
      }, timeoutMs);
      this.pending = { seq, cmd, resolve, reject, timer };
      this.transport.write(encodeFrame({ seq, cmd, payload }, this.version, this.maxPayload)).catch((error: unknown) => {
        clearTimeout(timer);
        if (this.pending?.seq === seq) this.pending = null;
        reject(new DeviceDisconnectedError(error instanceof Error ? error.message : undefined));
      });
    });
  }

  /** One command; `idempotent` ones are retried after a timeout, the others never. */
  command(cmd: number, payload: Buffer, name: string, idempotent: boolean): Promise<Frame> {
    return this.exclusive(async () => {
      const attempts = idempotent ? this.timeouts.readRetries + 1 : 1;
      const timeout = idempotent ? this.timeouts.readMs : this.timeouts.writeMs;
      let last: Error = new DeviceTimeoutError(name);
      for (let i = 0; i < attempts; i++) {
        try {
          return await this.once(cmd, payload, timeout, name);
        } catch (error) {
          if (!(error instanceof DeviceTimeoutError)) throw error;
          last = error;
        }
      }
      throw last;
    });
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
