import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import { GOODS_ACCOUNT } from './donations';
import { postEntry } from './journal';
import { accountBalanceThrough } from './ledger-repository';
import { goodsOutValue, itemStock } from './stock';

// The demo year's store and till: goods given out as aid (through the same valuation and stock rules as
// the counter), and each closed month's cash count and bank statement set beside the ledger.

interface Draw {
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
}
interface Person {
  id: string;
  name: string;
}

/** An application paid in goods from the store, filed → reviewed → approved → given → acknowledged. False if the store is empty. */
export async function seedGoodsAid(
  db: Kysely<Database>,
  draw: Draw,
  o: { recipient: { id: string; name: string; household_id: string | null }; on: string; at: string; clerk: Person; treasurer: Person; numberYear: number },
): Promise<boolean> {
  const held = await db
    .selectFrom('charity_stock_moves')
    .select(['item', 'unit'])
    .groupBy(['item', 'unit'])
    .having((eb) => eb.fn.sum('quantity'), '>=', 5)
    .execute();
  if (held.length === 0) return false;
  const { item, unit } = draw.pick(held);
  const quantity = Math.min(draw.int(2, 5), (await itemStock(db, item, unit)).held);
  const items = [{ item, unit, quantity }];
  const value = await goodsOutValue(db, items);
  const id = newId();
  const number = formatYearNumber(o.numberYear, await allocateNumber(db, 'charity.aid', o.numberYear), 'A');
  const seq = await postEntry(db, {
    date: o.on,
    kind: 'disbursement',
    memo: `救助支出（救穷，物资） 申请${number}`,
    lines: [
      { account: '5101', fund: 'GEN', debit: value, credit: 0 },
      { account: GOODS_ACCOUNT, fund: 'GEN', debit: 0, credit: value },
    ],
    actorName: o.treasurer.name,
    postedAt: o.at,
  });
  await db
    .insertInto('charity_aid_applications')
    .values({
      id,
      number,
      resident_id: o.recipient.id,
      household_id: o.recipient.household_id,
      recipient_name: o.recipient.name,
      kind: '救穷',
      fund_code: 'GEN',
      amount_fen: 0,
      items_json: JSON.stringify(items),
      reason: '冬季生活物资困难',
      status: 'acknowledged',
      visit_note: '入户核实，情况属实',
      reviewed_at: o.at,
      reviewed_by_name: o.clerk.name,
      decided_at: o.at,
      decided_by: o.treasurer.id,
      decided_by_name: o.treasurer.name,
      decision_note: '同意',
      paid_at: o.at,
      paid_by_name: o.treasurer.name,
      payment_method: '物资',
      entry_seq: seq,
      acknowledged_at: o.at,
      acknowledgement: '本人签字领取',
      created_at: o.at,
      created_by: o.clerk.id,
      created_by_name: o.clerk.name,
    })
    .execute();
  await db
    .insertInto('charity_stock_moves')
    .values({ item, unit, quantity: -quantity, donation_id: null, application_id: id, on_date: o.on, created_at: o.at, created_by: o.treasurer.id })
    .execute();
  return true;
}

/** The month's cash count and bank statement beside the ledger; one month's till was ¥20 short, and says why. */
export async function seedReconciliation(
  db: Kysely<Database>,
  draw: Draw,
  o: { month: string; at: string; treasurer: Person; differs: boolean },
): Promise<void> {
  const cashLedger = await accountBalanceThrough(db, ['1001'], o.month);
  const bankLedger = await accountBalanceThrough(db, ['1002', '1003'], o.month);
  const short = o.differs && cashLedger >= 2_000 ? 2_000 : 0;
  await db
    .insertInto('charity_reconciliations')
    .values({
      id: newId(),
      month: o.month,
      cash_counted_fen: cashLedger - short,
      bank_statement_fen: bankLedger,
      cash_ledger_fen: cashLedger,
      bank_ledger_fen: bankLedger,
      difference_fen: -short,
      note: short ? '现金盘点短款 ¥20.00，系找零差错，已由经手人补齐并登记' : draw.pick(['账实相符', '账实相符，银行对账单已核对']),
      created_at: o.at,
      created_by: o.treasurer.id,
    })
    .execute();
}
