import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ResidentsTable } from '../../db/schema';
import type { HandlerMap } from '../../context';
import type { Actor } from './write';
import { hallDay } from '../../time/hall-day';
import { decodeCursor, encodeCursor, inList, type Keyset } from '../../db/keyset';
import { toResidentRows } from './people/rows';

/**
 * 未登记到户: present residents in no household. A form saves one only on purpose (暂不登记到户, with a
 * reason, kept in resident_unplaced while they have none); an import or an older record may have none
 * without a reason. Either way they are someone to follow up: the list pages them in registration order
 * (rowid) through residents_unplaced, a partial index holding only them, which also counts them alone.
 */

/** Keeps the reason while the resident has no household; forgets it once they have one. */
export async function keepUnplacedReason(
  db: Kysely<Database>,
  residentId: string,
  householdId: string | null,
  reason: string,
  actor: Actor,
  at: string,
): Promise<void> {
  if (householdId || !reason.trim()) {
    await db.deleteFrom('resident_unplaced').where('resident_id', '=', residentId).execute();
    return;
  }
  await db
    .insertInto('resident_unplaced')
    .values({ resident_id: residentId, reason: reason.trim(), created_at: at, created_by: actor.id })
    .onConflict((oc) => oc.column('resident_id').doUpdateSet({ reason: reason.trim(), created_at: at, created_by: actor.id }))
    .execute();
}

/** Once placed (迁入, 变更户), a resident's reason for having no household is past. */
export async function forgetUnplacedReason(db: Kysely<Database>, residentId: string): Promise<void> {
  await db.deleteFrom('resident_unplaced').where('resident_id', '=', residentId).execute();
}

/** One page of present residents without a household, by rowid after the cursor. */
export function unplacedQuery(after: Keyset | null, limit: number): RawBuilder<ResidentsTable & { row_no: number }> {
  const from = after ? sql` AND rowid > ${after.i}` : sql``;
  return sql<ResidentsTable & { row_no: number }>`SELECT rowid AS row_no, * FROM residents INDEXED BY residents_unplaced
    WHERE archived = 0 AND household_id IS NULL${from} ORDER BY rowid LIMIT ${limit + 1}`;
}

export function unplacedCountQuery(): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`SELECT count(*) AS n FROM residents INDEXED BY residents_unplaced WHERE archived = 0 AND household_id IS NULL`;
}

export const unplacedHandlers: HandlerMap<'residents.unplaced'> = {
  async 'residents.unplaced'(input, ctx) {
    const { today } = await hallDay(ctx);
    const after = decodeCursor(input.cursor, 'unplaced');
    const [rows, count] = await Promise.all([unplacedQuery(after, input.limit).execute(ctx.db), unplacedCountQuery().execute(ctx.db)]);
    const page = rows.rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const reasons = page.length
      ? await ctx.db
          .selectFrom('resident_unplaced')
          .select(['resident_id', 'reason'])
          .where('resident_id', 'in', inList(page.map((r) => r.id)))
          .execute()
      : [];
    const byId = new Map(reasons.map((r) => [r.resident_id, r.reason]));
    const mapped = await toResidentRows(ctx.db, page, today);
    return {
      rows: mapped.map((r) => ({ ...r, reason: byId.get(r.id) ?? '' })),
      nextCursor: rows.rows.length > input.limit && last ? encodeCursor('unplaced', { k: null, i: last.row_no }) : null,
      total: Number(count.rows[0].n),
    };
  },
};
