/** Port discovery by VID:PID plus an IDENTIFY handshake, for every device protocol. */
import { SerialPort } from 'serialport';

export interface PortInfoLike {
  path: string;
  vendorId?: string | undefined;
  productId?: string | undefined;
}

/**
 * Finds a device: ports whose VID:PID match, confirmed by an IDENTIFY reply that starts with the
 * protocol's name. Ports that do not answer are closed and skipped.
 */
export async function discoverDevice<D extends { identify(): Promise<string>; close(): Promise<void> }>(
  match: { vendorId: string; productId: string },
  protocol: string,
  list: () => Promise<PortInfoLike[]>,
  open: (path: string) => Promise<D>,
): Promise<{ path: string; device: D; identity: string } | null> {
  const candidates = (await list()).filter(
    (p) => p.vendorId?.toLowerCase() === match.vendorId.toLowerCase() && p.productId?.toLowerCase() === match.productId.toLowerCase(),
  );
  for (const c of candidates) {
    let device: D | null = null;
    try {
      device = await open(c.path);
      const identity = await device.identify();
      if (identity.startsWith(protocol)) return { path: c.path, device, identity };
      await device.close();
    } catch {
      await device?.close().catch(() => undefined);
    }
  }
  return null;
}


/** The serial ports of this PC as serialport lists them (设备设置 offers them). */
export async function listSerialPorts(): Promise<(PortInfoLike & { manufacturer?: string | undefined })[]> {
  return SerialPort.list();
}
