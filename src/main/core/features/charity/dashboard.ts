import { sql } from 'kysely';
import type { Dashboard } from '../../../../shared/contract/charity/ledger';
import type { HandlerContext } from '../../context';
import { monthlyBalances } from './balances';
import { countAwaiting } from './aid-repository';
import { pledgeStatuses } from './campaigns';
import { today } from './context';
import { fundsWithBalances } from './funds';

/** The treasurer's dashboard: balances, a year's donations by month and campaign, who to thank, what waits. */
export async function dashboard(ctx: HandlerContext, year: number): Promise<Dashboard> {
  const db = ctx.db;
  // From the posted donations' running totals (migration 0015): a few thousand rows, not a year's donations.
  const fromMonth = `${year}-01`;
  const toMonth = `${year}-12`;
  const byMonth = await db
    .selectFrom('charity_donation_totals')
    .select([
      'month',
      sql<number>`sum(CASE WHEN kind = 'cash' THEN amount_fen ELSE 0 END)`.as('cash'),
      sql<number>`sum(CASE WHEN kind = 'goods' THEN amount_fen ELSE 0 END)`.as('goods'),
    ])
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('month')
    .orderBy('month')
    .execute();
  const byCampaign = await db
    .selectFrom('charity_campaigns as c')
    .leftJoin('charity_donation_totals as t', 't.campaign_id', 'c.id')
    .select(['c.id', 'c.name', 'c.target_fen', sql<number>`coalesce(sum(t.amount_fen), 0)`.as('received')])
    .groupBy('c.id')
    .orderBy('c.starts_on', 'desc')
    .execute();
  // Only donors who consented to recognition are ranked (公益事业捐赠法 第8条).
  const top = await db
    .selectFrom('charity_donation_totals as t')
    .innerJoin('charity_donors as p', 'p.id', 't.donor_id')
    .select(['p.id', 'p.name', 'p.kind', sql<number>`sum(t.amount_fen)`.as('total')])
    .where('p.consent_on', 'is not', null)
    .where('p.disclosure', '=', 'full')
    .where('t.month', '>=', fromMonth)
    .where('t.month', '<=', toMonth)
    .groupBy('p.id')
    .orderBy('total', 'desc')
    .limit(10)
    .execute();
  const month = (await today(ctx)).slice(0, 7);
  const pledges = (await pledgeStatuses(db, null, month)).filter((p) => p.behind);
  const openBatches = await db
    .selectFrom('charity_batches')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return {
    funds: await fundsWithBalances(db),
    balanceSeries: await monthlyBalances(db),
    donationsByMonth: byMonth.map((r) => ({ month: r.month, cashFen: r.cash, goodsFen: r.goods })),
    donationsByCampaign: byCampaign.map((r) => ({ campaignId: r.id, name: r.name, receivedFen: r.received, targetFen: r.target_fen })),
    topDonors: top.map((r) => ({ donorId: r.id, name: r.name, kind: r.kind, totalFen: r.total })),
    pledgesBehind: pledges.map((p) => ({
      pledgeId: p.pledgeId,
      donorName: p.donorName,
      campaign: p.campaign,
      expectedFen: p.months.reduce((s, m) => s + m.expectedFen, 0),
      receivedFen: p.months.reduce((s, m) => s + m.receivedFen, 0),
    })),
    awaitingApproval: (await countAwaiting(db)).n,
    openBatches: openBatches.n,
  };
}
