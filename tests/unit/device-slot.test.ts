/**
 * Issue 12 #2: a device slot switches what the reconnecting link connects to at run time; nothing chosen refuses
 * with the Chinese reason; concurrent status checks open the port once; a connect that finishes after a switch
 * is dropped, so commands go to the newly chosen port.
 */
import { describe, expect, it } from 'vitest';
import { DeviceSlot } from '../../hardware/serial/device-slot.js';
import { DeviceUnavailableError } from '../../hardware/serial/errors.js';
import { DeviceConnection } from '../../hardware/serial/reconnect.js';

class FakeDevice {
  closed = false;
  constructor(readonly port: string) {}
  identify = () => Promise.resolve(`GHC-CARD/1 ${this.port}`);
  close = () => {
    this.closed = true;
    return Promise.resolve();
  };
}

function linked(slot: DeviceSlot<FakeDevice>) {
  const connection = new DeviceConnection(slot.open);
  slot.attach({ get connected() { return connection.connected; }, identify: () => connection.run((d) => d.identify(), true), close: () => connection.close() });
  return connection;
}

describe('DeviceSlot', () => {
  it('refuses with its reason when nothing is chosen, and serves the port chosen later without a new link', async () => {
    const slot = new DeviceSlot<FakeDevice>('读卡器');
    const connection = linked(slot);
    await expect(connection.run((d) => d.identify(), true)).rejects.toEqual(new DeviceUnavailableError('未连接读卡器，请在“设备设置”中选择端口'));
    expect(await slot.state()).toEqual({ kind: 'disconnected', detail: '未连接读卡器，请在“设备设置”中选择端口', port: null });
    await slot.use({ kind: 'real', port: 'A', open: async () => new FakeDevice('A') });
    expect(await connection.run((d) => d.identify(), true)).toBe('GHC-CARD/1 A');
    const first = await connection.run(async (d) => d, true);
    await slot.use({ kind: 'real', port: 'B', open: async () => new FakeDevice('B') });
    expect(first.closed).toBe(true);
    expect(await connection.run((d) => d.identify(), true)).toBe('GHC-CARD/1 B');
    expect(await slot.state()).toEqual({ kind: 'real', detail: '读卡器已连接（B）', port: 'B' });
  });

  it('opens the port once for concurrent status checks; a connect finishing after a switch is dropped', async () => {
    let opens = 0;
    let release: () => void = () => undefined;
    const slow: FakeDevice[] = [];
    const slot = new DeviceSlot<FakeDevice>('读卡器', {
      kind: 'real',
      port: 'A',
      open: () =>
        new Promise((resolve) => {
          opens++;
          const d = new FakeDevice('A');
          slow.push(d);
          release = () => resolve(d);
        }),
    });
    const connection = linked(slot);
    const states = [slot.state(), slot.state(), slot.state()];
    await new Promise((r) => setTimeout(r, 5));
    expect(opens).toBe(1);
    release();
    expect(await Promise.all(states)).toEqual(Array(3).fill({ kind: 'real', detail: '读卡器已连接（A）', port: 'A' }));

    // a switch while connecting: the late device is closed, the command goes to the new port
    await connection.close();
    const command = connection.run((d) => d.identify(), true);
    await new Promise((r) => setTimeout(r, 5));
    await slot.use({ kind: 'real', port: 'B', open: async () => new FakeDevice('B') });
    release();
    expect(await command).toBe('GHC-CARD/1 B');
    expect(slow[1]?.closed).toBe(true);
  });
});
