import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface FundTotals {
  fund: string;
  /** Money the fund holds: its asset accounts (cash, bank, online, goods), debits less credits. */
  balance: number;
  /** Per asset account, debits less credits. */
  accounts: Record<string, number>;
  income: number;
  expense: number;
}

/**
 * Every fund's totals from the running-totals table, up to and including a month (or all). The table has
 * one row per fund, account and month, so this reads a few hundred rows whatever the journal's size.
 */
export async function fundTotals(db: Kysely<Database>, through?: string, from?: string): Promise<Map<string, FundTotals>> {
  let q = db
    .selectFrom('charity_balances as b')
    .innerJoin('charity_accounts as a', 'a.code', 'b.account_code')
    .select(['b.fund_code', 'b.account_code', 'a.type', sql<number>`sum(b.debit)`.as('debit'), sql<number>`sum(b.credit)`.as('credit')])
    .groupBy(['b.fund_code', 'b.account_code']);
  if (through) q = q.where('b.month', '<=', through);
  if (from) q = q.where('b.month', '>=', from);
  const out = new Map<string, FundTotals>();
  for (const r of await q.execute()) {
    const t = out.get(r.fund_code) ?? { fund: r.fund_code, balance: 0, accounts: {}, income: 0, expense: 0 };
    if (r.type === 'asset') {
      t.accounts[r.account_code] = r.debit - r.credit;
      t.balance += r.debit - r.credit;
    } else if (r.type === 'income') t.income += r.credit - r.debit;
    else t.expense += r.debit - r.credit;
    out.set(r.fund_code, t);
  }
  return out;
}

/** One fund's money now (asset accounts), and what one account of it holds. */
export async function fundBalance(db: Kysely<Database>, fund: string, account?: string): Promise<number> {
  let q = db
    .selectFrom('charity_balances as b')
    .innerJoin('charity_accounts as a', 'a.code', 'b.account_code')
    .select(sql<number>`coalesce(sum(b.debit - b.credit), 0)`.as('n'))
    .where('b.fund_code', '=', fund)
    .where('a.type', '=', 'asset');
  if (account) q = q.where('b.account_code', '=', account);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** Each fund's closing balance at the end of every month that has entries: the chart over time. */
export async function monthlyBalances(db: Kysely<Database>): Promise<{ month: string; fund: string; balance: number }[]> {
  const rows = await db
    .selectFrom('charity_balances as b')
    .innerJoin('charity_accounts as a', 'a.code', 'b.account_code')
    .select(['b.month', 'b.fund_code', sql<number>`sum(b.debit - b.credit)`.as('change')])
    .where('a.type', '=', 'asset')
    .groupBy(['b.month', 'b.fund_code'])
    .orderBy('b.month')
    .execute();
  const running = new Map<string, number>();
  return rows.map((r) => {
    const balance = (running.get(r.fund_code) ?? 0) + r.change;
    running.set(r.fund_code, balance);
    return { month: r.month, fund: r.fund_code, balance };
  });
}
