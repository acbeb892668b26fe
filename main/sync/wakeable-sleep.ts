/**
 * Issue 14: what the pusher and the puller both wait with. Their pause between rounds is a timer that never keeps the
 * process alive and that `wake()` ends at once (a payment committed, 立即同步, stop); after a failure they wait a
 * full-jitter exponential back-off.
 */
export class WakeableSleep {
  private wakeNow: (() => void) | null = null;

  /** Resolves after `ms`, or as soon as `wake()` is called. */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref?.();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeNow = done;
    }).then(() => {
      this.wakeNow = null;
    });
  }

  /** Ends the sleep under way now (nothing when none is). */
  wake(): void {
    this.wakeNow?.();
  }
}

/** Full-jitter exponential back-off: a uniformly random part of min(max, base·2^(failures−1)). */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failures, 1) - 1, 30));
  return Math.floor(random() * ceiling);
}
