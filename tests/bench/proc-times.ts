/**
 * Where a bench's wall time went on a shared machine (Linux /proc): the main thread's time on a CPU, its time
 * waiting for a CPU (other processes had it: the machine is shared), and the rest (blocked on the disk, the network,
 * a lock), plus the bytes this process had the kernel write. Elsewhere (no /proc) every figure is NaN.
 */
import { readFileSync } from 'node:fs';

export interface ProcTimes {
  /** seconds of the main thread on a CPU */
  run: number;
  /** seconds the main thread was runnable but waited for a CPU */
  runQueue: number;
  /** bytes written to storage by this process */
  writeBytes: number;
}

export function procTimes(): ProcTimes {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(/\s+/).map(Number);
    const io = /write_bytes:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
    return { run: (run ?? Number.NaN) / 1e9, runQueue: (wait ?? Number.NaN) / 1e9, writeBytes: Number(io?.[1] ?? Number.NaN) };
  } catch {
    return { run: Number.NaN, runQueue: Number.NaN, writeBytes: Number.NaN };
  }
}

/** `main thread 20.1 s on a CPU, 90.3 s waiting for a CPU, 12.0 s blocked; 2.1 GB written` over `wall` seconds. */
export function describeSince(before: ProcTimes, wall: number): string {
  const now = procTimes();
  const run = now.run - before.run;
  const queue = now.runQueue - before.runQueue;
  const blocked = wall - run - queue;
  return `main thread ${run.toFixed(1)} s on a CPU, ${queue.toFixed(1)} s waiting for a CPU, ${blocked.toFixed(1)} s blocked (disk, network); ${((now.writeBytes - before.writeBytes) / 1e9).toFixed(2)} GB written`;
}
