/**
 * An Ethernet receipt printer on a local socket (raw port 9100 style): speaks the bytes of
 * hardware/printer/PROTOCOL.md through EscPosDevice, records every byte, keeps what each connection got
 * printed as one job, and can drop the connection after N bytes. Used by tests, the harness
 * (`npm run harness -- --printer tcp-sim`) and `npx tsx hardware/printer/sim-cli.ts tcp:9100`.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { EscPosDevice } from './escpos-device.js';

export class TcpPrinterSimulator {
  readonly device = new EscPosDevice();
  /** The printed bytes of each connection that printed anything, in order. */
  readonly jobs: Buffer[] = [];
  connections = 0;
  /** Called with each job as it is recorded (the harness shows the slip's text in its terminal). */
  onJob: ((job: Buffer, jobNo: number) => void) | null = null;
  /** Closes the next connection after it has received this many bytes (a pulled cable, a printer reset). */
  dropAfterBytes: number | null = null;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor() {
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens on 127.0.0.1 (port 0: any free port); resolves with the port. */
  listen(port = 0, host = '127.0.0.1'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  get url(): string {
    const address = this.server.address();
    return typeof address === 'object' && address ? `tcp://${address.address}:${address.port}` : '';
  }

  /** The command line of sim-cli / the harness terminal (EscPosDevice.control, plus `drop N` and `jobs`). */
  control(line: string): Record<string, unknown> {
    const [cmd, arg] = line.trim().split(/\s+/);
    if (cmd === 'drop') {
      this.dropAfterBytes = Number(arg ?? 0);
      return { dropAfterBytes: this.dropAfterBytes };
    }
    if (cmd === 'jobs') return { jobs: this.jobs.length, connections: this.connections };
    return this.device.control(line);
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.connections++;
    this.sockets.add(socket);
    const job: number[] = [];
    let received = 0;
    // a buffered printer's late answers (GS r 1) and printed bytes belong to the connection now open
    let printedAt = this.device.printed.length;
    this.device.send = (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
      for (const b of this.device.printed.slice(printedAt)) job.push(b);
      printedAt = this.device.printed.length;
    };
    const drop = this.dropAfterBytes;
    this.dropAfterBytes = null;
    socket.on('data', (data: Buffer) => {
      if (socket.destroyed) return;
      let bytes = data;
      if (drop !== null && received + bytes.length >= drop) bytes = bytes.subarray(0, Math.max(0, drop - received));
      received += bytes.length;
      const reply = this.device.receive(bytes);
      for (const b of this.device.printed.slice(printedAt)) job.push(b);
      printedAt = this.device.printed.length;
      if (drop !== null && received >= drop) {
        socket.destroy();
        return;
      }
      if (reply.length > 0) socket.write(reply);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const b of this.device.printed.slice(printedAt)) job.push(b);
      printedAt = this.device.printed.length;
      if (job.length === 0) return;
      this.jobs.push(Buffer.from(job));
      this.onJob?.(Buffer.from(job), this.jobs.length);
    });
  }
}
