/**
 * Issue 12 #2 (设备设置): how the card reader and the handheld are connected — found automatically (VID:PID +
 * IDENTIFY), a named serial port, the simulator (only when chosen, or in demo mode), or none. The choice is
 * stored in device_ports (a stored one wins over the start's environment), audited, and applied at once through
 * the device's slot (hardware/serial/device-slot.ts): the next command connects to it, without a restart.
 * Outside demo mode nothing is ever sent to a simulator silently: with nothing found the device is "not
 * connected" and its commands are refused with what to do. Also every device's state for the status bar.
 */
import { eq } from 'drizzle-orm';
import { devicePorts } from '../../db/schema.js';
import type { PortInfoLike } from '../../hardware/serial/discovery.js';
import type { DeviceSlot, DeviceState, SlotTarget } from '../../hardware/serial/device-slot.js';
import { DeviceTimeoutError } from '../../hardware/serial/errors.js';
import { serialOpenFailure } from '../../hardware/serial/open-errors.js';
import type { PrinterHolder } from '../../hardware/printer/holder.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

export type PortDevice = 'card' | 'handheld';
export type PortMode = 'auto' | 'port' | 'simulator' | 'none';
export interface PortChoice {
  mode: PortMode;
  port: string | null;
}

interface Identifiable {
  identify(): Promise<string>;
  close(): Promise<void>;
}

/** What the host gives for one device: its slot, how to open a port, its simulator, how to find it. */
export interface PortDeviceKit<D extends Identifiable> {
  slot: DeviceSlot<D>;
  /** The protocol's IDENTIFY prefix: GHC-CARD/1, GHR/1. */
  protocol: string;
  /** VID:PID looked for by the discovery (shown when nothing is found). */
  vidPid: string;
  openPort(path: string): Promise<D>;
  simulator(): Promise<D>;
  /** Discovery: the port of an attached device that identifies, or null. */
  find(): Promise<string | null>;
  /** IDENTIFY through the device's live link (the port it has open). */
  identifyLive(): Promise<string>;
  /** The choice at start when none is stored (GAS_CARD_PORT, discovery, demo). */
  start: PortChoice;
}

export type PortKits = { card: PortDeviceKit<Identifiable>; handheld: PortDeviceKit<Identifiable> };

/** How long one DLE EOT answer serves the status bars of all windows. */
const PRINTER_STATE_MS = 4000;

const LABEL: Record<PortDevice, string> = { card: '读卡器', handheld: '抄表机' };

export function notConnected(device: PortDevice): string {
  return `未连接${LABEL[device]}，请在“设备设置”中选择端口`;
}

/** The choice at start when none is stored: a named port, discovery, else the simulator in demo mode only. */
export function startChoice(options: { port?: string | undefined; discover?: boolean | undefined; demo: boolean }): PortChoice {
  if (options.port) return { mode: 'port', port: options.port };
  if (options.discover) return { mode: 'auto', port: null };
  return { mode: options.demo ? 'simulator' : 'none', port: null };
}

export function storedPortChoice(deps: Pick<ServiceDeps, 'db'>, device: PortDevice): PortChoice | null {
  const row = deps.db.select().from(devicePorts).where(eq(devicePorts.device, device)).get();
  return row ? { mode: row.mode, port: row.port } : null;
}

export class DevicePorts {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly kits: PortKits,
    private readonly listPorts: () => Promise<PortInfoLike[]>,
  ) {}

  /** What a choice connects to; discovery runs when the slot asks (after the old port is closed). */
  private target(device: PortDevice, choice: PortChoice): SlotTarget<Identifiable> | (() => Promise<SlotTarget<Identifiable>>) {
    const kit = this.kits[device];
    const port = choice.port;
    switch (choice.mode) {
      case 'port':
        return port ? { kind: 'real', port, open: () => kit.openPort(port) } : { kind: 'disconnected', reason: notConnected(device) };
      case 'simulator':
        return { kind: 'simulated', open: () => kit.simulator() };
      case 'none':
        return { kind: 'disconnected', reason: notConnected(device) };
      case 'auto':
        return async () => {
          const found = await kit.find().catch(() => null);
          if (found) return { kind: 'real', port: found, open: () => kit.openPort(found) };
          // demo mode keeps working on the simulator; a real counter is told, never served by a simulator
          if (this.deps.settings.demoMode) return { kind: 'simulated', open: () => kit.simulator() };
          return { kind: 'disconnected', reason: `未找到${LABEL[device]}（自动查找 ${kit.vidPid}），请在“设备设置”中选择端口` };
        };
    }
  }

  /** The stored choice, else the start's, applied to both slots (at start). */
  applyAtStart(): void {
    for (const device of ['card', 'handheld'] as const) void this.kits[device].slot.use(this.target(device, this.choice(device)));
  }

  private choice(device: PortDevice): PortChoice {
    return storedPortChoice(this.deps, device) ?? this.kits[device].start;
  }

  private async ports(): Promise<{ path: string; vidPid: string | null; name: string | null }[]> {
    const list = await this.listPorts().catch(() => []);
    return list.map((p) => {
      const info = p as PortInfoLike & { manufacturer?: string | undefined; friendlyName?: string | undefined };
      return { path: p.path, vidPid: p.vendorId && p.productId ? `${p.vendorId}:${p.productId}`.toLowerCase() : null, name: info.friendlyName ?? info.manufacturer ?? null };
    });
  }

  private async one(device: PortDevice) {
    const stored = storedPortChoice(this.deps, device);
    const choice = stored ?? this.kits[device].start;
    return { ...choice, stored: stored !== null, vidPid: this.kits[device].vidPid, state: await this.kits[device].slot.state() };
  }

  /** Both devices' choices and states, and the serial ports found on this PC. */
  async settings() {
    return { card: await this.one('card'), handheld: await this.one('handheld'), ports: await this.ports() };
  }

  /** Stores the choice (audited) and switches the device to it now; an automatic search is awaited. */
  async set(actor: Actor, input: { device: PortDevice; mode: PortMode; port?: string | undefined }) {
    const port = input.mode === 'port' ? (input.port ?? '').trim() : null;
    if (input.mode === 'port' && !port) throw new DomainError('VALIDATION', '请输入或选择串口', 'port');
    const before = storedPortChoice(this.deps, input.device);
    const at = this.deps.clock.now();
    this.deps.db.transaction((tx) => {
      const row = { mode: input.mode, port, updatedBy: actor.staffId, updatedAt: at.toISOString() };
      tx.insert(devicePorts)
        .values({ device: input.device, ...row })
        .onConflictDoUpdate({ target: devicePorts.device, set: row })
        .run();
      appendAudit(tx, { actorId: actor.staffId, action: `device.${input.device}.set`, entity: 'device', entityId: input.device, detail: { before, after: { mode: input.mode, port } } }, at);
    });
    const slot = this.kits[input.device].slot;
    await slot.use(this.target(input.device, { mode: input.mode, port }));
    await slot.settled();
    return this.one(input.device);
  }

  /** 检测: opens the port and runs IDENTIFY (the live link when it is the port in use); a failure is refused at `port`. */
  async test(input: { device: PortDevice; port: string }): Promise<{ port: string; identity: string }> {
    const kit = this.kits[input.device];
    const label = LABEL[input.device];
    const path = input.port.trim();
    let identity: string;
    if (kit.slot.port === path) {
      identity = await kit.identifyLive().catch((error: unknown) => {
        throw new DomainError('VALIDATION', this.noAnswer(input.device, path, error), 'port');
      });
    } else {
      let device: Identifiable;
      try {
        device = await kit.openPort(path);
      } catch (error) {
        throw new DomainError('VALIDATION', serialOpenFailure(path, error), 'port');
      }
      try {
        identity = await device.identify();
      } catch (error) {
        throw new DomainError('VALIDATION', this.noAnswer(input.device, path, error), 'port');
      } finally {
        await device.close().catch(() => undefined);
      }
    }
    if (!identity.startsWith(kit.protocol)) throw new DomainError('VALIDATION', `${path} 上的设备（${identity}）不是${label}`, 'port');
    return { port: path, identity };
  }

  private noAnswer(device: PortDevice, path: string, error: unknown): string {
    if (error instanceof DeviceTimeoutError) return `${path} 上没有${LABEL[device]}回应：请检查设备电源和连线，或选择别的端口`;
    if (error instanceof DomainError) return error.message;
    return `${path} 检测失败：${error instanceof Error ? error.message : String(error)}`;
  }

  private printerCache: { printer: unknown; at: number; state: ReturnType<PrinterHolder['state']> } | null = null;

  /**
   * The printer's state, asked at most every few seconds however many windows poll (a raw printer's DLE EOT
   * opens its link and waits its turn behind a slip); a newly chosen printer is asked at once.
   */
  private printerState(printer: PrinterHolder): ReturnType<PrinterHolder['state']> {
    const now = Date.now();
    const cached = this.printerCache;
    if (cached && cached.printer === printer.printer && now - cached.at < PRINTER_STATE_MS) return cached.state;
    const state = printer.state();
    this.printerCache = { printer: printer.printer, at: now, state };
    return state;
  }

  /** Every device's state for the status bar. */
  async states(printer: PrinterHolder): Promise<Record<'printer' | PortDevice, { kind: DeviceState['kind']; detail: string }>> {
    const [p, card, handheld] = await Promise.all([this.printerState(printer), this.kits.card.slot.state(), this.kits.handheld.slot.state()]);
    const printerKind = p.state === 'not-configured' ? 'disconnected' : p.state;
    const printerDetail = p.reason ?? (p.state === 'simulated' ? `模拟打印机（${printer.name}）` : `打印机 ${printer.name}`);
    return {
      printer: { kind: printerKind, detail: printerDetail },
      card: { kind: card.kind, detail: card.detail },
      handheld: { kind: handheld.kind, detail: handheld.detail },
    };
  }
}
