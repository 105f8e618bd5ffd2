import { sql, type Kysely } from 'kysely';
import type { AnnualSummary } from '../../../../shared/contract/charity/ledger';
import type { Database } from '../../db/schema';
import { buildNoticeBody } from './notice-body';

/**
 * A year's figures for the host charity's annual work and financial report (due by 5月31日, DOMAIN.md §4):
 * per fund opening, income, expenditure and closing; money and goods received; each campaign (project)
 * against its target; aid paid by kind. The fund table is the one a notice for the year would print.
 */
export async function annualSummary(db: Kysely<Database>, year: number): Promise<AnnualSummary> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const body = await buildNoticeBody(db, { scope: 'quarter', key: String(year), from, to, fund: null, label: String(year) });
  const funds = await db.selectFrom('charity_funds').select(['code', 'name', 'kind']).execute();
  const received = await db
    .selectFrom('charity_donations')
    .select([
      sql<number>`coalesce(sum(CASE WHEN kind = 'cash' THEN amount_fen END), 0)`.as('cash'),
      sql<number>`coalesce(sum(CASE WHEN kind = 'goods' THEN amount_fen END), 0)`.as('goods'),
      sql<number>`count(*)`.as('n'),
      sql<number>`count(DISTINCT donor_id)`.as('donors'),
    ])
    .where('entry_seq', 'is not', null)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .executeTakeFirstOrThrow();
  const projects = await db
    .selectFrom('charity_campaigns as c')
    .leftJoin('charity_donations as d', (j) =>
      j.onRef('d.campaign_id', '=', 'c.id').on('d.entry_seq', 'is not', null).on('d.received_on', '>=', from).on('d.received_on', '<=', to),
    )
    .select(['c.name', 'c.kind', 'c.fund_code', 'c.target_fen', sql<number>`coalesce(sum(d.amount_fen), 0)`.as('received')])
    .where('c.starts_on', '<=', to)
    .where((eb) => eb.or([eb('c.ends_on', 'is', null), eb('c.ends_on', '>=', from)]))
    .groupBy('c.id')
    .execute();
  const aid = await db
    .selectFrom('charity_aid_applications as a')
    .innerJoin('charity_entries as e', 'e.seq', 'a.entry_seq')
    .select([
      'a.kind',
      sql<number>`count(*)`.as('n'),
      // Money paid and goods given (at their book value), as the journal's 救助支出 records them.
      sql<number>`sum((SELECT coalesce(sum(l.debit), 0) FROM charity_lines AS l WHERE l.entry_seq = a.entry_seq AND l.account_code = '5101'))`.as('fen'),
    ])
    .where('e.entry_date', '>=', from)
    .where('e.entry_date', '<=', to)
    .groupBy('a.kind')
    .execute();
  return {
    year,
    funds: body.funds.map((f) => ({ ...f, kind: funds.find((x) => x.code === f.code)?.kind ?? '' })),
    income: { cashFen: received.cash, goodsFen: received.goods, donations: received.n, donors: received.donors },
    projects: projects.map((p) => ({ name: p.name, kind: p.kind, fundCode: p.fund_code, receivedFen: p.received, targetFen: p.target_fen })),
    aid: aid.map((a) => ({ kind: a.kind, count: a.n, amountFen: a.fen })),
  };
}
