import { sql } from 'kysely';
import type { Campaign, PledgeStatus } from '../../../../shared/contract/charity/donations';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { actor, area, today } from './context';
import { findDonor } from './donors';
import { findFund } from './funds';

/** The months from one YYYY-MM to another, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export const campaignsHandlers: HandlerMap<'charity.listCampaigns' | 'charity.saveCampaign' | 'charity.savePledge' | 'charity.pledgeStatus'> = {
  async 'charity.listCampaigns'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('charity_campaigns as c')
      .selectAll('c')
      .select((eb) =>
        eb
          .selectFrom('charity_donations as d')
          .select(sql<number>`coalesce(sum(d.amount_fen), 0)`.as('n'))
          .whereRef('d.campaign_id', '=', 'c.id')
          .where('d.entry_seq', 'is not', null)
          .as('received'),
      )
      .orderBy('c.starts_on', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      fundCode: r.fund_code,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      targetFen: r.target_fen,
      receivedFen: Number(r.received ?? 0),
    }));
  },

  async 'charity.saveCampaign'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    await findFund(ctx.db, input.fundCode);
    if (input.endsOn && input.endsOn < input.startsOn)
      throw new AppError('charity.dates_order', 'The end is before the start', { fields: { endsOn: 'charity.dates_order' } });
    const id = input.id ?? newId();
    const values = {
      name: input.name,
      kind: input.kind,
      fund_code: input.fundCode,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      target_fen: input.targetFen,
    };
    if (input.id) {
      const res = await ctx.db
        .updateTable('charity_campaigns')
        .set({ ...values, updated_at: at, updated_by: who.id })
        .where('id', '=', id)
        .executeTakeFirst();
      if (!res.numUpdatedRows) throw new AppError('charity.campaign_not_found', 'No such campaign');
    } else
      await ctx.db
        .insertInto('charity_campaigns')
        .values({ id, ...values, created_at: at, created_by: who.id, updated_at: at, updated_by: who.id })
        .execute();
    const campaign: Campaign = {
      id,
      name: input.name,
      kind: input.kind,
      fundCode: input.fundCode,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      targetFen: input.targetFen,
      receivedFen: 0,
    };
    await ctx.audit({ action: 'charity.saveCampaign', area, recordType: 'charity_campaign', recordId: id, summary: input.name, after: campaign });
    return campaign;
  },

  async 'charity.savePledge'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const campaign = await ctx.db.selectFrom('charity_campaigns').selectAll().where('id', '=', input.campaignId).executeTakeFirst();
    if (!campaign || campaign.kind !== 'pledge')
      throw new AppError('charity.campaign_not_found', 'No such pledge campaign', { fields: { campaignId: 'charity.campaign_not_found' } });
    await findDonor(ctx.db, input.donorId);
    if (input.endsMonth && input.endsMonth < input.startsMonth)
      throw new AppError('charity.dates_order', 'The end is before the start', { fields: { endsMonth: 'charity.dates_order' } });
    const id = newId();
    await ctx.db
      .insertInto('charity_pledges')
      .values({
        id,
        campaign_id: input.campaignId,
        donor_id: input.donorId,
        monthly_fen: input.monthlyFen,
        starts_month: input.startsMonth,
        ends_month: input.endsMonth,
        created_at: at,
        created_by: who.id,
        updated_at: at,
        updated_by: who.id,
      })
      .execute();
    await ctx.audit({
      action: 'charity.savePledge',
      area,
      recordType: 'charity_pledge',
      recordId: id,
      summary: `${campaign.name} ${input.monthlyFen}`,
      after: input,
    });
    return { id };
  },

  async 'charity.pledgeStatus'(input, ctx) {
    const through = input.through ?? (await today(ctx)).slice(0, 7);
    return pledgeStatuses(ctx.db, input.campaignId, through);
  },
};

/** Expected against received per month for every pledge of a campaign, up to a month. */
export async function pledgeStatuses(
  db: import('kysely').Kysely<import('../../db/schema').Database>,
  campaignId: string | null,
  through: string,
): Promise<(PledgeStatus & { campaign: string })[]> {
  let q = db
    .selectFrom('charity_pledges as p')
    .innerJoin('charity_donors as d', 'd.id', 'p.donor_id')
    .innerJoin('charity_campaigns as c', 'c.id', 'p.campaign_id')
    .select(['p.id', 'p.donor_id', 'p.monthly_fen', 'p.starts_month', 'p.ends_month', 'd.name', 'c.name as campaign']);
  if (campaignId) q = q.where('p.campaign_id', '=', campaignId);
  const pledges = await q.execute();
  // Posted donations per pledge and month, from their running totals (migration 0015).
  const received = pledges.length
    ? await db
        .selectFrom('charity_donation_totals')
        .select(['pledge_id', 'month', sql<number>`sum(amount_fen)`.as('n')])
        .where(
          'pledge_id',
          'in',
          pledges.map((p) => p.id),
        )
        .groupBy(['pledge_id', 'month'])
        .execute()
    : [];
  return pledges.map((p) => {
    const last = p.ends_month && p.ends_month < through ? p.ends_month : through;
    const months = monthsBetween(p.starts_month, last).map((month) => ({
      month,
      expectedFen: p.monthly_fen,
      receivedFen: received.find((r) => r.pledge_id === p.id && r.month === month)?.n ?? 0,
    }));
    const expected = months.reduce((s, m) => s + m.expectedFen, 0);
    const got = months.reduce((s, m) => s + m.receivedFen, 0);
    return { pledgeId: p.id, donorId: p.donor_id, donorName: p.name, monthlyFen: p.monthly_fen, months, behind: got < expected, campaign: p.campaign };
  });
}
