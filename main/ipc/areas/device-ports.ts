/** Handlers of the contract's device-ports part (preload/contract/device-ports.ts): 设备设置 of the card reader and handheld, device states (issue 12 #2). */
import { area, signedIn, type HandlerKit } from './kit.js';

export const devicePortsHandlers = ({ devices }: HandlerKit) =>
  area({
    'devices.ports': () => devices.ports.settings(),
    'devices.setPort': (ctx, input) => devices.ports.set(signedIn(ctx), input),
    'devices.testPort': (_ctx, input) => devices.ports.test(input),
    'devices.states': () => devices.ports.states(devices.printer),
  });
