/** Handlers of the contract's devices area (preload/contract/devices.ts): 设备设置 (issue 12 #2). */
import { installedPrinters, printerSettings, setPrinter, testPrinter } from '../../services/devices.js';
import { area, signedIn, type HandlerKit } from './kit.js';

export const devicesHandlers = ({ deps, devices }: HandlerKit) =>
  area({
    'devices.printer': () => printerSettings(deps, devices.printer),
    'devices.setPrinter': (ctx, input) => setPrinter(deps, signedIn(ctx), devices.printer, input),
    'devices.testPrinter': () => testPrinter(deps, devices.printer),
    'devices.installedPrinters': () => installedPrinters(devices.printer),
  });
