/**
 * Issue 10 #20: the audit chain's head (seq and hash) as printed on the 日结 and cash reports and recorded
 * with them, and how a later chain is judged against it. Pure; no crypto, so the windows can print it too.
 */
import { DomainError } from '../../preload/kernel/errors.js';
import type { ChainHead } from '../../preload/kernel/chain-head.js';

const HEAD_TEXT = /^#?\s*(\d{1,12})\s+([0-9a-fA-F]{8,64})$/;

/** Reads a head typed from paper (`#1234 1a2b3c4d5e6f`, the # optional). */
export function parseHead(text: string): ChainHead {
  const m = HEAD_TEXT.exec(text.trim());
  if (!m) throw new DomainError('VALIDATION', `链头“${text.trim().slice(0, 40)}”格式应为 #序号 哈希前12位，如 #1234 1a2b3c4d5e6f`, 'heads');
  return { seq: Number(m[1]), hash: (m[2] ?? '').toLowerCase() };
}

/** recorded: kept in this store; printed: read off the paper; replaced: recorded in the store a restore replaces. */
export type HeadSource = 'recorded' | 'printed' | 'replaced';
export type HeadMismatchKind = 'CHAIN_SHORTER' | 'HASH_DIFFERS';

export interface HeadMismatch {
  seq: number;
  source: HeadSource;
  kind: HeadMismatchKind;
  message: string;
}

const SOURCE_NAME: Record<HeadSource, string> = { recorded: '已记录', printed: '打印', replaced: '被替换数据库记录' };
const SOURCE_EN: Record<HeadSource, string> = { recorded: 'recorded', printed: 'printed', replaced: 'replaced store' };

/** Compares one head with the chain: `rowHash` is the chain's hash at head.seq, undefined past its end. */
export function checkHead(head: ChainHead, source: HeadSource, rowHash: string | undefined, rows: number): HeadMismatch | null {
  if (rowHash === undefined) {
    return { seq: head.seq, source, kind: 'CHAIN_SHORTER', message: `审计链只有 ${rows} 条，短于${SOURCE_NAME[source]}的链头 #${head.seq}（chain shorter than ${SOURCE_EN[source]} head）` };
  }
  if (head.hash.length < 8 || !rowHash.startsWith(head.hash.toLowerCase())) {
    return { seq: head.seq, source, kind: 'HASH_DIFFERS', message: `第 ${head.seq} 条的哈希与${SOURCE_NAME[source]}的链头不符（hash differs at seq ${head.seq}）` };
  }
  return null;
}
