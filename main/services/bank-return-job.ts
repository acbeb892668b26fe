/**
 * Runs a bank return's parse and check (R-BANK-05) in a worker thread (issue 10 #10), one worker per
 * process, started on first use. From the Electron bundle the worker is the bundled
 * dist/main/bank-return-worker.cjs next to app.cjs (scripts/build-main.mjs); from source (tsx, vitest)
 * the TypeScript entry is loaded through tsx's CommonJS hooks.
 */
import type { Worker } from 'node:worker_threads';
import { startBackEndWorker } from './worker-start.js';
import type { ReturnCheck } from '../domain/bank-file.js';
import type { WithholdingBank } from '../../preload/kernel/enums.js';
import { DomainError, type ErrorCode } from '../../preload/kernel/errors.js';
import type { Fen } from '../../preload/kernel/money.js';

/** The bundled worker's file name, next to the bundled main (scripts/build-main.mjs). */
export const BUNDLED_WORKER = 'bank-return-worker.cjs';

export interface ReturnJob {
  bank: WithholdingBank;
  runId: string;
  /** The return file as the bank sent it (GBK). */
  file: Uint8Array;
  sent: { accountNo: string; amountFen: Fen }[];
}
/**
 * What the write-off needs of a return that checks out: the lines the bank failed, by index (every other
 * line was debited). Null when the check found problems (nothing is written off then). Kept this small so
 * handing a big return's result back to main costs main next to nothing.
 */
export type ReturnFailures = { line: number; reason: string }[] | null;
export interface ReturnJobResult {
  check: ReturnCheck;
  failures: ReturnFailures;
}
export interface ReturnJobMessage extends ReturnJob {
  id: number;
}
export type ReturnJobReply =
  | ({ id: number; ok: true } & ReturnJobResult)
  | { id: number; ok: false; domain: { code: ErrorCode; message: string; field?: string } }
  | { id: number; ok: false; failure: string };

type Settle = { resolve: (r: ReturnJobResult) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
/** Jobs sent to the worker in this process (issue 13 #4: a write-off checks its file once). */
let jobsSent = 0;
export function returnJobsSent(): number {
  return jobsSent;
}
const pending = new Map<number, Settle>();

function startWorker(): Worker {
  return startBackEndWorker(BUNDLED_WORKER, () => new URL('../workers/bank-return.ts', import.meta.url));
}

function failAll(error: Error): void {
  for (const [, settle] of pending) settle.reject(error);
  pending.clear();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.on('message', (reply: ReturnJobReply) => {
    const settle = pending.get(reply.id);
    if (!settle) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    if (reply.ok) settle.resolve({ check: reply.check, failures: reply.failures });
    else if ('domain' in reply) settle.reject(new DomainError(reply.domain.code, reply.domain.message, reply.domain.field));
    else settle.reject(new Error(`bank return worker: ${reply.failure}`));
  });
  w.on('error', (error) => {
    if (worker === w) worker = null;
    failAll(error);
  });
  w.on('exit', (code) => {
    if (worker === w) worker = null;
    failAll(new Error(`bank return worker exited with ${code}`));
  });
  worker = w;
  return w;
}

/** Parses and checks a return in the worker; the caller's thread stays free meanwhile. */
export function runReturnJob(job: ReturnJob): Promise<ReturnJobResult> {
  const w = ensureWorker();
  const id = nextId++;
  jobsSent++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // while a job is out the worker keeps the process alive; idle, it does not
    w.ref();
    const message: ReturnJobMessage = { ...job, id };
    w.postMessage(message);
  });
}

/** Stops the worker (host shutdown); the next job starts a new one. */
export async function stopReturnWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
