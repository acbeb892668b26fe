/**
 * Where the receipt printer is, as one string (GAS_PRINTER today, the device settings later):
 *   tcp://192.168.1.50[:9100]          an Ethernet printer, raw port 9100
 *   serial:/dev/ttyUSB0[?baud=9600]    a serial / USB-serial port (Windows: serial:COM3)
 *   usblp:/dev/usb/lp0                 the Linux USB printer device
 *   spooler:<printer name>[?width=80]  a printer installed with a Windows driver, printed to through the
 *                                      Electron shell's spooler (58 or 80 mm paper; no status, no drawer kick)
 *   sim:                               the simulated printer, chosen explicitly
 * Pure (no IO): the parse refuses a bad address with a DomainError whose Chinese message says what is wrong.
 */
import { DomainError } from '../../preload/kernel/errors.js';

export type PrinterAddress =
  | { transport: 'tcp'; host: string; port: number }
  | { transport: 'serial'; path: string; baudRate: number }
  | { transport: 'usblp'; path: string }
  | { transport: 'spooler'; printerName: string; paperMm: 58 | 80 }
  | { transport: 'sim' };

export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_SERIAL_BAUD = 9600;
export const SERIAL_BAUD_RATES = [2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const DEFAULT_SPOOLER_PAPER_MM = 80;
const FORMS = 'tcp://地址:9100、serial:/dev/ttyUSB0?baud=9600（Windows 为 serial:COM3）、usblp:/dev/usb/lp0、spooler:Windows打印机名称?width=80 或 sim:';

function refuse(text: string, why: string): never {
  throw new DomainError('VALIDATION', `打印机地址“${text}”不正确：${why}。应为 ${FORMS}`, 'printerUrl');
}

export function parsePrinterAddress(input: string): PrinterAddress {
  const text = input.trim();
  const colon = text.indexOf(':');
  if (colon <= 0) refuse(text, '缺少连接方式');
  const scheme = text.slice(0, colon).toLowerCase();
  const rest = text.slice(colon + 1);
  switch (scheme) {
    case 'tcp': {
      if (!rest.startsWith('//')) refuse(text, '网络打印机应写成 tcp://地址:端口');
      const hostPort = rest.slice(2).replace(/\/$/, '');
      const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(hostPort);
      if (!m?.[1]) refuse(text, '主机地址不正确');
      const port = m[2] === undefined ? DEFAULT_TCP_PORT : Number(m[2]);
      if (!(port >= 1 && port <= 65535)) refuse(text, '端口应在 1–65535 之间');
      return { transport: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
    }
    case 'serial': {
      const [path = '', query] = rest.split('?', 2);
      if (!/^(\/dev\/[\w./-]+|COM\d{1,3})$/i.test(path)) refuse(text, '串口应为 /dev/ttyUSB0 一类的设备或 COM3');
      let baudRate = DEFAULT_SERIAL_BAUD;
      if (query !== undefined) {
        const m = /^baud=(\d+)$/.exec(query);
        if (!m) refuse(text, '串口参数只认 baud=波特率');
        baudRate = Number(m[1]);
        if (!(SERIAL_BAUD_RATES as readonly number[]).includes(baudRate)) refuse(text, `波特率应为 ${SERIAL_BAUD_RATES.join('、')} 之一`);
      }
      return { transport: 'serial', path, baudRate };
    }
    case 'usblp': {
      if (!/^\/dev\/[\w./-]+$/.test(rest)) refuse(text, 'USB 打印机应为 /dev/usb/lp0 一类的设备');
      return { transport: 'usblp', path: rest };
    }
    case 'spooler': {
      // the name is the Windows printer's own (spaces, brackets, hanzi, \\server\share); only a trailing ?width=… is ours
      const m = /^(.*?)(?:\?(.*))?$/s.exec(rest);
      const printerName = (m?.[1] ?? '').trim();
      const query = m?.[2];
      if (printerName === '') refuse(text, '缺少 Windows 打印机名称');
      if (/[\u0000-\u001f]/.test(printerName)) refuse(text, 'Windows 打印机名称含有控制字符');
      let paperMm: 58 | 80 = DEFAULT_SPOOLER_PAPER_MM;
      if (query !== undefined) {
        const w = /^width=(58|80)$/.exec(query);
        if (!w) refuse(text, 'Windows 打印机只认 width=58 或 width=80（纸宽毫米）');
        paperMm = w[1] === '58' ? 58 : 80;
      }
      return { transport: 'spooler', printerName, paperMm };
    }
    case 'sim':
      if (rest !== '' && rest !== '//') refuse(text, '模拟打印机写作 sim:');
      return { transport: 'sim' };
    default:
      return refuse(text, `不认识的连接方式“${scheme}”`);
  }
}

/** The address back as its string (settings store it so). */
export function formatPrinterAddress(address: PrinterAddress): string {
  switch (address.transport) {
    case 'tcp':
      return `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
    case 'serial':
      return `serial:${address.path}?baud=${address.baudRate}`;
    case 'usblp':
      return `usblp:${address.path}`;
    case 'spooler':
      return `spooler:${address.printerName}?width=${address.paperMm}`;
    case 'sim':
      return 'sim:';
  }
}
