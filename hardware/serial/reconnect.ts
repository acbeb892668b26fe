/**
 * Keeps a device connected across unplugs: after a disconnect the next command connects again. Commands
 * that change nothing are retried once on the fresh connection; a write never is.
 */
import { DeviceDisconnectedError, DeviceUnavailableError } from './errors.js';

export class DeviceConnection<D extends { close(): Promise<void> }> {
  private current: D | null = null;

  constructor(private readonly connect: () => Promise<D>) {}

  private connecting: Promise<D> | null = null;
  /** Counts closes: a connect that finishes after a close is dropped. */
  private epoch = 0;

  private async device(): Promise<D> {
    if (this.current) return this.current;
    // one connect at a time: a second caller waits for it instead of opening the port twice
    if (!this.connecting) {
      const attempt: Promise<D> = this.connect().finally(() => {
        if (this.connecting === attempt) this.connecting = null;
      });
      this.connecting = attempt;
    }
    const epoch = this.epoch;
    try {
      const device = await this.connecting;
      if (epoch !== this.epoch) {
        // closed while connecting (issue 12 #2: switched to another port): not kept; connect to what is chosen now
        await device.close().catch(() => undefined);
        return this.device();
      }
      this.current = device;
    } catch (error) {
      // issue 12 #2: none chosen, none found, or no permission: said as it is, not as an unplugged cable
      if (error instanceof DeviceUnavailableError) throw error;
      throw new DeviceDisconnectedError(error instanceof Error ? error.message : String(error));
    }
    return this.current;
  }

  async run<T>(op: (d: D) => Promise<T>, idempotent: boolean): Promise<T> {
    const d = await this.device();
    try {
      return await op(d);
    } catch (error) {
      if (!(error instanceof DeviceDisconnectedError)) throw error;
      this.current = null;
      await d.close().catch(() => undefined);
      if (!idempotent) throw error;
      return op(await this.device());
    }
  }

  /** Whether a device is connected now (its port open). */
  get connected(): boolean {
    return this.current !== null;
  }

  /** Connects now if not connected (the device settings' state check); a failure throws as a command's would. */
  async ensure(): Promise<void> {
    await this.device();
  }

  /** Closes the port; the next command connects again (to what `connect` gives then). */
  async close(): Promise<void> {
    this.epoch++;
    this.connecting = null;
    const current = this.current;
    this.current = null;
    await current?.close();
  }
}
