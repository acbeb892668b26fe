/**
 * An in-process simulated device behind SerialPortMock ports (ARCHITECTURE "Devices"): the driver's
 * bytes reach `receive` unchanged and `send` answers on the same port. The device outlives its ports,
 * so unplugging and plugging in again keeps its state.
 */
import { SerialPortMock } from 'serialport';
import { BAUD_RATE, opened, streamTransport } from './port.js';
import type { ByteTransport } from './protocol-client.js';

export interface MockLine {
  /** Hands bytes from the simulated device to the driver. */
  send(bytes: Buffer): void;
  /** Plugs in: a new mock port to the same device. */
  plug(): Promise<ByteTransport>;
  /** Pulls the cable: the open port closes under the driver. */
  unplug(): Promise<void>;
}

let mockPorts = 0;

export function mockLine(ids: { vendorId: string; productId: string; name: string }, receive: (bytes: Buffer) => void): MockLine {
  let port: SerialPortMock | null = null;
  let emit: (bytes: Buffer) => void = () => undefined;
  return {
    send: (bytes) => setImmediate(() => emit(bytes)),
    async plug() {
      const path = `/dev/${ids.name}-${++mockPorts}`;
      SerialPortMock.binding.createPort(path, { vendorId: ids.vendorId, productId: ids.productId });
      const p = await opened(new SerialPortMock({ path, baudRate: BAUD_RATE, autoOpen: false }));
      const binding = p.port;
      if (!binding) throw new Error('mock port did not open');
      const write = binding.write.bind(binding);
      binding.write = async (buffer: Buffer) => {
        await write(buffer);
        receive(buffer);
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
