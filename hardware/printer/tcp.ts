/** The raw TCP link of an Ethernet receipt printer (port 9100): one connection per job. */
import { connect } from 'node:net';
import { ByteQueue, linkError, within, type RawLink } from './link.js';
import { PrinterError } from './printer.js';
import { DEFAULT_RAW_TIMEOUTS, RawPrinter, type RawTimeouts } from './raw-printer.js';

export const RAW_PORT = 9100;

export function openTcpLink(printer: string, host: string, port: number, connectMs: number): Promise<RawLink> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    const queue = new ByteQueue();
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new PrinterError(printer, 'timeout'));
    }, connectMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(linkError(printer, error));
    });
    socket.on('data', (data: Buffer) => queue.push(data));
    socket.on('close', () => queue.fail(new PrinterError(printer, 'disconnected', true)));
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.on('error', (error) => queue.fail(linkError(printer, error, true)));
      resolve({
        canRead: true,
        write: (bytes, timeoutMs) =>
          within(
            printer,
            timeoutMs,
            new Promise<void>((done, fail) => {
              if (queue.failed) return fail(queue.failed);
              socket.write(bytes, (error) => (error ? fail(error) : done()));
            }),
            true,
          ),
        readByte: (timeoutMs) => queue.read(timeoutMs),
        discard: () => queue.discard(),
        close: () =>
          new Promise((done) => {
            if (socket.destroyed) return done();
            socket.end(() => {
              socket.destroy();
              done();
            });
            setTimeout(() => {
              socket.destroy();
              done();
            }, 500).unref();
          }),
      });
    });
  });
}

/** An Ethernet receipt printer at host:port, named so in its messages. */
export function tcpPrinter(host: string, port = RAW_PORT, timeouts: RawTimeouts = DEFAULT_RAW_TIMEOUTS): RawPrinter {
  const name = `${host}:${port}`;
  return new RawPrinter(name, () => openTcpLink(name, host, port, timeouts.connectMs), timeouts);
}
