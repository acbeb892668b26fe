/**
 * Issue 12 #2 (设备设置, administrator or technician): the card reader and the handheld — found automatically, a
 * named serial port, the simulator, or none — chosen, tested and applied without a restart; and every device's
 * state for the status bar of the counter windows (anyone signed in).
 */
import { z } from 'zod';
import { noInput } from './schemas.js';

const DEVICE_ROLES = ['admin', 'technician'] as const;
const portDevice = z.enum(['card', 'handheld'], { error: '设备应为读卡器或抄表机' });
const portMode = z.enum(['auto', 'port', 'simulator', 'none'], { error: '连接方式应为自动查找、指定端口、模拟器或不使用' });
const deviceKind = z.enum(['real', 'simulated', 'disconnected', 'error']);
const portPath = z.string().trim().min(1, '请输入或选择串口').max(200, '串口名称过长');
const deviceState = z.object({ kind: deviceKind, detail: z.string() });
const portSetting = z.object({
  mode: portMode,
  port: z.string().nullable(),
  /** false: the start's choice (environment or demo), nothing stored yet. */
  stored: z.boolean(),
  vidPid: z.string(),
  state: deviceState.extend({ port: z.string().nullable() }),
});

export const devicePortsContract = {
  /** Both devices' choices and states, and the serial ports found on this PC. */
  'devices.ports': {
    access: DEVICE_ROLES,
    input: noInput,
    output: z.object({
      card: portSetting,
      handheld: portSetting,
      ports: z.array(z.object({ path: z.string(), vidPid: z.string().nullable(), name: z.string().nullable() })),
    }),
  },
  /** Stores the choice (audited) and switches the device to it at once; `port` is required for mode `port`. */
  'devices.setPort': {
    access: DEVICE_ROLES,
    input: z.object({ device: portDevice, mode: portMode, port: portPath.optional() }).strict(),
    output: portSetting,
  },
  /** 检测: opens the port and runs IDENTIFY; a port that does not open or answer is refused at `port` with why. */
  'devices.testPort': {
    access: DEVICE_ROLES,
    input: z.object({ device: portDevice, port: portPath }).strict(),
    output: z.object({ port: z.string(), identity: z.string() }),
  },
  /** Every device's state for the status bar: real, simulated, disconnected or error, with the reason. */
  'devices.states': {
    access: 'signedIn',
    input: noInput,
    output: z.object({ printer: deviceState, card: deviceState, handheld: deviceState }),
  },
} as const;
