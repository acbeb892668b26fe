/** Handhelds over serialport: a real port, or the simulator behind SerialPortMock ports. */
import { SerialPort } from 'serialport';
import { mockLine, type MockLine } from '../serial/mock-port.js';
import { discoverDevice } from '../serial/discovery.js';
import { DeviceConnection } from '../serial/reconnect.js';
import type { DownloadedReadings, Handheld, Progress, RouteRecord } from './handheld.js';
import { BAUD_RATE, opened, streamTransport } from '../serial/port.js';
import type { Timeouts } from '../serial/protocol-client.js';
import { HandheldClient, HANDHELD_TIMEOUTS } from './client.js';
import { HandheldSimulator } from './simulator.js';

export async function openSerialHandheld(path: string, timeouts: Timeouts = HANDHELD_TIMEOUTS): Promise<HandheldClient> {
  const port = await opened(new SerialPort({ path, baudRate: BAUD_RATE, autoOpen: false }));
  return new HandheldClient(streamTransport(port), timeouts);
}

export interface SimulatedHandheldDevice {
  sim: HandheldSimulator;
  line: MockLine;
  connect(): Promise<HandheldClient>;
  unplug(): Promise<void>;
}

/** `bitsPerSecond` paces the simulated cable like a UART at that rate (the bench uses 115200). */
export function simulatedHandheldDevice(timeouts: Timeouts = HANDHELD_TIMEOUTS, bitsPerSecond?: number): SimulatedHandheldDevice {
  let sim: HandheldSimulator | null = null;
  const line = mockLine({ vendorId: '0483', productId: '5740', name: 'gas-handheld-sim' }, (bytes) => sim?.receive(bytes), bitsPerSecond);
  sim = new HandheldSimulator(line.send);
  return { sim, line, connect: async () => new HandheldClient(await line.plug(), timeouts), unplug: line.unplug };
}

/** The handheld's port: USB adapters with the VID:PID (default 0483:5740) that identify as GHR/1. */
export async function findHandheldPort(vidPid = '0483:5740', timeouts: Timeouts = HANDHELD_TIMEOUTS): Promise<string | null> {
  const [vendorId = '', productId = ''] = vidPid.split(':');
  const found = await discoverDevice({ vendorId, productId }, 'GHR/1', () => SerialPort.list(), (path) => openSerialHandheld(path, timeouts));
  await found?.device.close();
  return found?.path ?? null;
}

/** The handheld across unplugs: reads reconnect and retry; route upload, clock and commit never repeat. */
export class ReconnectingHandheld implements Handheld {
  readonly connection: DeviceConnection<Handheld>;

  constructor(connect: () => Promise<Handheld>) {
    this.connection = new DeviceConnection(connect);
  }

  identify(): Promise<string> {
    return this.connection.run((h) => h.identify(), true);
  }
  getClock(): Promise<Date> {
    return this.connection.run((h) => h.getClock(), true);
  }
  setClock(at: Date): Promise<void> {
    return this.connection.run((h) => h.setClock(at), false);
  }
  uploadRoute(batchId: string, records: readonly RouteRecord[], progress?: Progress): Promise<void> {
    return this.connection.run((h) => h.uploadRoute(batchId, records, progress), false);
  }
  downloadReadings(progress?: Progress): Promise<DownloadedReadings | null> {
    return this.connection.run((h) => h.downloadReadings(progress), true);
  }
  commit(batchId: string, crc: number): Promise<void> {
    return this.connection.run((h) => h.commit(batchId, crc), false);
  }
  close(): Promise<void> {
    return this.connection.close();
  }
}
