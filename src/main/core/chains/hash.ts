import { createHash } from 'node:crypto';
import { canonicalJson } from '../util/json';

/** The hash before the first record of any chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * hash = SHA-256(previous hash ‖ "\n" ‖ canonical encoding of the record), hex. The previous hash is its
 * 64 lower-case hex characters; the encoding is canonical JSON (sorted keys, no whitespace, UTF-8).
 */
export function chainHash(prevHash: string, record: unknown): string {
  return hashEncoded(prevHash, canonicalJson(record));
}

/** The same, for a record already in its canonical encoding. */
export function hashEncoded(prevHash: string, encoded: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(encoded).digest('hex');
}

/**
 * Why a chain is broken, as codes that the CLI and the screens translate (`chains.reasons.<code>`).
 * An area may add its own (the charity journal names an unbalanced entry).
 */
export const ChainReasons = {
  prevHashMismatch: 'prev_hash_mismatch',
  hashMismatch: 'hash_mismatch',
  sequenceGap: 'sequence_gap',
} as const;

export interface ChainRow {
  seq: number;
  prevHash: string;
  hash: string;
  /** The fields that the hash covers, exactly as stored. */
  content: unknown;
  /** The content's canonical encoding, when the chain can write it faster than canonicalJson (no objects in it). */
  encoded?: string;
  /** A rule of the area that the row breaks although its hash holds (a journal entry that does not balance). */
  problem?: string | null;
}

export interface ChainVerdict {
  ok: boolean;
  count: number;
  head: string | null;
  firstBroken: { seq: number; reason: string } | null;
}

/**
 * Walks a chain in sequence order, recomputing every link. Rows may arrive lazily (an iterator). With
 * `contiguous`, sequence numbers must run 1, 2, 3 … so that a deleted last-but-one row is named even if
 * someone re-linked the rest.
 */
export function verifyChain(rows: Iterable<ChainRow>, opts: { contiguous?: boolean } = {}): ChainVerdict {
  let prev = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count++;
    if (opts.contiguous && row.seq !== count) return broken(row.seq, ChainReasons.sequenceGap);
    if (row.prevHash !== prev) return broken(row.seq, ChainReasons.prevHashMismatch);
    if ((row.encoded !== undefined ? hashEncoded(prev, row.encoded) : chainHash(prev, row.content)) !== row.hash)
      return broken(row.seq, ChainReasons.hashMismatch);
    if (row.problem) return broken(row.seq, row.problem);
    prev = row.hash;
  }
  return { ok: true, count, head: count ? prev : null, firstBroken: null };

  function broken(seq: number, reason: string): ChainVerdict {
    return { ok: false, count, head: prev === GENESIS_HASH ? null : prev, firstBroken: { seq, reason } };
  }
}
