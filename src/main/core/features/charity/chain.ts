import type SqliteDatabase from 'better-sqlite3';
import { verifyChain, type ChainRow, type ChainVerdict } from '../../chains/hash';
import type { CharityEntriesTable } from './schema';

/** One journal line as the hash covers it: [account code, fund code, debit fen, credit fen]. */
export type HashedLine = [string, string, number, number];

/**
 * The fields of a journal entry that its hash covers, in a fixed order (README "The charity ledger's
 * hashing rule"). Only what the public ledger carries: no donor, no recipient, no ID or phone.
 */
export function entryContent(e: Omit<CharityEntriesTable, 'prev_hash' | 'hash'>, lines: HashedLine[]): unknown[] {
  return [e.seq, e.id, e.entry_date, e.kind, e.memo, e.reverses_seq, e.reason, e.posted_at, e.actor_name, lines];
}

/** An entry whose debits and credits differ within a fund: its hash may hold, the books do not. */
export const UNBALANCED = 'unbalanced_entry';

export function unbalanced(lines: HashedLine[]): boolean {
  const perFund = new Map<string, number>();
  for (const [, fund, debit, credit] of lines) perFund.set(fund, (perFund.get(fund) ?? 0) + debit - credit);
  return lines.length < 2 || [...perFund.values()].some((v) => v !== 0);
}

/**
 * The journal's entries with their lines, in sequence order, read in one pass over a join (lines are
 * stored by (entry_seq, line_no), so the rows arrive grouped).
 */
export function* journalRows(sqlite: SqliteDatabase.Database): Iterable<ChainRow & { entry: CharityEntriesTable; lines: HashedLine[] }> {
  const stmt = sqlite
    .prepare(
      `SELECT e.seq, e.id, e.entry_date, e.kind, e.memo, e.reverses_seq, e.reason, e.posted_at, e.actor_name, e.prev_hash, e.hash,
              l.account_code, l.fund_code, l.debit, l.credit
       FROM charity_entries e LEFT JOIN charity_lines l ON l.entry_seq = e.seq ORDER BY e.seq, l.line_no`,
    )
    .raw(true);
  let entry: CharityEntriesTable | null = null;
  let lines: HashedLine[] = [];
  const emit = () => {
    const e = entry!;
    return { entry: e, lines, seq: e.seq, prevHash: e.prev_hash, hash: e.hash, content: entryContent(e, lines), problem: unbalanced(lines) ? UNBALANCED : null };
  };
  for (const r of stmt.iterate() as Iterable<unknown[]>) {
    const seq = r[0] as number;
    if (entry && entry.seq !== seq) {
      yield emit();
      entry = null;
    }
    if (!entry) {
      entry = { seq, id: r[1], entry_date: r[2], kind: r[3], memo: r[4], reverses_seq: r[5], reason: r[6], posted_at: r[7], actor_name: r[8], prev_hash: r[9], hash: r[10] } as CharityEntriesTable;
      lines = [];
    }
    if (r[11] != null) lines.push([r[11] as string, r[12] as string, r[13] as number, r[14] as number]);
  }
  if (entry) yield emit();
}

function hasJournal(sqlite: SqliteDatabase.Database): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'charity_entries'").get();
}

/** The charity journal as the chain registry sees it. Sequence numbers must run without gaps. */
export const charityChain = {
  name: 'charity',
  verify(sqlite: SqliteDatabase.Database): ChainVerdict {
    if (!hasJournal(sqlite)) return { ok: true, count: 0, head: null, firstBroken: null };
    return verifyChain(journalRows(sqlite), { contiguous: true });
  },
  head(sqlite: SqliteDatabase.Database): { seq: number; hash: string } | null {
    if (!hasJournal(sqlite)) return null;
    return (sqlite.prepare('SELECT seq, hash FROM charity_entries ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? null;
  },
  hashAt(sqlite: SqliteDatabase.Database, seq: number): string | null {
    if (!hasJournal(sqlite)) return null;
    return (sqlite.prepare('SELECT hash FROM charity_entries WHERE seq = ?').get(seq) as { hash: string } | undefined)?.hash ?? null;
  },
};
