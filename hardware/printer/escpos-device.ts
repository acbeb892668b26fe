/**
 * The printer end of the raw ESC/POS link, shared by the TCP simulator (tcp-simulator.ts) and the serial one
 * (sim-cli.ts): takes bytes as a receipt printer does, answers DLE EOT 1/2/4 from its state at once (real
 * time, also while offline) and prints every other byte while it can. Faults: cover open, paper out (now or
 * after N more printed bytes, i.e. mid-job), near end, an error, a mute printer that never answers.
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
}

export class EscPosDevice {
  readonly faults: DeviceFaults = { coverOpen: false, paperOut: false, paperNearEnd: false, error: false, offline: false, mute: false, paperOutAfter: null };
  /** Every byte received, status queries included. */
  received: number[] = [];
  /** The bytes that reached the paper (status queries and bytes sent while it could not print excluded). */
  printed: number[] = [];
  statusQueries = 0;
  /** 0: normal; 1: DLE seen; 2: DLE EOT seen. */
  private parse = 0;

  status(): PrinterStatus {
    const f = this.faults;
    return { online: !f.offline, coverOpen: f.coverOpen, paperOut: f.paperOut, paperNearEnd: f.paperNearEnd, error: f.error };
  }

  canPrint(): boolean {
    const f = this.faults;
    return !f.offline && !f.coverOpen && !f.paperOut && !f.error;
  }

  /** Takes bytes from the link; returns the status bytes to send back. */
  receive(bytes: Buffer): Buffer {
    const reply: number[] = [];
    for (const b of bytes) {
      this.received.push(b);
      if (this.parse === 2) {
        this.parse = 0;
        if (b === 1 || b === 2 || b === 4) {
          this.statusQueries++;
          if (!this.faults.mute) reply.push(encodeStatus(b, this.status()));
          continue;
        }
        this.print(0x10);
        this.print(0x04);
      } else if (this.parse === 1) {
        this.parse = 0;
        if (b === 0x04) {
          this.parse = 2;
          continue;
        }
        this.print(0x10);
      }
      if (b === 0x10) {
        this.parse = 1;
        continue;
      }
      this.print(b);
    }
    return Buffer.from(reply);
  }

  private print(b: number): void {
    if (!this.canPrint()) return;
    this.printed.push(b);
    const f = this.faults;
    if (f.paperOutAfter !== null && --f.paperOutAfter <= 0) {
      f.paperOutAfter = null;
      f.paperOut = true;
    }
  }

  /** Cash-drawer kicks (ESC p) that reached the printer. */
  drawerKicks(): number {
    let n = 0;
    for (let i = 0; i + 1 < this.printed.length; i++) if (this.printed[i] === 0x1b && this.printed[i + 1] === 0x70) n++;
    return n;
  }

  /** A control line (the terminal of sim-cli and the harness): `paperout`, `paperin`, `paperout-after N`, `nearend`, `cover open|close`, `offline`, `online`, `error`, `mute`, `reset`, `state`, `bytes` (the state with the printed bytes in hex). */
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
      case 'reset': Object.assign(f, { coverOpen: false, paperOut: false, paperNearEnd: false, error: false, offline: false, mute: false, paperOutAfter: null }); break;
      case 'state': case 'bytes': case '': case undefined: break;
      default: return { error: `unknown command ${cmd}` };
    }
    const state = { ...f, received: this.received.length, printed: this.printed.length, drawerKicks: this.drawerKicks() };
    return cmd === 'bytes' ? { ...state, printedHex: Buffer.from(this.printed).toString('hex') } : state;
  }
}
