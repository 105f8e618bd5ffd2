import { createHash } from 'node:crypto';
import { canonicalJson } from '../util/json';

/** The hash before the first record of any chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** hash = SHA-256(previous hash ‖ canonical encoding of the record). */
export function chainHash(prevHash: string, record: unknown): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(record)).digest('hex');
}

export interface ChainRow {
  seq: number;
  prevHash: string;
  hash: string;
  /** The fields that the hash covers, exactly as stored. */
  content: unknown;
}

export interface ChainVerdict {
  ok: boolean;
  count: number;
  head: string | null;
  firstBroken: { seq: number; reason: string } | null;
}

/** Walks a chain in sequence order, recomputing every link. Rows may arrive in pages (an iterator). */
export function verifyChain(rows: Iterable<ChainRow>): ChainVerdict {
  let prev = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count++;
    if (row.prevHash !== prev) return { ok: false, count, head: prev, firstBroken: { seq: row.seq, reason: 'prev_hash does not match the record before it' } };
    const expected = chainHash(prev, row.content);
    if (expected !== row.hash) return { ok: false, count, head: prev, firstBroken: { seq: row.seq, reason: 'content does not match its hash' } };
    prev = row.hash;
  }
  return { ok: true, count, head: count ? prev : null, firstBroken: null };
}
