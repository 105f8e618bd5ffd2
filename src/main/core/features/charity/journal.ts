import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import { MAX_INPUT_FEN } from '../../../../shared/values/money';
import type { Database } from '../../db/schema';
import { nextLink } from '../../chains/append';
import { newId } from '../../util/ids';
import { entryContent, unbalanced, type HashedLine } from './chain';
import type { CharityEntriesTable } from './schema';

export interface JournalLine {
  account: string;
  fund: string;
  debit: number;
  credit: number;
}

export interface NewEntry {
  date: string;
  kind: CharityEntriesTable['kind'];
  memo: string;
  lines: JournalLine[];
  reversesSeq?: number | null;
  reason?: string | null;
  actorName: string;
  postedAt: string;
}

const journal = { table: 'charity_entries', seqColumn: 'seq', hashColumn: 'hash' };

function validFen(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n <= MAX_INPUT_FEN;
}

/** The month (YYYY-MM) of the newest closed period, or null. */
export async function lastClosedMonth(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('charity_periods').select('month').orderBy('month', 'desc').limit(1).executeTakeFirst();
  return row?.month ?? null;
}

export async function assertOpenPeriod(db: Kysely<Database>, date: string): Promise<void> {
  const closed = await lastClosedMonth(db);
  if (closed && date.slice(0, 7) <= closed) {
    throw new AppError('charity.period_closed', `The period ${closed} is closed`, { params: { month: closed }, fields: { date: 'charity.period_closed' } });
  }
}

/**
 * Appends one balanced entry to the journal and returns its sequence number. Amounts are whole fen; each
 * line is a debit or a credit; debits equal credits within every fund; the date's month is open. The
 * triggers hold the same rules for any other writer, and refuse a fund going below zero.
 */
export async function postEntry(db: Kysely<Database>, input: NewEntry): Promise<number> {
  if (input.lines.length < 2) throw new AppError('charity.unbalanced', 'An entry needs at least two lines');
  for (const l of input.lines) {
    if (!validFen(l.debit) || !validFen(l.credit)) throw new AppError('charity.bad_amount', 'Amounts are whole fen between 0 and 99,999,999,999.99 yuan');
    if ((l.debit === 0) === (l.credit === 0)) throw new AppError('charity.bad_amount', 'Each line is either a debit or a credit');
  }
  const hashed: HashedLine[] = input.lines.map((l) => [l.account, l.fund, l.debit, l.credit]);
  if (unbalanced(hashed)) throw new AppError('charity.unbalanced', 'Debits and credits differ');
  await assertOpenPeriod(db, input.date);

  const id = newId();
  const fields = {
    id,
    entry_date: input.date,
    kind: input.kind,
    memo: input.memo,
    reverses_seq: input.reversesSeq ?? null,
    reason: input.reason ?? null,
    posted_at: input.postedAt,
    actor_name: input.actorName,
  };
  const link = await nextLink(db, journal, (seq) => entryContent({ seq, ...fields }, hashed));
  await db
    .insertInto('charity_entries')
    .values({ seq: link.seq, ...fields, prev_hash: link.prevHash, hash: link.hash })
    .execute();
  await db
    .insertInto('charity_lines')
    .values(input.lines.map((l, i) => ({ entry_seq: link.seq, line_no: i + 1, account_code: l.account, fund_code: l.fund, debit: l.debit, credit: l.credit })))
    .execute();
  return link.seq;
}

export async function entryLines(db: Kysely<Database>, seq: number): Promise<JournalLine[]> {
  const rows = await db.selectFrom('charity_lines').selectAll().where('entry_seq', '=', seq).orderBy('line_no').execute();
  return rows.map((r) => ({ account: r.account_code, fund: r.fund_code, debit: r.debit, credit: r.credit }));
}

/**
 * A correction: a new entry with the original's lines turned round, naming the original and a reason.
 * An entry is reversed at most once, and a reversal is not itself reversed (post the right entry instead).
 */
export async function reverseEntry(
  db: Kysely<Database>,
  input: { seq: number; reason: string; date: string; actorName: string; postedAt: string },
): Promise<number> {
  const original = await db.selectFrom('charity_entries').selectAll().where('seq', '=', input.seq).executeTakeFirst();
  if (!original) throw new AppError('charity.entry_not_found', 'No such entry', { params: { seq: input.seq } });
  if (original.kind === 'reversal') throw new AppError('charity.reverse_reversal', 'A reversal is not reversed');
  const already = await db.selectFrom('charity_entries').select('seq').where('reverses_seq', '=', input.seq).executeTakeFirst();
  if (already) throw new AppError('charity.already_reversed', 'This entry has been reversed', { params: { seq: already.seq } });
  const lines = (await entryLines(db, input.seq)).map((l) => ({ ...l, debit: l.credit, credit: l.debit }));
  return postEntry(db, {
    date: input.date,
    kind: 'reversal',
    memo: `冲销第${input.seq}号分录`,
    lines,
    reversesSeq: input.seq,
    reason: input.reason,
    actorName: input.actorName,
    postedAt: input.postedAt,
  });
}
