import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Fund, FundBalance } from '../../../../shared/contract/charity/common';
import type { Database } from '../../db/schema';
import { fundTotals } from './balances';
import type { CharityFundsTable } from './schema';

export function toFund(r: CharityFundsTable): Fund {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind, purpose: r.purpose, archived: r.archived === 1 };
}

export async function findFund(db: Kysely<Database>, code: string): Promise<CharityFundsTable> {
  const fund = await db.selectFrom('charity_funds').selectAll().where('code', '=', code).executeTakeFirst();
  if (!fund) throw new AppError('charity.fund_not_found', 'No such fund', { params: { code }, fields: { fundCode: 'charity.fund_not_found' } });
  if (fund.archived) throw new AppError('charity.fund_archived', 'The fund is archived', { params: { code } });
  return fund;
}

export async function fundsWithBalances(db: Kysely<Database>): Promise<FundBalance[]> {
  const funds = await db.selectFrom('charity_funds').selectAll().orderBy('kind', 'desc').orderBy('code').execute();
  const totals = await fundTotals(db);
  return funds.map((f) => {
    const t = totals.get(f.code);
    return { ...toFund(f), balance: t?.balance ?? 0, income: t?.income ?? 0, expense: t?.expense ?? 0, accounts: t?.accounts ?? {} };
  });
}
