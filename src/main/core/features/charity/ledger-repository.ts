import { sql, type Kysely } from 'kysely';
import type { JournalEntry, Reconciliation } from '../../../../shared/contract/charity/ledger';
import type { Page } from '../../../../shared/contract/charity/common';
import type { Database } from '../../db/schema';
import type { CharityReconciliationsTable } from './schema';

/** The journal newest first, by keyset on seq; optionally only entries touching one fund. */
export async function journalPage(db: Kysely<Database>, input: { beforeSeq?: number; fund?: string; limit: number }): Promise<JournalEntry[]> {
  let q = db.selectFrom('charity_entries as e').selectAll('e');
  if (input.beforeSeq) q = q.where('e.seq', '<', input.beforeSeq);
  if (input.fund)
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('charity_lines as l').select('l.line_no').whereRef('l.entry_seq', '=', 'e.seq').where('l.fund_code', '=', input.fund!)),
    );
  const entries = await q.orderBy('e.seq', 'desc').limit(input.limit).execute();
  if (entries.length === 0) return [];
  const seqs = entries.map((e) => e.seq);
  const lines = await db.selectFrom('charity_lines').selectAll().where('entry_seq', 'in', seqs).orderBy('entry_seq').orderBy('line_no').execute();
  const reversals = await db.selectFrom('charity_entries').select(['seq', 'reverses_seq']).where('reverses_seq', 'in', seqs).execute();
  return entries.map((e) => ({
    seq: e.seq,
    date: e.entry_date,
    kind: e.kind,
    memo: e.memo,
    reversesSeq: e.reverses_seq,
    reversedBySeq: reversals.find((r) => r.reverses_seq === e.seq)?.seq ?? null,
    reason: e.reason,
    postedAt: e.posted_at,
    actorName: e.actor_name,
    hash: e.hash,
    lines: lines.filter((l) => l.entry_seq === e.seq).map((l) => ({ account: l.account_code, fund: l.fund_code, debit: l.debit, credit: l.credit })),
  }));
}

/** What some accounts hold over every fund at the end of a month. */
export async function accountBalanceThrough(db: Kysely<Database>, accounts: string[], month: string): Promise<number> {
  const row = await db
    .selectFrom('charity_balances')
    .select(sql<number>`coalesce(sum(debit - credit), 0)`.as('n'))
    .where('account_code', 'in', accounts)
    .where('month', '<=', month)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function toReconciliation(r: CharityReconciliationsTable): Reconciliation {
  return {
    id: r.id,
    month: r.month,
    cashCountedFen: r.cash_counted_fen,
    bankStatementFen: r.bank_statement_fen,
    cashLedgerFen: r.cash_ledger_fen,
    bankLedgerFen: r.bank_ledger_fen,
    differenceFen: r.difference_fen,
    note: r.note,
    createdAt: r.created_at,
  };
}

/** Newest first; the cursor is the last row's id (UUIDv7 ids sort by time). */
export async function reconciliationPage(db: Kysely<Database>, input: { cursor: string | null; limit: number }): Promise<Page<Reconciliation>> {
  let q = db.selectFrom('charity_reconciliations').selectAll();
  if (input.cursor) q = q.where('id', '<', input.cursor);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
  const page = rows.slice(0, input.limit);
  return { rows: page.map(toReconciliation), nextCursor: rows.length > input.limit ? page[page.length - 1].id : null };
}
