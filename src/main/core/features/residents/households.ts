import { sql, type Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { Household } from '../../../../shared/contract/residents';
import type { Database, HouseholdsTable } from '../../db/schema';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { hallDay } from '../../time/hall-day';
import { placesByHouse } from './places/service';
import { findHouseholdRow, membersOfHousehold } from './people/repository';
import { toResidentRows } from './people/rows';
import { intervalsOf, recomputeNextVisit } from './visits/policy';
import { appendResidentEvent } from './write';

export async function toHouseholds(db: Kysely<Database>, rows: readonly HouseholdsTable[]): Promise<Household[]> {
  const [places, intervals] = await Promise.all([
    placesByHouse(
      db,
      rows.map((r) => r.house_id),
    ),
    intervalsOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    houseId: r.house_id,
    address: (r.house_id && places.get(r.house_id)?.address) || '',
    residenceRelation: r.residence_relation as Household['residenceRelation'],
    headResidentId: r.head_resident_id,
    lastVisitOn: r.last_visit_on,
    nextVisitDue: r.next_visit_due,
    visitIntervalDays: intervals.get(r.id)!,
    archived: r.archived === 1,
  }));
}

export async function mustFindHousehold(db: Kysely<Database>, id: string): Promise<HouseholdsTable> {
  const row = await findHouseholdRow(db, id);
  if (!row) throw new AppError('residents.household_not_found', 'No such household');
  return row;
}

/** Someone entered as 户主 becomes the household's head when it has none among its present members. */
export async function claimHeadIfNeeded(
  db: Kysely<Database>,
  residentId: string,
  householdId: string | null,
  relation: string,
  by: string | null,
  at: string,
): Promise<void> {
  if (!householdId || relation !== '户主') return;
  const hh = await mustFindHousehold(db, householdId);
  if (hh.head_resident_id === residentId) return;
  if (hh.head_resident_id) {
    const head = await db.selectFrom('residents').select(['household_id', 'archived']).where('id', '=', hh.head_resident_id).executeTakeFirst();
    if (head && head.household_id === householdId && head.archived === 0) return;
  }
  await db.updateTable('households').set({ head_resident_id: residentId, updated_at: at, updated_by: by }).where('id', '=', householdId).execute();
}

/** A head who leaves (moves out, dies, changes household) leaves the household without a head. */
export async function releaseHead(db: Kysely<Database>, residentId: string, householdId: string | null, by: string | null, at: string): Promise<void> {
  if (!householdId) return;
  await db
    .updateTable('households')
    .set({ head_resident_id: null, updated_at: at, updated_by: by })
    .where('id', '=', householdId)
    .where('head_resident_id', '=', residentId)
    .execute();
}

export const householdsHandlers: HandlerMap<'residents.getHousehold' | 'residents.saveHousehold'> = {
  async 'residents.getHousehold'(input, ctx) {
    const row = await mustFindHousehold(ctx.db, input.id);
    const { today } = await hallDay(ctx);
    const members = await membersOfHousehold(ctx.db, row.id);
    const mapped = await toResidentRows(ctx.db, members, today);
    const out = mapped.map((m, i) => ({ ...m, relationToHead: members[i].relation_to_head }));
    // The head first among the present members.
    out.sort((a, b) => Number(a.archived) - Number(b.archived) || Number(b.id === row.head_resident_id) - Number(a.id === row.head_resident_id));
    return { household: (await toHouseholds(ctx.db, [row]))[0], members: out };
  },

  async 'residents.saveHousehold'(input, ctx) {
    const actor = ctx.actor();
    const at = ctx.now().toISOString();
    const { today, timeZone } = await hallDay(ctx);
    const same = await ctx.db.selectFrom('households').select('id').where('number', '=', input.number).executeTakeFirst();
    if (same && same.id !== input.id)
      throw new AppError('residents.household_number_taken', 'That household number is taken', { fields: { number: 'residents.household_number_taken' } });
    const before = input.id ? await mustFindHousehold(ctx.db, input.id) : undefined;
    let house: { id: string; building_id: string; grid_id: string } | undefined;
    if (input.houseId) {
      house = await ctx.db
        .selectFrom('houses')
        .innerJoin('buildings', 'buildings.id', 'houses.building_id')
        .select(['houses.id', 'houses.building_id', 'buildings.grid_id'])
        .where('houses.id', '=', input.houseId)
        .executeTakeFirst();
      if (!house) throw new AppError('residents.house_not_found', 'No such house', { fields: { houseId: 'residents.house_not_found' } });
    }
    if (input.headResidentId) {
      const head = await ctx.db.selectFrom('residents').select(['household_id']).where('id', '=', input.headResidentId).executeTakeFirst();
      if (!head || !before || head.household_id !== before.id)
        throw new AppError('residents.head_not_member', 'The head must be a member', { fields: { headResidentId: 'residents.head_not_member' } });
    }
    const id = input.id ?? newId();
    const values = { number: input.number, house_id: input.houseId, residence_relation: input.residenceRelation, head_resident_id: input.headResidentId };
    if (before) {
      await ctx.db
        .updateTable('households')
        .set({ ...values, updated_at: at, updated_by: actor.id })
        .where('id', '=', id)
        .execute();
      if (before.house_id !== input.houseId) await moveMembers(ctx.db, id, before.house_id, house ?? null, actor, at);
    } else {
      await ctx.db
        .insertInto('households')
        .values({
          id,
          ...values,
          last_visit_on: null,
          next_visit_due: null,
          archived: 0,
          created_at: at,
          created_by: actor.id,
          updated_at: at,
          updated_by: actor.id,
        })
        .execute();
    }
    await recomputeNextVisit(ctx.db, [id], today, timeZone);
    const [after] = await toHouseholds(ctx.db, [(await findHouseholdRow(ctx.db, id))!]);
    await ctx.audit({ recordType: 'household', recordId: id, summary: after.number, before: before && (await toHouseholds(ctx.db, [before]))[0], after });
    return after;
  },
};

/** A household that moves takes its present members along, each with a history event. */
async function moveMembers(
  db: Kysely<Database>,
  householdId: string,
  fromHouseId: string | null,
  to: { id: string; building_id: string; grid_id: string } | null,
  actor: { id: string | null; name: string | null },
  at: string,
) {
  const members = await db
    .selectFrom('residents')
    .select(['id'])
    .where('household_id', '=', householdId)
    .where(sql<number>`+archived`, '=', 0)
    .execute();
  if (members.length === 0) return;
  await db
    .updateTable('residents')
    .set({ house_id: to?.id ?? null, building_id: to?.building_id ?? null, grid_id: to?.grid_id ?? null, updated_at: at, updated_by: actor.id })
    .where('household_id', '=', householdId)
    .where(sql<number>`+archived`, '=', 0)
    .execute();
  for (const m of members) {
    await appendResidentEvent(db, {
      residentId: m.id,
      kind: 'household_changed',
      detail: { householdId, houseFrom: fromHouseId, houseTo: to?.id ?? null },
      actor,
      at,
    });
  }
}
