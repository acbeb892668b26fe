/** Port discovery by VID:PID plus the IDENTIFY handshake; ports that do not answer are skipped and closed. */
import { describe, expect, it } from 'vitest';
import { CardTimeoutError, type CardReader } from '../../hardware/card/reader.js';
import { discoverCardReader, simulatedCardDevice } from '../../hardware/card/serial.js';
import { TEST_CARD_TIMEOUTS } from '../fixtures/host.js';

describe('discoverCardReader', () => {
  it('picks the matching port that identifies as GHC-CARD/1', async () => {
    const device = simulatedCardDevice(TEST_CARD_TIMEOUTS);
    const closed: string[] = [];
    const silent = (path: string): CardReader => ({
      identify: () => Promise.reject(new CardTimeoutError('IDENTIFY')),
      read: () => Promise.reject(new Error('unused')),
      issue: () => Promise.reject(new Error('unused')),
      purchase: () => Promise.reject(new Error('unused')),
      close: async () => void closed.push(path),
    });
    const ports = [
      { path: '/dev/ttyS0' },
      { path: '/dev/ttyUSB0', vendorId: '1A86', productId: '7523' }, // same chip, another device: silent
      { path: '/dev/ttyUSB1', vendorId: '0403', productId: '6001' }, // other VID:PID: never opened
      { path: '/dev/ttyUSB2', vendorId: '1a86', productId: '7523' },
    ];
    const opened: string[] = [];
    const found = await discoverCardReader({ vendorId: '1a86', productId: '7523' }, async () => ports, async (path) => {
      opened.push(path);
      return path === '/dev/ttyUSB2' ? device.connect() : silent(path);
    });
    expect(found?.path).toBe('/dev/ttyUSB2');
    expect(found?.identity).toBe('GHC-CARD/1 SIM 1.0');
    expect(opened).toEqual(['/dev/ttyUSB0', '/dev/ttyUSB2']);
    expect(closed).toEqual(['/dev/ttyUSB0']);
    await found?.reader.close();
  });

  it('returns null when nothing answers', async () => {
    expect(await discoverCardReader({ vendorId: '1a86', productId: '7523' }, async () => [], async () => Promise.reject(new Error('no')))).toBeNull();
  });
});
