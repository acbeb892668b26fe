/**
 * The card simulator as its own process on a serial device (e.g. one end of a socat pty pair):
 *   tsx hardware/card/sim-cli.ts /dev/pts/7
 * Control lines on stdin (sim-control.ts), each answered with one JSON line on stdout.
 */
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { BAUD_RATE } from './serial.js';
import { CardSimulator } from './simulator.js';
import { simControl } from './sim-control.js';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: sim-cli <serial device>\n');
  process.exit(2);
}
const port = new SerialPort({ path, baudRate: BAUD_RATE });
const sim = new CardSimulator((bytes) => port.write(bytes));
port.on('data', (bytes: Buffer) => sim.receive(bytes));
port.on('open', () => process.stdout.write(`${JSON.stringify({ ready: true, identity: sim.identity })}\n`));
port.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

const control = simControl(sim);
createInterface({ input: process.stdin }).on('line', (line) => process.stdout.write(`${control(line)}\n`));
process.stdin.on('end', () => port.close(() => process.exit(0)));
