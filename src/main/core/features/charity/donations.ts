import type { Kysely } from 'kysely';
import type { Donation, DonationInput } from '../../../../shared/contract/charity/donations';
import { AppError } from '../../../../shared/errors';
import { MAX_INPUT_FEN } from '../../../../shared/values/money';
import type { Database } from '../../db/schema';
import { newId } from '../../util/ids';
import type { CharityActor } from './context';
import { assertMayName, findDonor } from './donors';
import { findFund } from './funds';
import { assertOpenPeriod, postEntry } from './journal';
import { issueReceipt } from './receipts';
import type { CharityDonationsTable } from './schema';

/** Where money received by each method sits. */
export const accountOfMethod: Record<string, string> = { 现金: '1001', 转账: '1002', 微信: '1003', 支付宝: '1003' };
export const GOODS_ACCOUNT = '1401';
export const INCOME_ACCOUNT = '4101';

/**
 * Checks a donation and writes it unposted (a draft line of a batch, or a single donation about to be
 * posted). Goods are valued as items × quantity × unit value with the basis of the valuation.
 */
export async function insertDonation(
  db: Kysely<Database>,
  input: DonationInput,
  who: CharityActor,
  at: string,
  batchId: string | null = null,
): Promise<string> {
  const donor = input.donorId ? await findDonor(db, input.donorId) : null;
  assertMayName(donor, input.disclosure ?? donor?.disclosure ?? null);
  await findFund(db, input.fundCode);
  let campaignId = input.campaignId;
  if (input.pledgeId) {
    const pledge = await db.selectFrom('charity_pledges').selectAll().where('id', '=', input.pledgeId).executeTakeFirst();
    if (!pledge || pledge.donor_id !== input.donorId)
      throw new AppError('charity.pledge_not_found', 'No such pledge for this donor', { fields: { pledgeId: 'charity.pledge_not_found' } });
    // A pledge's payment counts toward the pledge's campaign (爱心月月捐), so the campaign's received total
    // and the pledge's schedule never disagree.
    if (campaignId && campaignId !== pledge.campaign_id)
      throw new AppError('charity.pledge_campaign_mismatch', 'The pledge belongs to another campaign', {
        fields: { campaignId: 'charity.pledge_campaign_mismatch' },
      });
    campaignId = pledge.campaign_id;
  }
  if (campaignId) {
    const campaign = await db.selectFrom('charity_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirst();
    if (!campaign) throw new AppError('charity.campaign_not_found', 'No such campaign', { fields: { campaignId: 'charity.campaign_not_found' } });
    if (campaign.fund_code !== input.fundCode)
      throw new AppError('charity.campaign_fund_mismatch', 'The campaign collects for another fund', {
        fields: { fundCode: 'charity.campaign_fund_mismatch' },
      });
  }
  await assertOpenPeriod(db, input.receivedOn);
  const amount = input.kind === 'cash' ? (input.amountFen ?? 0) : input.items.reduce((s, i) => s + i.quantity * i.unitValueFen, 0);
  if (amount <= 0 || amount > MAX_INPUT_FEN)
    throw new AppError('charity.bad_amount', 'The amount is out of range', { fields: { amountFen: 'charity.bad_amount' } });
  const id = newId();
  await db
    .insertInto('charity_donations')
    .values({
      id,
      donor_id: input.donorId,
      kind: input.kind,
      method: input.kind === 'cash' ? input.method : null,
      reference: input.reference,
      amount_fen: amount,
      fund_code: input.fundCode,
      campaign_id: campaignId,
      pledge_id: input.pledgeId,
      batch_id: batchId,
      received_on: input.receivedOn,
      disclosure: input.disclosure,
      receipt_declined: input.receiptDeclined ? 1 : 0,
      withdrawn: 0,
      note: input.note,
      entry_seq: null,
      created_at: at,
      created_by: who.id,
      updated_at: at,
      updated_by: who.id,
    })
    .execute();
  if (input.kind === 'goods') {
    await db
      .insertInto('charity_donation_items')
      .values(
        input.items.map((i, n) => ({
          donation_id: id,
          line_no: n + 1,
          item: i.item,
          unit: i.unit,
          quantity: i.quantity,
          unit_value_fen: i.unitValueFen,
          amount_fen: i.quantity * i.unitValueFen,
          valuation_basis: i.valuationBasis,
        })),
      )
      .execute();
  }
  return id;
}

/**
 * Posts a donation: its receipt number (unless the donor declined one, which stays on record, 慈善法
 * 第38条), its journal entry and, for goods, the stock received, all in the caller's transaction.
 */
export async function postDonation(db: Kysely<Database>, id: string, who: CharityActor, at: string, today: string): Promise<void> {
  const d = await db.selectFrom('charity_donations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (d.entry_seq !== null || d.withdrawn) throw new AppError('charity.donation_posted', 'Already posted or withdrawn');
  const receiptNo = d.receipt_declined ? null : await issueReceipt(db, d.id, today, who, at);
  const asset = d.kind === 'goods' ? GOODS_ACCOUNT : accountOfMethod[d.method!];
  const seq = await postEntry(db, {
    date: d.received_on,
    kind: 'donation',
    memo: `捐赠收入（${d.kind === 'goods' ? '物资' : d.method}）${receiptNo ? ` 收据${receiptNo}` : ' 捐赠人不需收据'}`,
    lines: [
      { account: asset, fund: d.fund_code, debit: d.amount_fen, credit: 0 },
      { account: INCOME_ACCOUNT, fund: d.fund_code, debit: 0, credit: d.amount_fen },
    ],
    actorName: who.name,
    postedAt: at,
  });
  await db.updateTable('charity_donations').set({ entry_seq: seq, updated_at: at, updated_by: who.id }).where('id', '=', id).execute();
  if (d.kind === 'goods') {
    const items = await db.selectFrom('charity_donation_items').selectAll().where('donation_id', '=', id).execute();
    for (const i of items) {
      await db
        .insertInto('charity_stock_moves')
        .values({
          item: i.item,
          unit: i.unit,
          quantity: i.quantity,
          donation_id: id,
          application_id: null,
          on_date: d.received_on,
          created_at: at,
          created_by: who.id,
        })
        .execute();
    }
  }
}

export async function toDonations(db: Kysely<Database>, rows: CharityDonationsTable[]): Promise<Donation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const donorIds = [...new Set(rows.map((r) => r.donor_id).filter((x): x is string => !!x))];
  const donors = donorIds.length ? await db.selectFrom('charity_donors').select(['id', 'name']).where('id', 'in', donorIds).execute() : [];
  const receipts = await db.selectFrom('charity_receipts').select(['donation_id', 'receipt_no']).where('donation_id', 'in', ids).execute();
  const items = await db.selectFrom('charity_donation_items').selectAll().where('donation_id', 'in', ids).orderBy('line_no').execute();
  return rows.map((r) => ({
    id: r.id,
    donorId: r.donor_id,
    donorName: donors.find((d) => d.id === r.donor_id)?.name ?? '匿名',
    kind: r.kind,
    method: r.method,
    reference: r.reference,
    amountFen: r.amount_fen,
    fundCode: r.fund_code,
    campaignId: r.campaign_id,
    pledgeId: r.pledge_id,
    batchId: r.batch_id,
    receivedOn: r.received_on,
    disclosure: r.disclosure,
    receiptDeclined: r.receipt_declined === 1,
    note: r.note,
    entrySeq: r.entry_seq,
    receiptNo: receipts.find((x) => x.donation_id === r.id)?.receipt_no ?? null,
    items: items
      .filter((i) => i.donation_id === r.id)
      .map((i) => ({
        item: i.item,
        unit: i.unit,
        quantity: i.quantity,
        unitValueFen: i.unit_value_fen,
        amountFen: i.amount_fen,
        valuationBasis: i.valuation_basis,
      })),
  }));
}
