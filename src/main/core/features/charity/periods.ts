import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';
import { fundTotals, type FundTotals } from './balances';
import { lastClosedMonth } from './journal';

/**
 * Month-end close: the month and everything before it become read-only (a trigger refuses entries dated
 * there), and the balances carried into the next month are kept with the close. Months close in order,
 * only once they are over, and only when no donation batch of the month is left unposted.
 */
export async function closeMonth(
  db: Kysely<Database>,
  input: { month: string; today: string; actorId: string | null; actorName: string; at: string },
): Promise<FundTotals[]> {
  if (input.month >= input.today.slice(0, 7))
    throw new AppError('charity.month_not_over', 'Only a month that is over can be closed', { params: { month: input.month } });
  const closed = await lastClosedMonth(db);
  if (closed && input.month <= closed) throw new AppError('charity.period_closed', 'That month is closed already', { params: { month: closed } });
  // A skipped month would become read-only without its own close, and its carried balances would be missing
  // from the notices that open with them.
  if (closed && input.month !== monthAfter(closed))
    throw new AppError('charity.close_in_order', 'Months close in order', { params: { month: monthAfter(closed) } });
  const open = await db
    .selectFrom('charity_batches')
    .select('number')
    .where('status', '=', 'open')
    .where('received_on', '<=', `${input.month}-31`)
    .executeTakeFirst();
  if (open) throw new AppError('charity.unposted_batches', 'A batch of the month is not posted', { params: { batch: open.number } });
  const totals = [...(await fundTotals(db, input.month)).values()];
  const last = await db
    .selectFrom('charity_entries')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  await db
    .insertInto('charity_periods')
    .values({
      month: input.month,
      closed_at: input.at,
      closed_by: input.actorId,
      closed_by_name: input.actorName,
      last_seq: last?.seq ?? 0,
      balances_json: JSON.stringify(totals),
    })
    .execute();
  return totals;
}

/** The calendar month after `month` (YYYY-MM). */
export function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The balances a closed month carried forward (the next month's opening), or null if it is still open. */
export async function carriedBalances(db: Kysely<Database>, month: string): Promise<FundTotals[] | null> {
  const row = await db.selectFrom('charity_periods').select('balances_json').where('month', '=', month).executeTakeFirst();
  return row ? (JSON.parse(row.balances_json) as FundTotals[]) : null;
}
