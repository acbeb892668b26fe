/**
 * The handheld simulator as its own process on a serial device (e.g. one end of a socat pty pair):
 *   tsx hardware/handheld/sim-cli.ts /dev/pts/7
 * Control lines on stdin, each answered with one JSON line: `walk <m³>` (the reader reads every account
 * on the route, that many m³ on), `drop` (lose the next reply), `state`.
 */
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { BAUD_RATE } from '../serial/port.js';
import { HandheldSimulator } from './simulator.js';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: sim-cli <serial device>\n');
  process.exit(2);
}
const port = new SerialPort({ path, baudRate: BAUD_RATE });
const sim = new HandheldSimulator((bytes) => port.write(bytes), 'HH-PTY');
port.on('data', (bytes: Buffer) => sim.receive(bytes));
port.on('open', () => process.stdout.write(`${JSON.stringify({ ready: true, identity: sim.identity })}\n`));
port.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});

const state = () => ({ route: sim.route?.records.length ?? 0, batchId: sim.route?.manifest.batchId ?? null, readings: sim.readings?.records.length ?? 0 });

createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, arg] = line.trim().split(/\s+/);
  try {
    if (cmd === 'walk') {
      const add = Math.round(Number(arg ?? 10) * 100);
      sim.walkRoute((r) => ({ accountNo: r.accountNo, reading: r.lastReading + add, readAt: '2026-11-22 09:00', status: 0, meterNo: r.meterNo }));
    } else if (cmd === 'drop') sim.faults.dropNextReply = true;
    else if (cmd !== 'state') throw new Error(`unknown command ${cmd ?? ''}`);
    process.stdout.write(`${JSON.stringify(state())}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: error instanceof Error ? error.message : String(error) })}\n`);
  }
});
process.stdin.on('end', () => port.close(() => process.exit(0)));
