/**
 * The card reader over serialport: the in-process simulator on SerialPortMock, port
 * discovery by VID:PID plus the IDENTIFY handshake, and reconnect after unplug.
 */
import { SerialPort } from 'serialport';
import { mockLine } from '../serial/mock-port.js';
import { discoverDevice, type PortInfoLike } from '../serial/discovery.js';
import { CardProtocolClient, DEFAULT_TIMEOUTS, type Timeouts } from './client.js';
import { BAUD_RATE, opened, streamTransport } from '../serial/port.js';
import type { CardReader, CardRecord, PurchaseRequest } from './reader.js';
import { DeviceConnection } from '../serial/reconnect.js';
import { CardSimulator } from './simulator.js';

export { BAUD_RATE };

export async function openSerialCardReader(path: string, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<CardProtocolClient> {
  const port = await opened(new SerialPort({ path, baudRate: BAUD_RATE, autoOpen: false }));
  return new CardProtocolClient(streamTransport(port), timeouts);
}

export interface SimulatedCardDevice {
  /** The simulated device with its card slot; it survives unplug and re-plug. */
  sim: CardSimulator;
  /** Plugs in (a new SerialPortMock port to the same device) and returns the driver on it. */
  connect(): Promise<CardProtocolClient>;
  /** Pulls the USB cable: the open port closes under the driver. */
  unplug(): Promise<void>;
}

/** The in-process simulator behind SerialPortMock ports: the driver's bytes reach it unchanged. */
export function simulatedCardDevice(timeouts: Timeouts = DEFAULT_TIMEOUTS): SimulatedCardDevice {
  let sim: CardSimulator | null = null;
  const line = mockLine({ vendorId: '1a86', productId: '7523', name: 'gas-card-sim' }, (bytes) => sim?.receive(bytes));
  sim = new CardSimulator(line.send);
  return { sim, connect: async () => new CardProtocolClient(await line.plug(), timeouts), unplug: line.unplug };
}

/** Finds the card reader: matching VID:PID ports that identify as GHC-CARD/1. */
export function discoverCardReader(
  match: { vendorId: string; productId: string },
  list: () => Promise<PortInfoLike[]>,
  open: (path: string) => Promise<CardReader>,
): Promise<{ path: string; reader: CardReader; identity: string } | null> {
  return discoverDevice(match, 'GHC-CARD/1', list, open).then((found) => (found ? { path: found.path, reader: found.device, identity: found.identity } : null));
}

/** The card reader across unplugs (DeviceConnection): reads reconnect and retry, writes never repeat. */
export class ReconnectingCardReader implements CardReader {
  readonly connection: DeviceConnection<CardReader>;

  constructor(connect: () => Promise<CardReader>) {
    this.connection = new DeviceConnection(connect);
  }

  identify(): Promise<string> {
    return this.connection.run((r) => r.identify(), true);
  }
  read(): Promise<CardRecord> {
    return this.connection.run((r) => r.read(), true);
  }
  issue(cardNo: string, accountNo: string, counter: number): Promise<CardRecord> {
    return this.connection.run((r) => r.issue(cardNo, accountNo, counter), false);
  }
  purchase(request: PurchaseRequest): Promise<CardRecord> {
    return this.connection.run((r) => r.purchase(request), false);
  }
  close(): Promise<void> {
    return this.connection.close();
  }
}

/**
 * The path of the attached card reader: USB adapters with the given VID:PID (default CH340, 1a86:7523)
 * that answer IDENTIFY as GHC-CARD/1; null when none does.
 */
export async function findCardPort(vidPid = '1a86:7523', timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<string | null> {
  const [vendorId = '', productId = ''] = vidPid.split(':');
  const found = await discoverCardReader({ vendorId, productId }, () => SerialPort.list(), (path) => openSerialCardReader(path, timeouts));
  await found?.reader.close();
  return found?.path ?? null;
}
