import type SqliteDatabase from 'better-sqlite3';
import { verifyChain, type ChainVerdict } from '../../chains/hash';
import { entryContent, journalRows, unbalanced, UNBALANCED, type HashedLine } from './chain';

/**
 * The public ledger: every journal entry with exactly the fields its hash covers, plus its links. It names
 * no donor and no recipient (the journal never holds them), so anyone may have it; with it and a notice's
 * digest, anyone can check the notice (README, "The charity ledger's hashing rule").
 */
export interface PublicEntry {
  seq: number;
  id: string;
  date: string;
  kind: string;
  memo: string;
  reversesSeq: number | null;
  reason: string | null;
  postedAt: string;
  actor: string;
  lines: HashedLine[];
  prevHash: string;
  hash: string;
}

export interface PublicLedger {
  format: 'linli-charity-ledger';
  version: 1;
  community: string;
  exportedAt: string;
  funds: { code: string; name: string; kind: string }[];
  accounts: { code: string; name: string; type: string }[];
  entries: PublicEntry[];
}

export function exportPublicLedger(sqlite: SqliteDatabase.Database, community: string, exportedAt: string): PublicLedger {
  const entries: PublicEntry[] = [];
  for (const r of journalRows(sqlite)) {
    const e = r.entry;
    entries.push({
      seq: e.seq,
      id: e.id,
      date: e.entry_date,
      kind: e.kind,
      memo: e.memo,
      reversesSeq: e.reverses_seq,
      reason: e.reason,
      postedAt: e.posted_at,
      actor: e.actor_name,
      lines: r.lines,
      prevHash: e.prev_hash,
      hash: e.hash,
    });
  }
  return {
    format: 'linli-charity-ledger',
    version: 1,
    community,
    exportedAt,
    funds: sqlite.prepare('SELECT code, name, kind FROM charity_funds ORDER BY code').all() as PublicLedger['funds'],
    accounts: sqlite.prepare('SELECT code, name, type FROM charity_accounts ORDER BY code').all() as PublicLedger['accounts'],
    entries,
  };
}

function contentOf(e: PublicEntry): unknown[] {
  return entryContent(
    {
      seq: e.seq,
      id: e.id,
      entry_date: e.date,
      kind: e.kind as never,
      memo: e.memo,
      reverses_seq: e.reversesSeq,
      reason: e.reason,
      posted_at: e.postedAt,
      actor_name: e.actor,
    },
    e.lines,
  );
}

function rows(entries: PublicEntry[]) {
  return entries.map((e) => ({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, content: contentOf(e), problem: unbalanced(e.lines) ? UNBALANCED : null }));
}

/** Recomputes a public ledger's whole chain, without a database. */
export function verifyPublicLedger(ledger: PublicLedger): ChainVerdict {
  return verifyChain(rows(ledger.entries), { contiguous: true });
}

export interface NoticeCheck {
  ok: boolean;
  /** 'digest_not_found', or the chain's reason (hash_mismatch, …) at `seq`. */
  reason: string | null;
  seq: number | null;
  /** How many entries the digest covers (entries 1 … seq). */
  covered: number;
}

/**
 * Does a printed notice's digest match the public ledger? The chain is recomputed from the first entry
 * up to the entry whose hash is the digest; any change before it breaks a link and is named.
 */
export function verifyNoticeDigest(ledger: PublicLedger, digest: string): NoticeCheck {
  const want = digest.trim().toLowerCase();
  const upTo = ledger.entries.findIndex((e) => e.hash === want);
  const checked = upTo >= 0 ? ledger.entries.slice(0, upTo + 1) : ledger.entries;
  const verdict = verifyChain(rows(checked), { contiguous: true });
  if (!verdict.ok) return { ok: false, reason: verdict.firstBroken!.reason, seq: verdict.firstBroken!.seq, covered: 0 };
  if (upTo < 0) return { ok: false, reason: 'digest_not_found', seq: null, covered: 0 };
  return { ok: true, reason: null, seq: checked[upTo].seq, covered: checked.length };
}
