/**
 * The audit chain's head (seq and hash) as printed on the 日结 and cash reports (issue 10 #20). How a head
 * typed from paper is read and judged against the chain is in main/domain/chain-head.ts.
 */

/** Shorter than a head means a cut tail; another hash at that seq means rows were rewritten and re-hashed. */
export interface ChainHead {
  seq: number;
  /** The full hash, or a printed prefix (at least 8 hex characters). */
  hash: string;
}

/** How many hex characters of the hash are printed. */
export const PRINTED_HASH_CHARS = 12;

/** `#1234 1a2b3c4d5e6f`: what the reports print. */
export function formatHead(head: ChainHead): string {
  return `#${head.seq} ${head.hash.slice(0, PRINTED_HASH_CHARS)}`;
}
