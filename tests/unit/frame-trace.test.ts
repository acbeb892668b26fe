/** Issue 12 #5: device frames are traced (to the back end's output, which the shell logs at debug level) only with GAS_LOG_LEVEL=debug. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { frameTracer, streamTransport } from '../../hardware/serial/port.js';

class FakePort extends EventEmitter {
  readonly path = '/dev/ttyUSB0';
  isOpen = true;
  write(_data: Buffer, callback: (error: Error | null | undefined) => void): boolean {
    callback(null);
    return true;
  }
  drain(callback: (error: Error | null) => void): void {
    callback(null);
  }
  close(callback: (error: Error | null) => void): void {
    callback(null);
  }
}

describe('device frame trace', () => {
  it('writes each block to and from the port in hex at debug level', async () => {
    const lines: string[] = [];
    const port = new FakePort();
    const transport = streamTransport(port, frameTracer(port.path, { GAS_LOG_LEVEL: 'debug' }, (l) => lines.push(l)));
    await transport.write(Buffer.from([0x02, 0x41, 0x03]));
    port.emit('data', Buffer.from([0x06]));
    expect(lines).toEqual(['[设备帧] /dev/ttyUSB0 → 02 41 03', '[设备帧] /dev/ttyUSB0 ← 06']);
  });
  it('traces nothing otherwise', () => {
    expect(frameTracer('/dev/ttyUSB0', {})).toBeNull();
    expect(frameTracer('/dev/ttyUSB0', { GAS_LOG_LEVEL: 'info' })).toBeNull();
  });
});
