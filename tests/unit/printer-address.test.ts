/** Issue 12 #1: the printer address (GAS_PRINTER, later the device settings) parsed by one function, and the host's choice. */
import { describe, expect, it } from 'vitest';
import { formatPrinterAddress, parsePrinterAddress } from '../../hardware/printer/address.js';
import { RawPrinter } from '../../hardware/printer/raw-printer.js';
import { SimulatedPrinter } from '../../hardware/printer/simulator.js';
import { UnconfiguredPrinter } from '../../hardware/printer/open.js';
import { printerFromEnv } from '../../main/host.js';
import { linkError } from '../../hardware/printer/link.js';

describe('parsePrinterAddress', () => {
  it.each([
    ['tcp://192.168.1.50:9100', { transport: 'tcp', host: '192.168.1.50', port: 9100 }],
    ['tcp://192.168.1.50', { transport: 'tcp', host: '192.168.1.50', port: 9100 }],
    [' tcp://printer-lc01.local:9101/ ', { transport: 'tcp', host: 'printer-lc01.local', port: 9101 }],
    ['tcp://[::1]:9100', { transport: 'tcp', host: '::1', port: 9100 }],
    ['serial:/dev/ttyUSB0?baud=115200', { transport: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 }],
    ['serial:/dev/ttyS0', { transport: 'serial', path: '/dev/ttyS0', baudRate: 9600 }],
    ['serial:COM3', { transport: 'serial', path: 'COM3', baudRate: 9600 }],
    ['usblp:/dev/usb/lp0', { transport: 'usblp', path: '/dev/usb/lp0' }],
    ['sim:', { transport: 'sim' }],
    ['spooler:XP-58C?width=58', { transport: 'spooler', printerName: 'XP-58C', paperMm: 58 }],
    ['spooler:EPSON TM-T82III Receipt', { transport: 'spooler', printerName: 'EPSON TM-T82III Receipt', paperMm: 80 }],
    ['spooler:\\\\server\\前台小票(80) ?width=80', { transport: 'spooler', printerName: '\\\\server\\前台小票(80)', paperMm: 80 }],
  ])('%s', (text, address) => {
    expect(parsePrinterAddress(text)).toEqual(address);
    expect(parsePrinterAddress(formatPrinterAddress(parsePrinterAddress(text)))).toEqual(address);
  });

  it.each([
    ['192.168.1.50', '缺少连接方式'],
    ['tcp:192.168.1.50', '网络打印机应写成 tcp://地址:端口'],
    ['tcp://192.168.1.50:70000', '端口应在 1–65535 之间'],
    ['tcp://', '主机地址不正确'],
    ['serial:ttyUSB0', '串口应为 /dev/ttyUSB0 一类的设备或 COM3'],
    ['serial:/dev/ttyUSB0?baud=1234', '波特率应为 2400、4800、9600、19200、38400、57600、115200 之一'],
    ['serial:/dev/ttyUSB0?speed=9600', '串口参数只认 baud=波特率'],
    ['usblp:lp0', 'USB 打印机应为 /dev/usb/lp0 一类的设备'],
    ['lpt:1', '不认识的连接方式“lpt”'],
    ['spooler:', '缺少 Windows 打印机名称'],
    ['spooler: ?width=58', '缺少 Windows 打印机名称'],
    ['spooler:XP-58C?width=76', 'Windows 打印机只认 width=58 或 width=80（纸宽毫米）'],
    ['spooler:XP-58C?copies=2', 'Windows 打印机只认 width=58 或 width=80（纸宽毫米）'],
  ])('refuses %s in Chinese', (text, why) => {
    expect(() => parsePrinterAddress(text)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        field: 'printerUrl',
        message: `打印机地址“${text}”不正确：${why}。应为 tcp://地址:9100、serial:/dev/ttyUSB0?baud=9600（Windows 为 serial:COM3）、usblp:/dev/usb/lp0、spooler:Windows打印机名称?width=80 或 sim:`,
      }),
    );
  });
});

it('formats a Windows printer with its paper width, so the stored address says both', () => {
  expect(formatPrinterAddress(parsePrinterAddress('spooler: XP-58C '))).toBe('spooler:XP-58C?width=80');
  expect(formatPrinterAddress({ transport: 'spooler', printerName: '前台小票', paperMm: 58 })).toBe('spooler:前台小票?width=58');
});

describe('the back end picks its printer from GAS_PRINTER (main/backend.ts)', () => {
  it('a raw transport at the address', () => {
    const printer = printerFromEnv({ GAS_PRINTER: 'tcp://10.0.0.9:9100' });
    expect(printer).toBeInstanceOf(RawPrinter);
    expect(printer.name).toBe('10.0.0.9:9100');
  });
  it('the simulator only when chosen (sim:) or in demo mode', () => {
    expect(printerFromEnv({ GAS_PRINTER: 'sim:' })).toBeInstanceOf(SimulatedPrinter);
    expect(printerFromEnv({ GAS_DEMO: '1' })).toBeInstanceOf(SimulatedPrinter);
  });
  it('none chosen outside demo mode: no silent simulator, every slip fails with what to set', async () => {
    const printer = printerFromEnv({});
    expect(printer).toBeInstanceOf(UnconfiguredPrinter);
    await expect(printer.write(Buffer.from('x'))).rejects.toThrow('打印机未设置，请设置打印机地址（环境变量 GAS_PRINTER，如 tcp://192.168.1.50:9100）');
  });
  it('a bad address stops the start with the Chinese reason', () => {
    expect(() => printerFromEnv({ GAS_PRINTER: 'tcp://printer:abc' })).toThrow('打印机地址“tcp://printer:abc”不正确：主机地址不正确');
  });
});

describe('OS errors of a printer link, in Chinese', () => {
  it.each([
    [Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), 'refused', '打印机 P 拒绝连接，请检查打印机电源、网线和地址端口'],
    [Object.assign(new Error('open'), { code: 'EACCES' }), 'no-access', '打印机 P 无权访问设备（Linux：将用户加入 lp 或 dialout 组后重新登录）'],
    // serialport's errors carry only the OS text
    [new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), 'no-access', '打印机 P 无权访问设备（Linux：将用户加入 lp 或 dialout 组后重新登录）'],
    [new Error('Error: No such file or directory, cannot open /dev/ttyUSB9'), 'not-found', '打印机 P 设备不存在，请检查连线和设备名'],
    [Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' }), 'offline', '打印机 P 脱机'],
  ])('%s', (error, fault, message) => {
    expect(linkError('P', error)).toMatchObject({ fault, message });
  });
});
