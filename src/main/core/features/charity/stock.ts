import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Database } from '../../db/schema';

/** What the store holds of one item, and what a unit of it was valued at when it came in. */
export interface ItemStock {
  held: number;
  /** The received units' average valuation (fen per unit, not rounded): goods leave at what they came in at. */
  unitValueFen: number;
}

export async function itemStock(db: Kysely<Database>, item: string, unit: string): Promise<ItemStock> {
  const moves = await db
    .selectFrom('charity_stock_moves')
    .select(sql<number>`coalesce(sum(quantity), 0)`.as('held'))
    .where('item', '=', item)
    .where('unit', '=', unit)
    .executeTakeFirstOrThrow();
  const valued = await db
    .selectFrom('charity_donation_items as i')
    .innerJoin('charity_donations as d', 'd.id', 'i.donation_id')
    .select([sql<number>`coalesce(sum(i.amount_fen), 0)`.as('value'), sql<number>`coalesce(sum(i.quantity), 0)`.as('quantity')])
    .where('i.item', '=', item)
    .where('i.unit', '=', unit)
    .where('d.entry_seq', 'is not', null)
    .executeTakeFirstOrThrow();
  return { held: moves.held, unitValueFen: valued.quantity > 0 ? valued.value / valued.quantity : 0 };
}

/**
 * The book value of the goods an application gives out, refusing an item the store does not hold enough
 * of: stock can never go below zero, as a fund's money cannot.
 */
export async function goodsOutValue(db: Kysely<Database>, items: readonly { item: string; unit: string; quantity: number }[]): Promise<number> {
  let total = 0;
  for (const wanted of items) {
    const stock = await itemStock(db, wanted.item, wanted.unit);
    if (stock.held < wanted.quantity)
      throw new AppError('charity.stock_short_item', 'The store does not hold enough of an item', {
        params: { item: wanted.item, unit: wanted.unit, held: stock.held, wanted: wanted.quantity },
      });
    total += Math.round(wanted.quantity * stock.unitValueFen);
  }
  return total;
}
