/**
 * Issue 14 (simulation): one counter's network link to the central servers, as a small loopback HTTP proxy the
 * parent controls. It balances over the server instances (round robin, the next one when one refuses: the load
 * balancer of the design), and injects the network's faults:
 *  - `cut()`: every open connection is reset and new ones are reset at once (a partition); `restore()` ends it;
 *  - `replayPushes`: a push that went through is sent once more, to an instance of its choice, after its answer
 *    (a duplicate delivery); the counter never sees the second answer.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxyStats {
  requests: number;
  pushes: number;
  replayed: number;
  refusedWhileCut: number;
  failovers: number;
}

export class CounterLink {
  url = '';
  cutNow = false;
  /** Probability that a push is delivered twice. */
  replayPushes = 0;
  /** Pushes forwarded whose answer has not come back yet (the moment to kill a counter or a server "mid-push"). */
  inFlightPushes = 0;
  readonly stats: ProxyStats = { requests: 0, pushes: 0, replayed: 0, refusedWhileCut: 0, failovers: 0 };
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;
  private next = 0;

  constructor(private readonly targets: () => string[]) {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      if (this.cutNow) {
        this.stats.refusedWhileCut++;
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  cut(): void {
    this.cutNow = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.cutNow = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', () => {
      if (this.cutNow) {
        req.socket.destroy();
        return;
      }
      this.stats.requests++;
      const body = Buffer.concat(chunks);
      const isPush = req.method === 'POST' && req.url === '/v1/push';
      if (isPush) {
        this.stats.pushes++;
        this.inFlightPushes++;
      }
      void this.forward(req, body, 0).finally(() => {
        if (isPush) this.inFlightPushes--;
      }).then(
        (answer) => {
          if (this.cutNow || !answer) {
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(answer.body);
          if (isPush && answer.status === 200 && Math.random() < this.replayPushes) {
            this.stats.replayed++;
            void this.forward(req, body, 0);
          }
        },
        () => req.socket.destroy(),
      );
    });
  }

  /** Sends the request to the next instance; on a refused connection tries the others. */
  private async forward(req: IncomingMessage, body: Buffer, attempt: number): Promise<{ status: number; body: Buffer } | null> {
    const targets = this.targets();
    if (targets.length === 0 || attempt >= targets.length) return null;
    const target = new URL(targets[this.next++ % targets.length] ?? '');
    try {
      return await new Promise((resolve, reject) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'connection'].includes(k)) headers[k] = v;
        const out = httpRequest(
          { host: target.hostname, port: Number(target.port), method: req.method, path: req.url, headers, agent: false },
          (answer) => {
            const parts: Buffer[] = [];
            answer.on('data', (c: Buffer) => parts.push(c));
            answer.on('end', () => resolve({ status: answer.statusCode ?? 502, body: Buffer.concat(parts) }));
            answer.on('error', reject);
          },
        );
        out.on('error', reject);
        out.setTimeout(20_000, () => out.destroy(new Error('timeout')));
        out.end(body);
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ECONNREFUSED') {
        this.stats.failovers++;
        return this.forward(req, body, attempt + 1);
      }
      return null; // reset mid-request (an instance killed): the counter sees a broken connection
    }
  }
}
