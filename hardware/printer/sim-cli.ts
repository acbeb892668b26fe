/**
 * The receipt-printer simulator as its own process:
 *   tsx hardware/printer/sim-cli.ts /dev/pts/7        on a serial device (one end of a socat pty pair)
 *   tsx hardware/printer/sim-cli.ts tcp:9100          on 127.0.0.1:9100 (an Ethernet printer)
 * Control lines on stdin, each answered with one JSON line (EscPosDevice.control: paperout, paperin,
 * paperout-after N, nearend, cover open|close, offline, online, error, mute, no-gsr, buffered N, reset, state,
 * bytes; on TCP
 * also drop N and jobs).
 */
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { EscPosDevice } from './escpos-device.js';
import { PRINTER_BAUD } from './serial.js';
import { TcpPrinterSimulator } from './tcp-simulator.js';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: sim-cli <serial device> | tcp:<port>\n');
  process.exit(2);
}
const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
let control: (line: string) => Record<string, unknown>;
let stop: () => void;

if (target.startsWith('tcp:')) {
  const sim = new TcpPrinterSimulator();
  const port = await sim.listen(Number(target.slice(4)));
  control = (line) => sim.control(line);
  stop = () => void sim.close().then(() => process.exit(0));
  say({ ready: true, url: `tcp://127.0.0.1:${port}` });
} else {
  const device = new EscPosDevice();
  const port = new SerialPort({ path: target, baudRate: Number(process.argv[3] ?? PRINTER_BAUD) });
  device.send = (bytes) => port.write(bytes);
  port.on('data', (bytes: Buffer) => {
    const reply = device.receive(bytes);
    if (reply.length > 0) port.write(reply);
  });
  port.on('error', (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
  await new Promise<void>((resolve) => port.on('open', () => resolve()));
  control = (line) => device.control(line);
  stop = () => port.close(() => process.exit(0));
  say({ ready: true, path: target });
}
createInterface({ input: process.stdin }).on('line', (line) => say(control(line)));
process.stdin.on('end', () => stop());
