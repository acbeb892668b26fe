/**
 * The printer end of the raw ESC/POS link, shared by the TCP simulator (tcp-simulator.ts) and the serial one
 * (sim-cli.ts): answers DLE EOT 1/2/4 from its state the moment it arrives (real time, also while offline or
 * with a full buffer) and prints every other byte while it can; GS r 1 is answered when the printing reaches
 * it. Unbuffered (default) it prints as bytes arrive and drops what it cannot print; `buffered N` makes it
 * a real printer's input buffer printed N bytes every 10 ms, stalled while it cannot print. Faults: cover
 * open, paper out (now or after N more printed bytes, i.e. mid-job), near end, an error, offline, mute.
 */
import { encodeStatus, type PrinterStatus } from './status.js';

export interface DeviceFaults {
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  error: boolean;
  /** Switched offline by hand (the printer's own button). */
  offline: boolean;
  /** Answers no status query. */
  mute: boolean;
  /** The paper runs out after this many more printed bytes. */
  paperOutAfter: number | null;
  /** Knows no GS r (an older or simpler printer): prints nothing for it and never answers. */
  noGsR: boolean;
}

const TICK_MS = 10;

export class EscPosDevice {
  readonly faults: DeviceFaults = { coverOpen: false, paperOut: false, paperNearEnd: false, error: false, offline: false, mute: false, paperOutAfter: null, noGsR: false };
  /** Every byte received, status queries included. */
  received: number[] = [];
  /** The bytes that reached the paper (status queries and bytes sent while it could not print excluded). */
  printed: number[] = [];
  statusQueries = 0;
  /** Bytes printed per 10 ms tick from the input buffer; null: printed as they arrive. */
  printRate: number | null = null;
  /** Where answers that come later than the bytes asking for them go (GS r 1 of a buffered printer). */
  send: (bytes: Buffer) => void = () => undefined;
  private readonly buffer: number[] = [];
  /** Incoming real-time parse: 0 normal, 1 DLE seen, 2 DLE EOT seen. */
  private parse = 0;
  /** Print-side parse of GS r n: 0 normal, 1 GS seen, 2 GS r seen. */
  private gs = 0;
  private timer: NodeJS.Timeout | null = null;

  status(): PrinterStatus {
    const f = this.faults;
    return { online: !f.offline, coverOpen: f.coverOpen, paperOut: f.paperOut, paperNearEnd: f.paperNearEnd, error: f.error };
  }

  canPrint(): boolean {
    const f = this.faults;
    return !f.offline && !f.coverOpen && !f.paperOut && !f.error;
  }

  /** Takes bytes from the link; returns the answers to send back at once. */
  receive(bytes: Buffer): Buffer {
    const reply: number[] = [];
    const later: number[] = [];
    for (const b of bytes) {
      this.received.push(b);
      if (this.parse === 2) {
        this.parse = 0;
        if (b === 1 || b === 2 || b === 4) {
          this.statusQueries++;
          if (!this.faults.mute) reply.push(encodeStatus(b, this.status()));
          continue;
        }
        later.push(0x10, 0x04);
      } else if (this.parse === 1) {
        this.parse = 0;
        if (b === 0x04) {
          this.parse = 2;
          continue;
        }
        later.push(0x10);
      }
      if (b === 0x10) {
        this.parse = 1;
        continue;
      }
      later.push(b);
    }
    if (this.printRate === null) {
      for (const b of later) this.process(b, reply);
    } else {
      for (const b of later) this.buffer.push(b);
      this.schedule();
    }
    return Buffer.from(reply);
  }

  /** One byte reaches the print engine: GS r 1 is answered, everything else printed (or dropped if it cannot print). */
  private process(b: number, reply: number[]): void {
    if (!this.canPrint()) return;
    if (this.gs === 2) {
      this.gs = 0;
      if (b === 1 || b === 49) {
        if (!this.faults.mute && !this.faults.noGsR) reply.push((this.faults.paperNearEnd ? 0x03 : 0) | (this.faults.paperOut ? 0x0c : 0));
        return;
      }
      this.print(0x1d);
      this.print(0x72);
    } else if (this.gs === 1) {
      this.gs = 0;
      if (b === 0x72) {
        this.gs = 2;
        return;
      }
      this.print(0x1d);
    }
    if (b === 0x1d) {
      this.gs = 1;
      return;
    }
    this.print(b);
  }

  private print(b: number): void {
    this.printed.push(b);
    const f = this.faults;
    if (f.paperOutAfter !== null && --f.paperOutAfter <= 0) {
      f.paperOutAfter = null;
      f.paperOut = true;
    }
  }

  private schedule(): void {
    if (this.timer || this.buffer.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const reply: number[] = [];
      for (let n = this.printRate ?? this.buffer.length; n > 0 && this.buffer.length > 0 && this.canPrint(); n--) this.process(this.buffer.shift() ?? 0, reply);
      if (reply.length > 0) this.send(Buffer.from(reply));
      this.schedule();
    }, TICK_MS);
    this.timer.unref();
  }

  /** Cash-drawer kicks (ESC p) that reached the printer. */
  drawerKicks(): number {
    let n = 0;
    for (let i = 0; i + 1 < this.printed.length; i++) if (this.printed[i] === 0x1b && this.printed[i + 1] === 0x70) n++;
    return n;
  }

  /**
   * A control line (the terminal of sim-cli and the harness): `paperout`, `paperin`, `paperout-after N`,
   * `nearend`, `cover open|close`, `offline`, `online`, `error`, `mute`, `no-gsr`, `buffered N` (0: unbuffered),
   * `reset` (a power cycle), `state`, `bytes` (the state with the printed bytes in hex).
   */
  control(line: string): Record<string, unknown> {
    const [cmd, arg] = line.trim().split(/\s+/);
    const f = this.faults;
    switch (cmd) {
      case 'paperout': f.paperOut = true; break;
      case 'paperin': f.paperOut = false; f.paperNearEnd = false; break;
      case 'paperout-after': f.paperOutAfter = Number(arg ?? 100); break;
      case 'nearend': f.paperNearEnd = true; break;
      case 'cover': f.coverOpen = arg === 'open'; break;
      case 'offline': f.offline = true; break;
      case 'online': f.offline = false; break;
      case 'error': f.error = true; break;
      case 'mute': f.mute = true; break;
      case 'no-gsr': f.noGsR = true; break;
      case 'buffered': this.printRate = Number(arg ?? 0) > 0 ? Number(arg) : null; break;
      case 'reset': // a power cycle: faults cleared, the input buffer lost
        Object.assign(f, { coverOpen: false, paperOut: false, paperNearEnd: false, error: false, offline: false, mute: false, paperOutAfter: null, noGsR: false });
        this.buffer.length = 0;
        break;
      case 'state': case 'bytes': case '': case undefined: break;
      default: return { error: `unknown command ${cmd}` };
    }
    this.schedule();
    const state = { ...f, received: this.received.length, printed: this.printed.length, buffered: this.buffer.length, drawerKicks: this.drawerKicks() };
    return cmd === 'bytes' ? { ...state, printedHex: Buffer.from(this.printed).toString('hex') } : state;
  }
}
