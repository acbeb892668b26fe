/**
 * An in-process simulated device behind SerialPortMock ports (ARCHITECTURE "Devices"): the driver's
 * bytes reach `receive` unchanged and `send` answers on the same port. The device outlives its ports,
 * so unplugging and plugging in again keeps its state.
 */
import { performance } from 'node:perf_hooks';
import { SerialPortMock } from 'serialport';
import { BAUD_RATE, opened, streamTransport } from './port.js';
import type { ByteTransport } from './protocol-client.js';

export interface MockLine {
  /** Bytes carried so far in each direction (what a line-rate figure is computed from). */
  readonly bytes: { toDevice: number; fromDevice: number };
  /** Hands bytes from the simulated device to the driver. */
  send(bytes: Buffer): void;
  /** Plugs in: a new mock port to the same device. */
  plug(): Promise<ByteTransport>;
  /** Pulls the cable: the open port closes under the driver. */
  unplug(): Promise<void>;
}

let mockPorts = 0;

/**
 * `bitsPerSecond` paces the line like a real UART (10 bits a byte, each direction one byte after the
 * other); without it bytes pass at once.
 */
export function mockLine(ids: { vendorId: string; productId: string; name: string }, receive: (bytes: Buffer) => void, bitsPerSecond?: number): MockLine {
  let port: SerialPortMock | null = null;
  let emit: (bytes: Buffer) => void = () => undefined;
  const bytes = { toDevice: 0, fromDevice: 0 };
  const freeAt = { toDevice: 0, fromDevice: 0 };
  const pace = (direction: 'toDevice' | 'fromDevice', data: Buffer, deliver: () => void) => {
    bytes[direction] += data.length;
    if (!bitsPerSecond) return void setImmediate(deliver);
    const now = performance.now();
    freeAt[direction] = Math.max(now, freeAt[direction]) + (data.length * 10 * 1000) / bitsPerSecond;
    setTimeout(deliver, freeAt[direction] - now);
  };
  return {
    bytes,
    send: (data) => pace('fromDevice', data, () => emit(data)),
    async plug() {
      const path = `/dev/${ids.name}-${++mockPorts}`;
      SerialPortMock.binding.createPort(path, { vendorId: ids.vendorId, productId: ids.productId });
      const p = await opened(new SerialPortMock({ path, baudRate: BAUD_RATE, autoOpen: false }));
      const binding = p.port;
      if (!binding) throw new Error('mock port did not open');
      const write = binding.write.bind(binding);
      binding.write = async (buffer: Buffer) => {
        await write(buffer);
        const copy = Buffer.from(buffer);
        pace('toDevice', copy, () => receive(copy));
      };
      emit = (bytes) => {
        if (binding.isOpen) binding.emitData(bytes);
      };
      port = p;
      return streamTransport(p);
    },
    unplug: () => new Promise((resolve) => (port?.isOpen ? port.close(() => resolve()) : resolve())),
  };
}
