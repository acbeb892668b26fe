/**
 * Issue 12 #2: what a serial device (the card reader, the handheld) is connected to, switchable at run time.
 * The driver's reconnecting link (DeviceConnection) connects through `open`; `use` points the slot at another
 * port, the simulator, or nothing, and closes the link, so the next command connects to the new choice
 * without a restart. With nothing chosen a command is refused with the slot's Chinese reason, never sent to a
 * simulator silently. `state` is what the status bar shows: real, simulated, disconnected or error.
 */
import { DeviceTimeoutError, DeviceUnavailableError } from './errors.js';
import { portPermissionDenied, serialOpenFailure } from './open-errors.js';

export type DeviceKind = 'real' | 'simulated' | 'disconnected' | 'error';

export interface DeviceState {
  kind: DeviceKind;
  /** Chinese: the port, or why the device is not usable and what to do. */
  detail: string;
  port: string | null;
}

export type SlotTarget<D> =
  | { kind: 'real'; port: string; open: () => Promise<D> }
  | { kind: 'simulated'; open: () => Promise<D> }
  | { kind: 'disconnected'; reason: string };

/** The reconnecting link a slot serves: connected now or not, connect and identify, drop the port. */
export interface SlotLink {
  readonly connected: boolean;
  identify(): Promise<string>;
  close(): Promise<void>;
}

export class DeviceSlot<D> {
  private target: SlotTarget<D> | null = null;
  private finding: Promise<SlotTarget<D>> | null = null;
  private generation = 0;
  /** Why the chosen port failed last (open refused, no answer); cleared by a good connect. */
  private failure: string | null = null;
  private link: SlotLink | null = null;
  private probing: Promise<void> | null = null;

  constructor(
    /** The device in the clerk's words: 读卡器, 抄表机. */
    readonly label: string,
    initial: SlotTarget<D> = { kind: 'disconnected', reason: `未连接${label}，请在“设备设置”中选择端口` },
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.set(initial);
  }

  attach(link: SlotLink): void {
    this.link = link;
  }

  private set(next: SlotTarget<D> | Promise<SlotTarget<D>>): void {
    const generation = ++this.generation;
    this.failure = null;
    if (!(next instanceof Promise)) {
      this.target = next;
      this.finding = null;
      return;
    }
    this.target = null;
    this.finding = next.then(
      (found) => {
        if (generation === this.generation) ((this.target = found), (this.finding = null));
        return found;
      },
      (error: unknown) => {
        const failed: SlotTarget<D> = { kind: 'disconnected', reason: `查找${this.label}失败：${error instanceof Error ? error.message : String(error)}` };
        if (generation === this.generation) ((this.target = failed), (this.finding = null));
        return failed;
      },
    );
  }

  /**
   * Points the slot at a new target and drops the open port: the next command connects to the new one. A
   * function (an automatic search) runs once the old port is closed, so the search can open it too.
   */
  async use(next: SlotTarget<D> | (() => Promise<SlotTarget<D>>)): Promise<void> {
    const closing = this.link?.close().catch(() => undefined) ?? Promise.resolve();
    this.set(typeof next === 'function' ? closing.then(next) : next);
    await closing;
  }

  /** Resolves once a running search has decided. */
  async settled(): Promise<void> {
    await this.finding;
  }

  /** The connect function of the driver's link. */
  readonly open = async (): Promise<D> => {
    const target = this.target ?? (await this.finding) ?? this.target;
    if (!target || target.kind === 'disconnected') throw new DeviceUnavailableError(target?.reason ?? `未连接${this.label}，请在“设备设置”中选择端口`);
    try {
      const device = await target.open();
      this.failure = null;
      return device;
    } catch (error) {
      if (target.kind !== 'real') throw error;
      this.failure = serialOpenFailure(target.port, error, this.platform);
      // no permission: the fix is the user's, say it; otherwise (unplugged) the driver's usual words
      if (portPermissionDenied(error)) throw new DeviceUnavailableError(this.failure);
      throw error;
    }
  };

  /** The port in use, null for the simulator or nothing. */
  get port(): string | null {
    return this.target?.kind === 'real' ? this.target.port : null;
  }

  get kind(): SlotTarget<D>['kind'] | 'finding' {
    return this.target?.kind ?? 'finding';
  }

  private noAnswer(port: string, error: unknown): string {
    if (error instanceof DeviceTimeoutError) return `${this.label}（${port}）没有回应识别命令：请检查设备电源和连线，或端口是否选对`;
    if (error instanceof DeviceUnavailableError) return error.message;
    return `${this.label}（${port}）不可用：${error instanceof Error ? error.message : String(error)}`;
  }

  /** The state now; a real port not yet connected (or failed) is connected and identified to know. */
  async state(): Promise<DeviceState> {
    const target = this.target;
    if (!target) return { kind: 'disconnected', detail: `正在查找${this.label}…`, port: null };
    if (target.kind === 'disconnected') return { kind: 'disconnected', detail: target.reason, port: null };
    if (target.kind === 'simulated') return { kind: 'simulated', detail: `模拟${this.label}（演示或在“设备设置”中选择）`, port: null };
    if (this.link && (!this.link.connected || this.failure !== null)) {
      const link = this.link;
      // one check at a time however many windows ask
      this.probing ??= (async () => {
        const generation = this.generation;
        this.failure = null;
        try {
          await link.identify();
        } catch (error) {
          if (generation === this.generation && this.failure === null) this.failure = this.noAnswer(target.port, error);
        }
      })().finally(() => {
        this.probing = null;
      });
      await this.probing;
    }
    return this.failure ? { kind: 'error', detail: this.failure, port: target.port } : { kind: 'real', detail: `${this.label}已连接（${target.port}）`, port: target.port };
  }
}
