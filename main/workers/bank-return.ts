/**
 * Worker thread (issue 10 #10): decodes a bank's return (GBK), parses it and checks it against the run
 * (R-BANK-05) off the main thread, so a big return does not hold up other counters' calls. Pure: the
 * database stays with main, which sends the run's lines and writes off with its own connection.
 */
import { parentPort } from 'node:worker_threads';
import iconv from 'iconv-lite';
import { checkReturn, parseReturnFile } from '../domain/bank-file.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { ReturnJobMessage, ReturnJobReply } from '../services/bank-return-job.js';

parentPort?.on('message', (job: ReturnJobMessage) => {
  let reply: ReturnJobReply;
  try {
    const text = iconv.decode(Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength), 'gbk');
    const parsed = parseReturnFile(job.bank, text);
    const check = checkReturn(job.sent, parsed, job.runId);
    const failures = check.problems.length > 0 ? null : parsed.lines.flatMap((l, line) => (l.ok ? [] : [{ line, reason: l.reason }]));
    reply = { id: job.id, ok: true, check, failures };
  } catch (error) {
    reply =
      error instanceof DomainError
        ? { id: job.id, ok: false, domain: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }
        : { id: job.id, ok: false, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
