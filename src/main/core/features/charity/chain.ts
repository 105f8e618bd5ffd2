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
  // Most entries are two lines in one fund: checked without a map.
  if (lines.length === 2) {
    const [a, b] = lines;
    return a[1] !== b[1] || a[2] - a[3] + b[2] - b[3] !== 0;
  }
  const perFund = new Map<string, number>();
  for (const [, fund, debit, credit] of lines) perFund.set(fund, (perFund.get(fund) ?? 0) + debit - credit);
  return lines.length < 2 || [...perFund.values()].some((v) => v !== 0);
}

/** The journal's entries with their lines, in sequence order. */
export function* journalRows(sqlite: SqliteDatabase.Database): Iterable<ChainRow & { entry: CharityEntriesTable; lines: HashedLine[] }> {
  // Pages of entries read with all() (much cheaper per row than iterate()), each page's lines in one range.
  const entriesStmt = sqlite
    .prepare(
      `SELECT seq, id, entry_date, kind, memo, reverses_seq, reason, posted_at, actor_name, prev_hash, hash FROM charity_entries WHERE seq > ? ORDER
        BY seq LIMIT ?`,
    )
    .raw(true);
  const linesStmt = sqlite
    .prepare('SELECT entry_seq, account_code, fund_code, debit, credit FROM charity_lines WHERE entry_seq BETWEEN ? AND ? ORDER BY entry_seq, line_no')
    .raw(true);
  const PAGE = 5000;
  let after = 0;
  for (;;) {
    const page = entriesStmt.all(after, PAGE) as unknown[][];
    if (page.length === 0) return;
    const first = page[0][0] as number;
    const last = page[page.length - 1][0] as number;
    const lineRows = linesStmt.all(first, last) as unknown[][];
    let li = 0;
    for (const r of page) {
      const seq = r[0] as number;
      const entry = {
        seq,
        id: r[1],
        entry_date: r[2],
        kind: r[3],
        memo: r[4],
        reverses_seq: r[5],
        reason: r[6],
        posted_at: r[7],
        actor_name: r[8],
        prev_hash: r[9],
        hash: r[10],
      } as CharityEntriesTable;
      const lines: HashedLine[] = [];
      while (li < lineRows.length && (lineRows[li][0] as number) < seq) li++;
      while (li < lineRows.length && lineRows[li][0] === seq) {
        const l = lineRows[li++];
        lines.push([l[1] as string, l[2] as string, l[3] as number, l[4] as number]);
      }
      const content = entryContent(entry, lines);
      // An array of strings, numbers, nulls and arrays: JSON.stringify is already its canonical encoding.
      yield {
        entry,
        lines,
        seq,
        prevHash: entry.prev_hash,
        hash: entry.hash,
        content,
        encoded: JSON.stringify(content),
        problem: unbalanced(lines) ? UNBALANCED : null,
      };
    }
    after = last;
  }
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
