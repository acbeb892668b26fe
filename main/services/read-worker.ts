/**
 * Issue 13 #6: heavy reads (reports, exports, statistics, the bank's checks: services/read-jobs.ts) run on a
 * worker thread with its own read-only connection to the store, so a counter's payment is never queued
 * behind a long report in the back end's thread. One worker per process, started on first use, serving
 * every host of the process by store file (tests build many hosts). Each job reads in one read
 * transaction (one snapshot, as the single connection gave before), with the caller's clock and settings.
 * A worker that crashes fails its jobs with a typed error (INTERNAL) and the next job starts a new one;
 * the process carries on. From the Electron bundle the worker is dist/main/read-worker.cjs next to
 * backend.cjs (scripts/build-main.mjs); from source (tsx, vitest) the TypeScript entry through tsx.
 */
import type { Worker } from 'node:worker_threads';
import { startBackEndWorker } from './worker-start.js';
import { DomainError, type ErrorCode } from '../../preload/kernel/errors.js';
import type { Actor, ServiceDeps, Settings } from './context.js';
import type { ReadInput, ReadJob, ReadOutput } from './read-jobs.js';

/** The bundled worker's file name, next to the bundled back end (scripts/build-main.mjs). */
export const BUNDLED_READ_WORKER = 'read-worker.cjs';

/**
 * Test-only faults a job carries to the worker: a slow query (the worker's thread busy for `delayMs`, or until
 * the test sets the first Int32 of `gate` to non-zero), or a crash.
 */
export interface ReadFault {
  delayMs?: number;
  gate?: SharedArrayBuffer;
  crash?: boolean;
}

export type ReadWorkerMessage =
  | { type: 'job'; id: number; dbFile: string; job: ReadJob; actor: Actor; input: unknown; nowMs: number; settings: Settings; fault?: ReadFault }
  | { type: 'close'; dbFile: string };
export type ReadWorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; domain: { code: ErrorCode; message: string; field?: string } }
  | { id: number; ok: false; failure: string };

/** What a job that the worker could not finish answers (the worker ended under it). */
export const READ_WORKER_FAILED = '查询服务中断，已自动重启，请重新查询';

type Settle = { resolve: (value: unknown) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
let started = 0;
const pending = new Map<number, Settle>();
let fault: ReadFault | null = null;

/** Tests: the fault the next jobs carry (null: none). */
export function injectReadFault(next: ReadFault | null): void {
  fault = next;
}

/** Workers started in this process (a crashed one is replaced by the next job). */
export function readWorkersStarted(): number {
  return started;
}

function startWorker(): Worker {
  started++;
  return startBackEndWorker(BUNDLED_READ_WORKER, () => new URL('../workers/reads.ts', import.meta.url));
}

function failAll(error: Error): void {
  for (const [, settle] of pending) settle.reject(error);
  pending.clear();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.on('message', (reply: ReadWorkerReply) => {
    const settle = pending.get(reply.id);
    if (!settle) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) settle.resolve(reply.value);
    else if ('domain' in reply) settle.reject(new DomainError(reply.domain.code, reply.domain.message, reply.domain.field));
    else settle.reject(new Error(`read worker: ${reply.failure}`));
  });
  const ended = (why: string) => {
    if (worker === w) worker = null;
    console.error(`read worker ended: ${why}`);
    failAll(new DomainError('INTERNAL', READ_WORKER_FAILED));
  };
  w.on('error', (error) => ended(error instanceof Error ? error.message : String(error)));
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    if (pending.size > 0) ended(`exit ${code}`);
  });
  w.unref();
  worker = w;
  return w;
}

/** One host's view of the read worker: its store file, clock and settings. */
export class ReadWorkerClient {
  constructor(
    private readonly dbFile: string,
    private readonly deps: Pick<ServiceDeps, 'clock' | 'settings'>,
  ) {}

  run<J extends ReadJob>(job: J, actor: Actor, input: ReadInput<J>): Promise<ReadOutput<J>> {
    const w = ensureWorker();
    const id = nextId++;
    const message: ReadWorkerMessage = {
      type: 'job',
      id,
      dbFile: this.dbFile,
      job,
      actor,
      input,
      nowMs: this.deps.clock.now().getTime(),
      settings: this.deps.settings,
      ...(fault ? { fault } : {}),
    };
    return new Promise<ReadOutput<J>>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // while a job is out the worker keeps the process alive; idle, it does not
      w.ref();
      w.postMessage(message);
    });
  }

  /** The host closes: the worker lets go of this store's connection. */
  close(): void {
    worker?.postMessage({ type: 'close', dbFile: this.dbFile } satisfies ReadWorkerMessage);
  }
}

/** Stops the worker (tests, shutdown); the next job starts a new one. */
export async function stopReadWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
