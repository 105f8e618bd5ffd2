import type { Kysely } from 'kysely';
import { AppError } from '../../../../../shared/errors';
import type { Database, ResidentsTable } from '../../../db/schema';
import { inJsonList, jsonList } from '../../../db/keyset';
import { queryShape } from '../../../db/query-shape';

export function findResidentRow(db: Kysely<Database>, id: string): Promise<ResidentsTable | undefined> {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function mustFindResident(db: Kysely<Database>, id: string): Promise<ResidentsTable> {
  const row = await findResidentRow(db, id);
  if (!row) throw new AppError('residents.not_found', 'No such resident');
  return row;
}

const residentRowsShape = queryShape<{ ids: string }, ResidentsTable>(['ids'], (db, v) =>
  db.selectFrom('residents').selectAll().where('id', 'in', inJsonList<string>(v.ids)),
);

/** Residents by id (another area's page of people, public.ts): one query, compiled once. */
export function residentRowsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<ResidentsTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return residentRowsShape.execute(db, { ids: jsonList(ids) });
}

export function eventsOfResident(db: Kysely<Database>, residentId: string) {
  return db.selectFrom('resident_events').selectAll().where('resident_id', '=', residentId).orderBy('at', 'desc').orderBy('id', 'desc').execute();
}

/** 暂不登记到户: the reason given for a resident without a household ('' if none). */
export async function unplacedReasonOf(db: Kysely<Database>, residentId: string): Promise<string> {
  const row = await db.selectFrom('resident_unplaced').select('reason').where('resident_id', '=', residentId).executeTakeFirst();
  return row?.reason ?? '';
}

export function findHouseholdRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Everyone in a household, the present first, the head first among them. */
export function membersOfHousehold(db: Kysely<Database>, householdId: string): Promise<ResidentsTable[]> {
  return db.selectFrom('residents').selectAll().where('household_id', '=', householdId).orderBy('archived').orderBy('name').orderBy('id').execute();
}

const gridNamesShape = queryShape<{ ids: string }, { id: string; name: string }>(['ids'], (db, v) =>
  db.selectFrom('grids').select(['id', 'name']).where('id', 'in', inJsonList<string>(v.ids)),
);

export async function gridNames(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await gridNamesShape.execute(db, { ids: jsonList(ids) });
  return new Map(rows.map((g) => [g.id, g.name]));
}

const namesShape = queryShape<{ ids: string }, { id: string; name: string }>(['ids'], (db, v) =>
  db.selectFrom('residents').select(['id', 'name']).where('id', 'in', inJsonList<string>(v.ids)),
);

export async function namesOf(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => !!id);
  if (wanted.length === 0) return new Map();
  const rows = await namesShape.execute(db, { ids: jsonList(wanted) });
  return new Map(rows.map((r) => [r.id, r.name]));
}
