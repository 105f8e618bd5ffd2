import type { Kysely } from 'kysely';
import type { PrintedReceipt } from '../../../../shared/contract/charity/donations';
import { AppError } from '../../../../shared/errors';
import { fenToChineseUppercase } from '../../../../shared/values/money-words';
import type { HandlerMap } from '../../context';
import type { Database } from '../../db/schema';
import { findProfile } from '../../community/profile';
import { actor, area } from './context';
import { toDonations } from './donations';
import { receiptRows, toReceipt } from './receipts';
import { receiptsPageQuery } from './list-queries';

type Methods = 'charity.listReceipts' | 'charity.printReceipt' | 'charity.voidReceipt' | 'charity.recordOfficialReceipt';

async function findReceipt(db: Kysely<Database>, id: string) {
  const row = await receiptRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('charity.receipt_not_found', 'No such receipt');
  return row;
}

/** Everything a printed receipt shows; the receipt document (receipt-document.ts) is built from the same. */
export async function printedReceipt(db: Kysely<Database>, id: string, copy: boolean): Promise<PrintedReceipt> {
  const receipt = toReceipt(await findReceipt(db, id));
  const [donation] = await toDonations(db, [
    await db.selectFrom('charity_donations').selectAll().where('id', '=', receipt.donationId).executeTakeFirstOrThrow(),
  ]);
  const fund = await db.selectFrom('charity_funds').select('name').where('code', '=', donation.fundCode).executeTakeFirstOrThrow();
  const profile = await findProfile(db);
  return {
    receipt,
    donation,
    fundName: fund.name,
    copy,
    amountInWords: fenToChineseUppercase(receipt.amountFen, { prefix: true }),
    unitName: profile?.unit_name ?? '',
  };
}

export const receiptsHandlers: HandlerMap<Methods> = {
  async 'charity.listReceipts'(input, ctx) {
    const rows = await receiptsPageQuery(ctx.db, input).execute();
    const page = rows.slice(0, input.limit);
    return { rows: page.map(toReceipt), nextCursor: rows.length > input.limit ? String(page[page.length - 1].number) : null };
  },

  async 'charity.printReceipt'(input, ctx) {
    const before = await findReceipt(ctx.db, input.id);
    // The first print is the original; every later one is marked 复印件.
    const copy = before.print_count > 0;
    await ctx.db
      .updateTable('charity_receipts')
      .set({ print_count: before.print_count + 1 })
      .where('id', '=', input.id)
      .execute();
    const printed = await printedReceipt(ctx.db, input.id, copy);
    await ctx.audit({
      action: copy ? 'charity.reprintReceipt' : 'charity.printReceipt',
      area,
      recordType: 'charity_receipt',
      recordId: input.id,
      summary: before.receipt_no,
    });
    return printed;
  },

  async 'charity.voidReceipt'(input, ctx) {
    const who = actor(ctx);
    const before = await findReceipt(ctx.db, input.id);
    if (before.voided_at) throw new AppError('charity.receipt_voided', 'The receipt is void already');
    await ctx.db
      .updateTable('charity_receipts')
      .set({ voided_at: ctx.now().toISOString(), voided_by: who.id, void_reason: input.reason })
      .where('id', '=', input.id)
      .execute();
    const after = toReceipt(await findReceipt(ctx.db, input.id));
    await ctx.audit({
      action: 'charity.voidReceipt',
      area,
      recordType: 'charity_receipt',
      recordId: input.id,
      summary: `${before.receipt_no}: ${input.reason}`,
      before: toReceipt(before),
      after,
    });
    return after;
  },

  async 'charity.recordOfficialReceipt'(input, ctx) {
    const before = await findReceipt(ctx.db, input.id);
    if (before.official_no)
      throw new AppError('charity.official_recorded', 'The official receipt number is recorded already', { params: { officialNo: before.official_no } });
    const taken = await ctx.db.selectFrom('charity_receipts').select('receipt_no').where('official_no', '=', input.officialNo).executeTakeFirst();
    if (taken)
      throw new AppError('charity.official_no_taken', 'That official receipt number is on another receipt', {
        params: { receiptNo: taken.receipt_no },
        fields: { officialNo: 'charity.official_no_taken' },
      });
    await ctx.db
      .updateTable('charity_receipts')
      .set({ official_no: input.officialNo, official_recorded_at: ctx.now().toISOString() })
      .where('id', '=', input.id)
      .execute();
    const after = toReceipt(await findReceipt(ctx.db, input.id));
    await ctx.audit({
      action: 'charity.recordOfficialReceipt',
      area,
      recordType: 'charity_receipt',
      recordId: input.id,
      summary: `${before.receipt_no} → ${input.officialNo}`,
      after,
    });
    return after;
  },
};
