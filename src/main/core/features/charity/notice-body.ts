import { sql, type Kysely } from 'kysely';
import type { NoticeBody } from '../../../../shared/contract/charity/notices';
import { AppError } from '../../../../shared/errors';
import { formatFen } from '../../../../shared/values/money';
import { maskName } from '../../../../shared/values/mask';
import type { Database } from '../../db/schema';
import { publicDonorName } from './donors';
import type { NoticePeriod } from './notice-period';

/** Per fund, what its asset accounts held before a day, and what came in and went out between two days. */
async function fundMovements(db: Kysely<Database>, p: NoticePeriod) {
  const base = () => {
    let q = db
      .selectFrom('charity_entries as e')
      .innerJoin('charity_lines as l', 'l.entry_seq', 'e.seq')
      .innerJoin('charity_accounts as a', 'a.code', 'l.account_code')
      .select(['l.fund_code', 'a.type', sql<number>`sum(l.debit)`.as('debit'), sql<number>`sum(l.credit)`.as('credit')])
      .groupBy(['l.fund_code', 'a.type']);
    if (p.fund) q = q.where('l.fund_code', '=', p.fund);
    return q;
  };
  const before = await base().where('e.entry_date', '<', p.from).execute();
  const during = await base().where('e.entry_date', '>=', p.from).where('e.entry_date', '<=', p.to).execute();
  return { before, during };
}

/**
 * The notice's tables (DOMAIN.md §4): income with donors named as they chose (a full name only with
 * consent), expenditure with recipients masked, and per fund the opening balance, income, expenditure and
 * closing balance. Never an ID number, phone, address or bank account.
 */
export async function buildNoticeBody(db: Kysely<Database>, p: NoticePeriod): Promise<NoticeBody> {
  const open = await db
    .selectFrom('charity_batches')
    .select('number')
    .where('status', '=', 'open')
    .where('received_on', '>=', p.from)
    .where('received_on', '<=', p.to)
    .executeTakeFirst();
  if (open) throw new AppError('charity.unposted_batches', 'A batch in the period is not posted', { params: { batch: open.number } });

  let donations = db
    .selectFrom('charity_donations as d')
    .leftJoin('charity_donors as p', 'p.id', 'd.donor_id')
    .innerJoin('charity_funds as f', 'f.code', 'd.fund_code')
    .leftJoin('charity_receipts as r', 'r.donation_id', 'd.id')
    .select([
      'd.id',
      'd.received_on',
      'd.kind',
      'd.method',
      'd.amount_fen',
      'd.disclosure',
      'f.name as fund_name',
      'r.receipt_no',
      'r.voided_at',
      'p.name',
      'p.kind as donor_kind',
      'p.disclosure as donor_disclosure',
      'p.consent_on',
    ])
    .where('d.entry_seq', 'is not', null)
    .where('d.received_on', '>=', p.from)
    .where('d.received_on', '<=', p.to);
  if (p.fund) donations = donations.where('d.fund_code', '=', p.fund);
  const incomeRows = await donations.orderBy('d.received_on').orderBy('d.entry_seq').execute();
  // The period's goods, read by the same conditions as the donations (a list of the donations' ids as
  // parameters would pass SQLite's limit of 32,766 variables in a busy quarter), grouped per donation.
  let itemsQuery = db
    .selectFrom('charity_donation_items as i')
    .innerJoin('charity_donations as d', 'd.id', 'i.donation_id')
    .selectAll('i')
    .where('d.kind', '=', 'goods')
    .where('d.entry_seq', 'is not', null)
    .where('d.received_on', '>=', p.from)
    .where('d.received_on', '<=', p.to);
  if (p.fund) itemsQuery = itemsQuery.where('d.fund_code', '=', p.fund);
  const itemsOf = new Map<string, string[]>();
  for (const x of await itemsQuery.orderBy('i.line_no').execute()) {
    const list = itemsOf.get(x.donation_id) ?? [];
    list.push(`${x.item}×${x.quantity}${x.unit}`);
    itemsOf.set(x.donation_id, list);
  }
  const income = incomeRows.map((r, i) => ({
    no: i + 1,
    date: r.received_on,
    donor: publicDonorName(
      r.name === null ? null : { name: r.name, kind: r.donor_kind!, disclosure: r.donor_disclosure!, consent_on: r.consent_on },
      r.disclosure,
    ),
    method: r.kind === 'goods' ? '物资' : (r.method ?? ''),
    amount: r.kind === 'goods' ? (itemsOf.get(r.id) ?? []).join('、') : formatFen(r.amount_fen),
    amountFen: r.amount_fen,
    purpose: r.fund_name,
    receiptNo: r.receipt_no ? `${r.receipt_no}${r.voided_at ? '（作废）' : ''}` : '不需收据',
  }));

  let paid = db
    .selectFrom('charity_aid_applications as a')
    .innerJoin('charity_entries as e', 'e.seq', 'a.entry_seq')
    .innerJoin('charity_funds as f', 'f.code', 'a.fund_code')
    .select([
      'a.number',
      'a.kind',
      'a.recipient_name',
      'a.items_json',
      // What the entry spent (借 救助支出): the money paid, or the book value of the goods given out.
      sql<number>`(SELECT coalesce(sum(l.debit), 0) FROM charity_lines AS l WHERE l.entry_seq = a.entry_seq AND l.account_code = '5101')`.as('spent_fen'),
      'a.council_resolution_no',
      'a.decided_by_name',
      'a.paid_by_name',
      'e.entry_date',
      'e.seq',
      'f.name as fund_name',
    ])
    .where('e.entry_date', '>=', p.from)
    .where('e.entry_date', '<=', p.to);
  if (p.fund) paid = paid.where('a.fund_code', '=', p.fund);
  const paidRows = await paid.orderBy('e.seq').execute();
  const expenditure = paidRows.map((r, i) => ({
    no: i + 1,
    date: r.entry_date,
    purpose: `${r.kind}（${r.fund_name}）${goodsText(r.items_json)}`,
    recipient: maskName(r.recipient_name),
    amountFen: r.spent_fen,
    approval: r.council_resolution_no ? `决议${r.council_resolution_no}` : `审批：${r.decided_by_name ?? ''}`,
    handler: r.paid_by_name ?? '',
    voucher: `记${String(r.seq).padStart(6, '0')}`,
  }));

  const { before, during } = await fundMovements(db, p);
  let fundRows = db.selectFrom('charity_funds').select(['code', 'name']).orderBy('kind', 'desc').orderBy('code');
  if (p.fund) fundRows = fundRows.where('code', '=', p.fund);
  const funds = (await fundRows.execute())
    .map((f) => {
      const sum = (rows: typeof before, type: string, side: 'debit' | 'credit') =>
        rows.filter((r) => r.fund_code === f.code && r.type === type).reduce((s, r) => s + r[side], 0);
      const openingFen = sum(before, 'asset', 'debit') - sum(before, 'asset', 'credit');
      const incomeFen = sum(during, 'income', 'credit') - sum(during, 'income', 'debit');
      const expenseFen = sum(during, 'expense', 'debit') - sum(during, 'expense', 'credit');
      const closingFen = openingFen + sum(during, 'asset', 'debit') - sum(during, 'asset', 'credit');
      return { code: f.code, name: f.name, openingFen, incomeFen, expenseFen, closingFen };
    })
    .filter((f) => f.openingFen || f.incomeFen || f.expenseFen || f.closingFen || p.fund);
  const totals = funds.reduce(
    (t, f) => ({
      openingFen: t.openingFen + f.openingFen,
      incomeFen: t.incomeFen + f.incomeFen,
      expenseFen: t.expenseFen + f.expenseFen,
      closingFen: t.closingFen + f.closingFen,
    }),
    {
      openingFen: 0,
      incomeFen: 0,
      expenseFen: 0,
      closingFen: 0,
    },
  );
  return { income, expenditure, funds, totals };
}

/** The period's first and last journal entries and the chain's head now. */
export async function periodSpan(db: Kysely<Database>, p: NoticePeriod) {
  const span = await db
    .selectFrom('charity_entries')
    .select([sql<number | null>`min(seq)`.as('first'), sql<number | null>`max(seq)`.as('last')])
    .where('entry_date', '>=', p.from)
    .where('entry_date', '<=', p.to)
    .executeTakeFirstOrThrow();
  const head = await db.selectFrom('charity_entries').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { firstSeq: span.first, lastSeq: span.last, headSeq: head?.seq ?? 0, headHash: head?.hash ?? '0'.repeat(64) };
}

/** Goods given with an application, as the notice lists them: " 物资：大米4袋、食用油2桶". */
function goodsText(itemsJson: string): string {
  const items = JSON.parse(itemsJson) as { item: string; unit: string; quantity: number }[];
  return items.length ? ` 物资：${items.map((i) => `${i.item}${i.quantity}${i.unit}`).join('、')}` : '';
}
