import type SqliteDatabase from 'better-sqlite3';
import type { ResidentEvent } from '../../../../../shared/contract/residents';
import type { ResidentsTable } from '../../../db/schema';
import { newId } from '../../../util/ids';
import type { Actor } from '../write';
import type { PlannedPlaces } from './new-places';

/** Every column of residents, once: a missing one is a compile error. */
const residentColumnSet: Record<keyof ResidentsTable, true> = {
  id: true,
  name: true,
  former_names: true,
  name_pinyin: true,
  name_initials: true,
  doc_type: true,
  id_cipher: true,
  id_hash: true,
  id_tail_rev: true,
  id_masked: true,
  birth_date: true,
  gender: true,
  region_code: true,
  phone_cipher: true,
  phone_last4: true,
  phone_masked: true,
  status: true,
  residence_reason: true,
  registered_on: true,
  permit_expires_on: true,
  id_card_expires_on: true,
  id_card_long_term: true,
  ethnicity: true,
  education: true,
  marital_status: true,
  occupation: true,
  notes: true,
  household_id: true,
  relation_to_head: true,
  grid_id: true,
  building_id: true,
  house_id: true,
  moved_in_on: true,
  moved_out_on: true,
  died_on: true,
  archived: true,
  created_at: true,
  created_by: true,
  updated_at: true,
  updated_by: true,
};
const residentColumns = Object.keys(residentColumnSet) as (keyof ResidentsTable)[];
const updatable = residentColumns.filter((c) => c !== 'id' && c !== 'created_at' && c !== 'created_by');

/**
 * The row's values in the order of `columns`. A column the row lacks is refused, as a missing named
 * parameter was: better-sqlite3 would bind `undefined` as NULL without a word.
 */
function values(row: ResidentsTable, columns: readonly (keyof ResidentsTable)[]): unknown[] {
  const out = new Array<unknown>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const v = row[columns[i]];
    if (v === undefined) throw new Error(`import: the row to write has no ${columns[i]}`);
    out[i] = v;
  }
  return out;
}

/**
 * The import's writes as prepared better-sqlite3 statements on the open connection: a 100,000-row
 * import is one transaction of a few hundred thousand statement runs, not as many Kysely round trips.
 * The rows come from the one preparation path (prepareResident); this only stores them.
 */
export class ImportWriter {
  private readonly s;

  constructor(
    sqlite: SqliteDatabase.Database,
    private readonly actor: Actor,
    private readonly at: string,
  ) {
    this.s = {
      // Bound by position, not by name: better-sqlite3 looks each of 40 names up in the row (measured: 8.5 µs
      // a row against 6.1 µs, some 120 ms of a 50,000-row commit).
      insertResident: sqlite.prepare(`INSERT INTO residents (${residentColumns.join(', ')}) VALUES (${residentColumns.map(() => '?').join(', ')})`),
      updateResident: sqlite.prepare(`UPDATE residents SET ${updatable.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
      event: sqlite.prepare(
        'INSERT INTO resident_events (id, resident_id, at, on_date, actor_id, actor_name, kind, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // With its resident's keys, read in the same statement: the link is written once (migration 0018).
      tag: sqlite.prepare(
        `INSERT OR IGNORE INTO resident_tags (resident_id, tag_id, created_at, created_by, archived, status, birth_date, name_pinyin, name, grid_id)
         SELECT r.id, ?, ?, ?, r.archived, r.status, r.birth_date, r.name_pinyin, r.name, r.grid_id FROM residents r WHERE r.id = ?`,
      ),
      household: sqlite.prepare(
        `INSERT INTO households (id, number, house_id, head_resident_id, residence_relation, last_visit_on, next_visit_due, archived, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, NULL, '人户一致', NULL, NULL, 0, ?, ?, ?, ?)`,
      ),
      householdExists: sqlite.prepare('SELECT 1 FROM households WHERE id = ?'),
      grid: sqlite.prepare(
        'INSERT OR IGNORE INTO grids (id, code, name, archived, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, 0, ?, ?, ?, ?)',
      ),
      compound: sqlite.prepare('INSERT OR IGNORE INTO compounds (id, name, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)'),
      building: sqlite.prepare(
        'INSERT OR IGNORE INTO buildings (id, compound_id, grid_id, name, floors, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      buildingFloors: sqlite.prepare('UPDATE buildings SET floors = ? WHERE id = ? AND floors < ?'),
      house: sqlite.prepare(
        `INSERT OR IGNORE INTO houses (id, building_id, unit, floor, room, address_key, use, owner_name, landlord_name, lease_start, lease_end, rental_registration_no,
           created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, '自住', '', '', NULL, NULL, '', ?, ?, ?, ?)`,
      ),
      setHead: sqlite.prepare('UPDATE households SET head_resident_id = ?, updated_at = ?, updated_by = ? WHERE id = ? AND head_resident_id IS NULL'),
    };
  }

  insertResident(row: ResidentsTable): void {
    this.s.insertResident.run(...values(row, residentColumns));
  }

  updateResident(row: ResidentsTable): void {
    this.s.updateResident.run(...values(row, updatable), row.id);
  }

  event(residentId: string, kind: ResidentEvent['kind'], detail: Record<string, unknown>): void {
    this.s.event.run(newId(), residentId, this.at, null, this.actor.id, this.actor.name, kind, JSON.stringify(detail));
  }

  tag(residentId: string, tagId: string): void {
    this.s.tag.run(tagId, this.at, this.actor.id, residentId);
  }

  /** The households this import has made or found: each family's later rows need no look-up. */
  private readonly households = new Set<string>();

  /** A household the file names by 户号 and the registry does not have yet (once, by its planned id). */
  ensureHousehold(id: string, number: string, houseId: string | null): boolean {
    if (this.households.has(id)) return false;
    this.households.add(id);
    if (this.s.householdExists.get(id)) return false;
    this.s.household.run(id, number, houseId, this.at, this.actor.id, this.at, this.actor.id);
    return true;
  }

  /** Places made by this import (ids), each written once. */
  private readonly placesMade = new Set<string>();
  readonly made = { grids: 0, compounds: 0, buildings: 0, houses: 0 };

  /**
   * The grid, compound, building and room a row is placed in, where the import planned them (new-places.ts):
   * each written the first time a row placed there is written, so that a place only rejected rows named
   * is not made. Ids not planned are places the registry has.
   */
  ensurePlace(planned: PlannedPlaces, place: { grid_id?: string | null; building_id?: string | null; house_id?: string | null }): void {
    if (place.house_id) this.ensureHouse(planned, place.house_id);
    else if (place.building_id) this.ensureBuilding(planned, place.building_id);
    else if (place.grid_id) this.ensureGrid(planned, place.grid_id);
  }

  private once(id: string): boolean {
    if (this.placesMade.has(id)) return false;
    this.placesMade.add(id);
    return true;
  }

  private ensureGrid(planned: PlannedPlaces, id: string): void {
    const g = planned.grids.get(id);
    if (!g || !this.once(id)) return;
    this.made.grids += this.s.grid.run(id, g.code, g.name, this.at, this.actor.id, this.at, this.actor.id).changes;
  }

  private ensureBuilding(planned: PlannedPlaces, id: string): void {
    const b = planned.buildings.get(id);
    if (!b || !this.once(id)) return;
    const c = planned.compounds.get(b.compoundId);
    if (c && this.once(b.compoundId)) this.made.compounds += this.s.compound.run(b.compoundId, c.name, this.at, this.actor.id, this.at, this.actor.id).changes;
    if (b.gridId) this.ensureGrid(planned, b.gridId);
    this.made.buildings += this.s.building.run(id, b.compoundId, b.gridId, b.name, b.floors, this.at, this.actor.id, this.at, this.actor.id).changes;
  }

  private ensureHouse(planned: PlannedPlaces, id: string): void {
    const h = planned.houses.get(id);
    if (!h || !this.once(id)) return;
    this.ensureBuilding(planned, h.buildingId);
    // A room the commit planned after the building was written may stand above the floors it was made with.
    this.s.buildingFloors.run(h.floor, h.buildingId, h.floor);
    this.made.houses += this.s.house.run(id, h.buildingId, h.unit, h.floor, h.room, h.addressKey, this.at, this.actor.id, this.at, this.actor.id).changes;
  }

  /** The 户主 row becomes the household's head, unless it already has one. */
  setHeadIfNone(householdId: string, residentId: string): void {
    this.s.setHead.run(residentId, this.at, this.actor.id, householdId);
  }
}
