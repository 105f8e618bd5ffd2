import type SqliteDatabase from 'better-sqlite3';
import { ChainReasons, GENESIS_HASH, type ChainVerdict } from '../../chains/hash';
import { sha256, unbalanced, UNBALANCED, type HashedLine } from './chain';

// The journal's chain checked in ranges, side by side. Every entry stores the hash it links to, so each
// entry's own hash can be checked from its stored previous hash alone: a range needs nothing from the
// ranges before it, and joining the ranges' verdicts in order gives exactly the verdict of one walk from
// the first entry (a test holds them equal on damaged files).

const PAGE = 5000;

/** What one range [from, to] of sequence numbers says: the first broken entry in it, and its ends. */
export interface RangeVerdict {
  /** Entries read. */
  count: number;
  firstSeq: number | null;
  /** The first entry's stored previous hash: the join checks it against the range before. */
  firstPrev: string | null;
  lastHash: string | null;
  /** Inside the range (the first entry's own links are the join's to check). */
  firstBroken: { seq: number; reason: string; countAt: number; headAt: string | null } | null;
}

export function verifyRange(sqlite: SqliteDatabase.Database, from: number, to: number): RangeVerdict {
  const entriesStmt = sqlite
    .prepare(
      `SELECT seq, id, entry_date, kind, memo, reverses_seq, reason, posted_at, actor_name, prev_hash, hash FROM charity_entries
        WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
    )
    .raw(true);
  const linesStmt = sqlite
    .prepare('SELECT entry_seq, account_code, fund_code, debit, credit FROM charity_lines WHERE entry_seq BETWEEN ? AND ? ORDER BY entry_seq, line_no')
    .raw(true);
  const out: RangeVerdict = { count: 0, firstSeq: null, firstPrev: null, lastHash: null, firstBroken: null };
  const broken = (seq: number, reason: string) => {
    out.firstBroken = { seq, reason, countAt: out.count, headAt: out.lastHash };
    return out;
  };
  let after = from - 1;
  for (;;) {
    const page = entriesStmt.all(after, to, PAGE) as unknown[][];
    if (page.length === 0) return out;
    const lineRows = linesStmt.all(page[0][0], page[page.length - 1][0]) as unknown[][];
    let li = 0;
    for (const r of page) {
      const seq = r[0] as number;
      const storedPrev = r[9] as string;
      const storedHash = r[10] as string;
      if (out.count === 0) {
        out.firstSeq = seq;
        out.firstPrev = storedPrev;
      } else {
        // The same checks, in the same order, as the one walk (verifyJournal).
        if (seq !== (out.firstSeq as number) + out.count) return (out.count++, broken(seq, ChainReasons.sequenceGap));
        if (storedPrev !== out.lastHash) return (out.count++, broken(seq, ChainReasons.prevHashMismatch));
      }
      out.count++;
      while (li < lineRows.length && (lineRows[li][0] as number) < seq) li++;
      const lines: HashedLine[] = [];
      while (li < lineRows.length && lineRows[li][0] === seq) {
        const l = lineRows[li++];
        lines.push([l[1] as string, l[2] as string, l[3] as number, l[4] as number]);
      }
      r[9] = lines;
      r.length = 10;
      if (sha256(`${storedPrev}\n${JSON.stringify(r)}`) !== storedHash) return broken(seq, ChainReasons.hashMismatch);
      if (unbalanced(lines)) return broken(seq, UNBALANCED);
      out.lastHash = storedHash;
    }
    after = page[page.length - 1][0] as number;
  }
}

/** Joins ranges' verdicts, in order, into the one walk's verdict. */
export function joinRanges(ranges: readonly RangeVerdict[]): ChainVerdict {
  let count = 0;
  let head: string | null = null;
  for (const r of ranges) {
    if (r.count === 0) continue;
    const broken = (seq: number, reason: string, at: number, headAt: string | null): ChainVerdict => ({
      ok: false,
      count: at,
      head: headAt,
      firstBroken: { seq, reason },
    });
    // The range's first entry: its sequence number and its link to the range before.
    if (r.firstSeq !== count + 1) return broken(r.firstSeq as number, ChainReasons.sequenceGap, count + 1, head);
    if (r.firstPrev !== (head ?? GENESIS_HASH)) return broken(r.firstSeq as number, ChainReasons.prevHashMismatch, count + 1, head);
    if (r.firstBroken) return broken(r.firstBroken.seq, r.firstBroken.reason, count + r.firstBroken.countAt, r.firstBroken.headAt ?? head);
    count += r.count;
    head = r.lastHash;
  }
  return { ok: true, count, head: count ? head : null, firstBroken: null };
}

/** The ranges [from, to] a journal of `last` entries is cut into, one per part. */
export function cutRanges(last: number, parts: number): [number, number][] {
  const size = Math.ceil(last / parts);
  const out: [number, number][] = [];
  for (let from = 1; from <= last; from += size) out.push([from, Math.min(last, from + size - 1)]);
  return out;
}
