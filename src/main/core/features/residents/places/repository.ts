import { sql, type Kysely } from 'kysely';
import type { BuildingsTable, CompoundsTable, Database, GridsTable, HousesTable } from '../../../db/schema';
import { inJsonList, jsonList } from '../../../db/keyset';
import { queryShape } from '../../../db/query-shape';

/** Grids, compounds, buildings and houses: tiny functions, `db` first, rows out. */

export function listGridRows(db: Kysely<Database>) {
  return db
    .selectFrom('grids')
    .leftJoin('buildings', 'buildings.grid_id', 'grids.id')
    .selectAll('grids')
    .select((eb) => eb.fn.count<number>('buildings.id').as('building_count'))
    .where('grids.archived', '=', 0)
    .groupBy('grids.id')
    .orderBy('grids.code')
    .execute();
}

export function findGridRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('grids').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findGridByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('grids').select(['id']).where('code', '=', code).executeTakeFirst();
}

export function countBuildingsInGrid(db: Kysely<Database>, gridId: string) {
  return db
    .selectFrom('buildings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('grid_id', '=', gridId)
    .executeTakeFirstOrThrow();
}

export async function insertGrid(db: Kysely<Database>, row: GridsTable) {
  await db.insertInto('grids').values(row).execute();
}

export async function updateGrid(db: Kysely<Database>, id: string, set: Partial<GridsTable>) {
  await db.updateTable('grids').set(set).where('id', '=', id).execute();
}

export function listCompoundRows(db: Kysely<Database>) {
  return db.selectFrom('compounds').selectAll().orderBy('name').execute();
}

export function findCompoundRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('compounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCompoundByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('compounds').select(['id']).where('name', '=', name).executeTakeFirst();
}

export async function insertCompound(db: Kysely<Database>, row: CompoundsTable) {
  await db.insertInto('compounds').values(row).execute();
}

export async function updateCompound(db: Kysely<Database>, id: string, set: Partial<CompoundsTable>) {
  await db.updateTable('compounds').set(set).where('id', '=', id).execute();
}

/** Buildings with their compound's and grid's names. */
export function buildingRowsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('buildings')
    .innerJoin('compounds', 'compounds.id', 'buildings.compound_id')
    .innerJoin('grids', 'grids.id', 'buildings.grid_id')
    .selectAll('buildings')
    .select(['compounds.name as compound_name', 'grids.name as grid_name']);
}
export type BuildingRow = BuildingsTable & { compound_name: string; grid_name: string };

export function listBuildingRows(db: Kysely<Database>, filter: { compoundId?: string; gridId?: string }): Promise<BuildingRow[]> {
  let q = buildingRowsQuery(db);
  if (filter.compoundId) q = q.where('buildings.compound_id', '=', filter.compoundId);
  if (filter.gridId) q = q.where('buildings.grid_id', '=', filter.gridId);
  return q
    .orderBy('compounds.name')
    .orderBy(sql`length(buildings.name)`)
    .orderBy('buildings.name')
    .execute();
}

export function findBuildingRow(db: Kysely<Database>, id: string): Promise<BuildingRow | undefined> {
  return buildingRowsQuery(db).where('buildings.id', '=', id).executeTakeFirst();
}

export function findBuildingByName(db: Kysely<Database>, compoundId: string, name: string) {
  return db.selectFrom('buildings').select(['id']).where('compound_id', '=', compoundId).where('name', '=', name).executeTakeFirst();
}

export async function insertBuilding(db: Kysely<Database>, row: BuildingsTable) {
  await db.insertInto('buildings').values(row).execute();
}

export async function updateBuilding(db: Kysely<Database>, id: string, set: Partial<BuildingsTable>) {
  await db.updateTable('buildings').set(set).where('id', '=', id).execute();
}

/** After a building is renamed: its houses' address keys follow, in one statement. */
export async function rekeyHousesOfBuilding(db: Kysely<Database>, buildingId: string, buildingName: string) {
  await db
    .updateTable('houses')
    .set({ address_key: sql<string>`${buildingName} || '-' || unit || '-' || room` })
    .where('building_id', '=', buildingId)
    .execute();
}

/** After a building moves to another grid: its residents follow (archived ones too). */
export async function regridResidentsOfBuilding(db: Kysely<Database>, buildingId: string, gridId: string) {
  await db.updateTable('residents').set({ grid_id: gridId }).where('archived', 'in', [0, 1]).where('building_id', '=', buildingId).execute();
}

/** Houses in insert-sized batches (a layout can make a few thousand rooms). */
export async function insertHouses(db: Kysely<Database>, rows: HousesTable[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('houses')
      .values(rows.slice(i, i + 200))
      .execute();
}

export function findHouseRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('houses').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findHouseAt(db: Kysely<Database>, buildingId: string, unit: string, room: string) {
  return db.selectFrom('houses').select(['id']).where('building_id', '=', buildingId).where('unit', '=', unit).where('room', '=', room).executeTakeFirst();
}

export async function insertHouse(db: Kysely<Database>, row: HousesTable) {
  await db.insertInto('houses').values(row).execute();
}

export async function updateHouse(db: Kysely<Database>, id: string, set: Partial<HousesTable>) {
  await db.updateTable('houses').set(set).where('id', '=', id).execute();
}

/** After a house moves to another building: the people living there follow. */
export async function replaceResidentsOfHouse(db: Kysely<Database>, houseId: string, buildingId: string, gridId: string) {
  await db.updateTable('residents').set({ building_id: buildingId, grid_id: gridId }).where('house_id', '=', houseId).execute();
}

export function housesOfBuilding(db: Kysely<Database>, buildingId: string) {
  return db.selectFrom('houses').selectAll().where('building_id', '=', buildingId).execute();
}

/** Active residents per house of a building, through an (archived, building_id, …) index. */
export function occupantsOfBuilding(db: Kysely<Database>, buildingId: string) {
  return db
    .selectFrom('residents')
    .select(['house_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('archived', '=', 0)
    .where('building_id', '=', buildingId)
    .groupBy('house_id')
    .execute();
}

export function householdsOfBuilding(db: Kysely<Database>, buildingId: string) {
  return (
    db
      .selectFrom('households')
      .innerJoin('houses', 'houses.id', 'households.house_id')
      .select(['households.id', 'households.house_id', 'households.next_visit_due'])
      .where('houses.building_id', '=', buildingId)
      // Unary plus: reach households through the building's houses, not through an index on archived.
      .where(sql<number>`+households.archived`, '=', 0)
      .execute()
  );
}

/** Present residents living in one house (whatever household they are in), through residents_house. */
export function occupantsOfHouseQuery(db: Kysely<Database>, houseId: string) {
  return db
    .selectFrom('residents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('house_id', '=', houseId)
    .where(sql<number>`+archived`, '=', 0);
}

export async function occupantsOfHouse(db: Kysely<Database>, houseId: string): Promise<number> {
  return Number((await occupantsOfHouseQuery(db, houseId).executeTakeFirstOrThrow()).n);
}

/** The households of one house, with their head's name and active member count. */
export function householdsOfHouse(db: Kysely<Database>, houseId: string) {
  return db
    .selectFrom('households')
    .leftJoin('residents as head', 'head.id', 'households.head_resident_id')
    .select((eb) => [
      'households.id',
      'households.number',
      'head.name as head_name',
      eb
        .selectFrom('residents')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('residents.household_id', '=', 'households.id')
        .where(sql<number>`+residents.archived`, '=', 0)
        .as('members'),
    ])
    .where('households.house_id', '=', houseId)
    .where(sql<number>`+households.archived`, '=', 0)
    .orderBy('households.number')
    .execute();
}

/**
 * Compound and building names for a set of houses: one query for a page of rows, compiled once (every list
 * page and search hit asks it).
 */
const placesOfHousesShape = queryShape<{ ids: string }, PlaceRow>(['ids'], (db, v) =>
  db
    .selectFrom('houses')
    .innerJoin('buildings', 'buildings.id', 'houses.building_id')
    .innerJoin('compounds', 'compounds.id', 'buildings.compound_id')
    .innerJoin('grids', 'grids.id', 'buildings.grid_id')
    .select([
      'houses.id',
      'houses.unit',
      'houses.room',
      'houses.building_id',
      'buildings.name as building_name',
      'compounds.name as compound_name',
      'grids.id as grid_id',
      'grids.name as grid_name',
      'grids.worker_name',
    ])
    .where('houses.id', 'in', inJsonList<string>(v.ids)),
);

export interface PlaceRow {
  id: string;
  unit: string;
  room: string;
  building_id: string;
  building_name: string;
  compound_name: string;
  grid_id: string;
  grid_name: string;
  worker_name: string;
}

export function placesOfHouses(db: Kysely<Database>, houseIds: Iterable<string>): Promise<PlaceRow[]> {
  return placesOfHousesShape.execute(db, { ids: jsonList(houseIds) });
}
