/**
 * Text commands that drive a card simulator (the out-of-process simulator and the demo harness share
 * them): `blank`, `insert <cardNo> <accountNo> <counter> <creditCenti>`, `remove`, `reinsert`, `meter`,
 * `fault <pull_before_apply|pull_after_apply|write_failed|lose_reply>`, `garble`, `drop`, `state`.
 * Each command answers one JSON line.
 */
import type { CardRecord } from './codec.js';
import type { CardSimulator, WriteFault } from './simulator.js';

const FAULTS: readonly WriteFault[] = ['pull_before_apply', 'pull_after_apply', 'write_failed', 'lose_reply'];

export function simControl(sim: CardSimulator): (line: string) => string {
  let pulled: CardRecord | null = null;
  return (line) => {
    const [cmd, ...args] = line.trim().split(/\s+/);
    switch (cmd) {
      case 'blank':
        sim.insertBlank();
        break;
      case 'insert': {
        const credit = Number(args[3] ?? 0);
        sim.insert({ cardNo: args[0] ?? '', accountNo: args[1] ?? '', counter: Number(args[2] ?? 0), creditCenti: credit, totalCenti: credit, blank: false });
        break;
      }
      case 'remove':
        pulled = sim.remove() ?? pulled;
        break;
      case 'reinsert':
        if (pulled) sim.insert(pulled);
        break;
      case 'meter':
        sim.loadIntoMeter();
        break;
      case 'fault': {
        const fault = FAULTS.find((f) => f === args[0]);
        if (!fault) return JSON.stringify({ error: `unknown fault ${args[0] ?? ''}` });
        sim.faults.nextWrite = fault;
        break;
      }
      case 'garble':
        sim.faults.garbleNextReply = true;
        break;
      case 'drop':
        sim.faults.dropNextReply = true;
        break;
      case 'state':
      case '':
        break;
      default:
        return JSON.stringify({ error: `unknown command ${cmd ?? ''}` });
    }
    return JSON.stringify({ card: sim.card, writes: sim.log.filter((l) => l.cmd >= 0x20).length });
  };
}
