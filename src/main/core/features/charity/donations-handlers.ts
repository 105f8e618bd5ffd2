import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Batch } from '../../../../shared/contract/charity/donations';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import type { Database } from '../../db/schema';
import { allocateNumber, formatYearNumber } from '../../sequences/sequences';
import { newId } from '../../util/ids';
import { actor, area, today } from './context';
import { insertDonation, postDonation, toDonations } from './donations';
import { batchesQuery, donationsPageQuery } from './list-queries';
import type { CharityBatchesTable } from './schema';

type Methods =
  | 'charity.recordDonation'
  | 'charity.listDonations'
  | 'charity.openBatch'
  | 'charity.getBatch'
  | 'charity.listBatches'
  | 'charity.addBatchLine'
  | 'charity.withdrawBatchLine'
  | 'charity.stock'
  | 'charity.postBatch';

async function findBatch(db: Kysely<Database>, id: string): Promise<CharityBatchesTable> {
  const batch = await db.selectFrom('charity_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch) throw new AppError('charity.batch_not_found', 'No such batch');
  return batch;
}

async function toBatch(db: Kysely<Database>, b: CharityBatchesTable): Promise<Batch> {
  const rows = await db.selectFrom('charity_donations').selectAll().where('batch_id', '=', b.id).where('withdrawn', '=', 0).orderBy('id').execute();
  const lines = await toDonations(db, rows);
  return {
    id: b.id,
    number: b.number,
    receivedOn: b.received_on,
    controlTotalFen: b.control_total_fen,
    controlCount: b.control_count,
    enteredFen: lines.reduce((s, l) => s + l.amountFen, 0),
    enteredCount: lines.length,
    note: b.note,
    status: b.status,
    lines,
  };
}

export const donationsHandlers: HandlerMap<Methods> = {
  async 'charity.recordDonation'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const id = await insertDonation(ctx.db, input, who, at);
    await postDonation(ctx.db, id, who, at, await today(ctx));
    const [donation] = await toDonations(ctx.db, [await ctx.db.selectFrom('charity_donations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()]);
    await ctx.audit({
      action: 'charity.recordDonation',
      area,
      recordType: 'charity_donation',
      recordId: id,
      summary: `${donation.donorName} ${donation.amountFen} ${donation.receiptNo ?? ''}`,
      after: donation,
    });
    return donation;
  },

  async 'charity.listDonations'(input, ctx) {
    const rows = await donationsPageQuery(ctx.db, input).execute();
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return { rows: await toDonations(ctx.db, page), nextCursor: rows.length > input.limit ? JSON.stringify([last.received_on, last.id]) : null };
  },

  async 'charity.openBatch'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const year = Number(input.receivedOn.slice(0, 4));
    const number = formatYearNumber(year, await allocateNumber(ctx.db, 'charity.batch', year), 'P');
    const id = newId();
    await ctx.db
      .insertInto('charity_batches')
      .values({
        id,
        number,
        received_on: input.receivedOn,
        control_total_fen: input.controlTotalFen,
        control_count: input.controlCount,
        note: input.note,
        status: 'open',
        posted_at: null,
        posted_by: null,
        created_at: at,
        created_by: who.id,
        updated_at: at,
        updated_by: who.id,
      })
      .execute();
    const batch = await toBatch(ctx.db, await findBatch(ctx.db, id));
    await ctx.audit({ action: 'charity.openBatch', area, recordType: 'charity_batch', recordId: id, summary: number, after: { ...batch, lines: undefined } });
    return batch;
  },

  async 'charity.getBatch'(input, ctx) {
    return toBatch(ctx.db, await findBatch(ctx.db, input.id));
  },

  async 'charity.listBatches'(input, ctx) {
    const rows = await batchesQuery(ctx.db, input.status).execute();
    return Promise.all(
      rows.map(async (r) => {
        const { lines: _lines, ...summary } = await toBatch(ctx.db, r);
        return summary;
      }),
    );
  },

  async 'charity.addBatchLine'(input, ctx) {
    const who = actor(ctx);
    const batch = await findBatch(ctx.db, input.batchId);
    if (batch.status !== 'open') throw new AppError('charity.batch_posted', 'The batch is posted');
    const id = await insertDonation(ctx.db, input.donation, who, ctx.now().toISOString(), batch.id);
    await ctx.audit({
      action: 'charity.addBatchLine',
      area,
      recordType: 'charity_donation',
      recordId: id,
      summary: `${batch.number} ${input.donation.amountFen ?? ''}`,
    });
    return toBatch(ctx.db, batch);
  },

  async 'charity.stock'(_input, ctx) {
    const rows = await ctx.db
      .selectFrom('charity_stock_moves')
      .select([
        'item',
        'unit',
        sql<number>`sum(CASE WHEN quantity > 0 THEN quantity ELSE 0 END)`.as('received'),
        sql<number>`sum(CASE WHEN quantity < 0 THEN -quantity ELSE 0 END)`.as('given'),
      ])
      .groupBy(['item', 'unit'])
      .orderBy('item')
      .execute();
    return rows.map((r) => ({ item: r.item, unit: r.unit, received: r.received, givenOut: r.given, inStock: r.received - r.given }));
  },

  async 'charity.withdrawBatchLine'(input, ctx) {
    const who = actor(ctx);
    const line = await ctx.db.selectFrom('charity_donations').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!line || !line.batch_id || line.withdrawn) throw new AppError('charity.batch_line_not_found', 'No such line in an open batch');
    const batch = await findBatch(ctx.db, line.batch_id);
    if (batch.status !== 'open') throw new AppError('charity.batch_posted', 'The batch is posted');
    // The mistyped line stays on record (withdrawn), and never reaches the books.
    await ctx.db
      .updateTable('charity_donations')
      .set({ withdrawn: 1, updated_at: ctx.now().toISOString(), updated_by: who.id })
      .where('id', '=', line.id)
      .execute();
    await ctx.audit({
      action: 'charity.withdrawBatchLine',
      area,
      recordType: 'charity_donation',
      recordId: line.id,
      summary: `${batch.number} ${line.amount_fen}: ${input.reason}`,
    });
    return toBatch(ctx.db, batch);
  },

  async 'charity.postBatch'(input, ctx) {
    const who = actor(ctx);
    const at = ctx.now().toISOString();
    const batch = await findBatch(ctx.db, input.id);
    if (batch.status !== 'open') throw new AppError('charity.batch_posted', 'The batch is posted');
    const before = await toBatch(ctx.db, batch);
    // A batch posts only when its lines add up to the control total counted off the envelopes.
    if (before.enteredFen !== batch.control_total_fen || before.enteredCount !== batch.control_count) {
      throw new AppError('charity.batch_total_mismatch', 'The lines do not add up to the control total', {
        params: { entered: before.enteredFen, control: batch.control_total_fen, enteredCount: before.enteredCount, controlCount: batch.control_count },
      });
    }
    const day = await today(ctx);
    for (const line of before.lines) await postDonation(ctx.db, line.id, who, at, day);
    await ctx.db
      .updateTable('charity_batches')
      .set({ status: 'posted', posted_at: at, posted_by: who.id, updated_at: at, updated_by: who.id })
      .where('id', '=', batch.id)
      .execute();
    const after = await toBatch(ctx.db, await findBatch(ctx.db, batch.id));
    await ctx.audit({
      action: 'charity.postBatch',
      area,
      recordType: 'charity_batch',
      recordId: batch.id,
      summary: `${batch.number} ${after.enteredFen}`,
      after: { ...after, lines: after.lines.map((l) => l.receiptNo) },
    });
    return after;
  },
};
