/**
 * The card simulator as its own process on a serial device (e.g. one end of a socat pty pair):
 *   tsx hardware/card/sim-cli.ts /dev/pts/7
 * Control lines on stdin: `blank`, `insert <cardNo> <accountNo> <counter> <creditCenti>`, `remove`,
 * `meter` (load the credit into the meter), `fault <pull_before_apply|pull_after_apply|write_failed>`,
 * `garble`, `drop`, `state`. Every control line is answered with one JSON line on stdout.
 */
import { createInterface } from 'node:readline';
import { SerialPort } from 'serialport';
import { BAUD_RATE } from './serial.js';
import { CardSimulator, type WriteFault } from './simulator.js';

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

createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, ...args] = line.trim().split(/\s+/);
  switch (cmd) {
    case 'blank':
      sim.insertBlank();
      break;
    case 'insert':
      sim.insert({ cardNo: args[0] ?? '', accountNo: args[1] ?? '', counter: Number(args[2] ?? 0), creditCenti: Number(args[3] ?? 0), totalCenti: Number(args[3] ?? 0), blank: false });
      break;
    case 'remove':
      sim.remove();
      break;
    case 'meter':
      sim.loadIntoMeter();
      break;
    case 'fault':
      sim.faults.nextWrite = (args[0] ?? null) as WriteFault | null;
      break;
    case 'garble':
      sim.faults.garbleNextReply = true;
      break;
    case 'drop':
      sim.faults.dropNextReply = true;
      break;
    case 'state':
      break;
    default:
      process.stdout.write(`${JSON.stringify({ error: `unknown command ${cmd ?? ''}` })}\n`);
      return;
  }
  process.stdout.write(`${JSON.stringify({ card: sim.card, writes: sim.log.filter((l) => l.cmd >= 0x20).length })}\n`);
});
process.stdin.on('end', () => port.close(() => process.exit(0)));
