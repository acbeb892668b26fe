/** serialport streams as byte transports for the device drivers. */
import type { ByteTransport } from './protocol-client.js';

/** Every reference protocol runs at 115200 baud, 8N1. */
export const BAUD_RATE = 115200;

export interface StreamLike {
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (data: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  readonly isOpen: boolean;
  close(callback: (error: Error | null) => void): void;
}

/**
 * Issue 12 #5: device frames at debug level. With GAS_LOG_LEVEL=debug every byte block to and from a port is
 * written to stdout as `[设备帧] <path> →|← <hex>`; the shell logs the back end's output at debug level.
 */
export function frameTracer(path: string, env: Record<string, string | undefined> = process.env, write: (line: string) => void = (line) => console.debug(line)) {
  if (env.GAS_LOG_LEVEL !== 'debug') return null;
  return (direction: 'out' | 'in', bytes: Buffer) => write(`[设备帧] ${path} ${direction === 'out' ? '→' : '←'} ${bytes.toString('hex').replace(/(..)(?!$)/g, '$1 ')}`);
}

export function streamTransport(port: StreamLike & { readonly path?: string }, trace = frameTracer(port.path ?? 'serial')): ByteTransport {
  if (trace) port.on('data', (data) => trace('in', data));
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        trace?.('out', bytes);
        port.write(bytes, (error) => {
          if (error) reject(error);
          else port.drain((e) => (e ? reject(e) : resolve()));
        });
      }),
    onData: (listener) => void port.on('data', listener),
    onClose: (listener) => void port.on('close', listener),
    isOpen: () => port.isOpen,
    close: () => new Promise((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())),
  };
}

export function opened<T extends StreamLike & { open(cb: (e: Error | null) => void): void }>(port: T): Promise<T> {
  return new Promise((resolve, reject) => port.open((e) => (e ? reject(e) : resolve(port))));
}

