import type SqliteDatabase from 'better-sqlite3';
import type { ResidentsTable } from '../../../db/schema';
import { formatAddress, normaliseBuildingName, normaliseRoom, normaliseUnit } from '../address';

export interface PlaceFound {
  houseId: string;
  buildingId: string;
  gridId: string;
  address: string;
}
export interface HouseholdFound {
  id: string;
  houseId: string | null;
  headResidentId: string | null;
}

export type PlaceResult =
  | { ok: true; place: PlaceFound }
  | {
      ok: false;
      code: 'import.unknown_compound' | 'import.unknown_building' | 'import.ambiguous_building' | 'import.unknown_house' | 'import.grid_needed';
      params: Record<string, string>;
    };

/** The look-ups' SQL, each one an index search (tests/unit/residents/import-lookups.test.ts checks their plans). */
export const lookupSql = {
  gridByName: 'SELECT id FROM grids WHERE (name = ? OR code = ?) AND archived = 0',
  // Whether there is one grid only, or none (a new building without a grid named goes into it; new-places.ts).
  activeGrids: 'SELECT id FROM grids WHERE archived = 0 LIMIT 2',
  // A code taken by any grid, archived ones too (the code is unique among all).
  gridCodeTaken: 'SELECT 1 AS taken FROM grids WHERE code = ?',
  compoundByName: 'SELECT id, name FROM compounds WHERE name = ?',
  // Two statements, not one with "? IS NULL OR compound_id = ?": planned once without the value, that
  // one walked every building of the name (hundreds of 3栋 in a district) on every call.
  buildingInCompound:
    'SELECT b.id, b.grid_id, b.name, c.name AS compound_name FROM buildings b JOIN compounds c ON c.id = b.compound_id WHERE b.compound_id = ? AND b.name = ?',
  buildingsNamed: 'SELECT b.id, b.grid_id, b.name, c.name AS compound_name FROM buildings b JOIN compounds c ON c.id = b.compound_id WHERE b.name = ? LIMIT 2',
  house: 'SELECT id FROM houses WHERE building_id = ? AND unit = ? AND room = ?',
  // A batch's houses at once: a JSON array of [building_id, unit, room], each an index search.
  houses:
    "SELECT h.id, h.building_id, h.unit, h.room FROM json_each(?) j JOIN houses h ON h.building_id = json_extract(j.value, '$[0]') AND h.unit = json_extract(j.value, '$[1]') AND h.room = json_extract(j.value, '$[2]')",
  household: 'SELECT id, house_id, head_resident_id FROM households WHERE number = ?',
  households: 'SELECT id, number, house_id, head_resident_id FROM households WHERE number IN (SELECT value FROM json_each(?))',
  tag: 'SELECT id, name FROM tags WHERE name = ?',
  byHash: 'SELECT * FROM residents WHERE id_hash = ?',
  // A batch's hashes at once (a JSON array): one statement instead of 500, each still an index search.
  byHashes: 'SELECT * FROM residents WHERE id_hash IN (SELECT value FROM json_each(?))',
  byNameBirth: 'SELECT * FROM residents WHERE name = ? AND birth_date = ? AND id_hash IS NULL LIMIT 2',
  tagsOf: 'SELECT tag_id FROM resident_tags WHERE resident_id = ?',
  houseById:
    'SELECT h.id, h.unit, h.room, h.building_id, b.grid_id, b.name AS building_name, c.name AS compound_name FROM houses h JOIN buildings b ON b.id = h.building_id JOIN compounds c ON c.id = b.compound_id WHERE h.id = ?',
} as const;

/** A place as a row names it (its compound as the registry spells it). */
export interface TypedPlace {
  compound: string;
  building: string;
  unit: string;
  room: string;
}

/** A place's parts normalised as the registry stores them, and the key place() keeps its answer under. */
function normalised(compound: string, building: string, unit: string, room: string) {
  const b = normaliseBuildingName(building);
  const u = normaliseUnit(unit);
  const r = normaliseRoom(room);
  return { key: `place:${compound}|${b}|${u}|${r}`, building: b, unit: u, room: r };
}

/** A building's house (unit, room) as place() answers: found, or unknown with the address it would have. */
function houseResult(bl: BuildingRow, unit: string, room: string, house: { id: string } | undefined): PlaceResult {
  const address = formatAddress({ compoundName: bl.compound_name, buildingName: bl.name, unit, room });
  if (!house) return { ok: false, code: 'import.unknown_house', params: { address } };
  return { ok: true, place: { houseId: house.id, buildingId: bl.id, gridId: bl.grid_id, address } };
}

interface HouseholdRow {
  id: string;
  house_id: string | null;
  head_resident_id: string | null;
}

function householdFound(r: HouseholdRow | undefined): HouseholdFound | null {
  return r ? { id: r.id, houseId: r.house_id, headResidentId: r.head_resident_id } : null;
}

interface BuildingRow {
  id: string;
  grid_id: string;
  name: string;
  compound_name: string;
}
type BuildingResult = { ok: true; building: BuildingRow } | Extract<PlaceResult, { ok: false }>;

/**
 * What an import row needs to know about the registry, through prepared statements on the open
 * connection (inside the import's transaction at commit, so what it sees is what it writes over).
 * Places, grids, tags and households are few and asked for again and again: they are cached.
 */
export class RegistryLookups {
  private readonly q: Record<keyof typeof lookupSql, SqliteDatabase.Statement>;
  private readonly cache = new Map<string, unknown>();
  /** A batch's residents found by hash ahead of its rows (findByHashes), and which hashes were asked. */
  private ahead: { asked: Set<string>; found: Map<string, ResidentsTable> } | null = null;

  constructor(sqlite: SqliteDatabase.Database) {
    this.q = Object.fromEntries(Object.entries(lookupSql).map(([k, sql]) => [k, sqlite.prepare(sql)])) as Record<
      keyof typeof lookupSql,
      SqliteDatabase.Statement
    >;
  }

  private cached<T>(key: string, load: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const v = load();
    this.cache.set(key, v);
    return v;
  }

  /** Forgets cached households (the commit creates some as it goes). */
  forgetHousehold(number: string): void {
    this.cache.delete(`hh:${number}`);
  }

  grid(nameOrCode: string): string | null {
    return this.cached(`grid:${nameOrCode}`, () => (this.q.gridByName.get(nameOrCode, nameOrCode) as { id: string } | undefined)?.id ?? null);
  }

  tag(name: string): { id: string; name: string } | null {
    return this.cached(`tag:${name}`, () => (this.q.tag.get(name) as { id: string; name: string } | undefined) ?? null);
  }

  household(number: string): HouseholdFound | null {
    return this.cached(`hh:${number}`, () => householdFound(this.q.household.get(number) as HouseholdRow | undefined));
  }

  /**
   * Finds the households a batch names by 户号 that are not known yet, in one query, and keeps them as
   * household() keeps what it finds (a large preview names some 30,000 户号, each asked once).
   */
  findHouseholds(numbers: string[]): void {
    const wanted = [...new Set(numbers)].filter((n) => !this.cache.has(`hh:${n}`));
    if (!wanted.length) return;
    const rows = this.q.households.all(JSON.stringify(wanted)) as (HouseholdRow & { number: string })[];
    const found = new Map(rows.map((r) => [r.number, r]));
    for (const n of wanted) this.cache.set(`hh:${n}`, householdFound(found.get(n)));
  }

  /**
   * 小区 + 楼栋 + 单元 + 房号 → a house that exists. Nothing is invented: an unknown compound, building
   * or room is a problem for the row. Without a compound the building name must be unique.
   */
  place(compound: string, building: string, unit: string, room: string): PlaceResult {
    // Cached as typed first: a file spells a house the same way on each member's row, and normalising the
    // four parts cost more than the look-up (about 10 µs a row).
    return this.cached(`typed:${compound}|${building}|${unit}|${room}`, () => this.normalisedPlace(compound, building, unit, room));
  }

  private normalisedPlace(compound: string, building: string, unit: string, room: string): PlaceResult {
    const n = normalised(compound, building, unit, room);
    return this.cached(n.key, (): PlaceResult => {
      const found = this.building(compound, n.building, building);
      if (!found.ok) return found;
      return houseResult(found.building, n.unit, n.room, this.q.house.get(found.building.id, n.unit, n.room) as { id: string } | undefined);
    });
  }

  /**
   * Finds the places a batch's rows name (as place() is asked them) that are not known yet: their
   * buildings as place() finds them, and their houses in one query; each answer is kept as place() keeps
   * it. A large preview names some 30,000 houses in a few thousand buildings.
   */
  findPlaces(places: TypedPlace[]): void {
    const waiting = new Map<string, { typed: string[]; building: BuildingRow; unit: string; room: string }>();
    for (const p of places) {
      const typed = `typed:${p.compound}|${p.building}|${p.unit}|${p.room}`;
      if (this.cache.has(typed)) continue;
      const n = normalised(p.compound, p.building, p.unit, p.room);
      const w = waiting.get(n.key);
      if (w) w.typed.push(typed);
      else if (this.cache.has(n.key)) this.cache.set(typed, this.cache.get(n.key));
      else {
        const found = this.building(p.compound, n.building, p.building);
        if (found.ok) waiting.set(n.key, { typed: [typed], building: found.building, unit: n.unit, room: n.room });
        else {
          this.cache.set(n.key, found);
          this.cache.set(typed, found);
        }
      }
    }
    if (!waiting.size) return;
    const asked = [...waiting.values()].map((w) => [w.building.id, w.unit, w.room]);
    const rows = this.q.houses.all(JSON.stringify(asked)) as { id: string; building_id: string; unit: string; room: string }[];
    const houses = new Map(rows.map((h) => [JSON.stringify([h.building_id, h.unit, h.room]), h]));
    for (const [key, w] of waiting) {
      const result = houseResult(w.building, w.unit, w.room, houses.get(JSON.stringify([w.building.id, w.unit, w.room])));
      this.cache.set(key, result);
      for (const typed of w.typed) this.cache.set(typed, result);
    }
  }

  /** 小区 + 楼栋 → one building, cached: a file names the same few buildings on row after row. */
  private building(compound: string, name: string, typed: string): BuildingResult {
    return this.cached(`building:${compound}|${typed}`, (): BuildingResult => {
      let rows: BuildingRow[];
      if (compound) {
        const compoundId = (this.q.compoundByName.get(compound) as { id: string } | undefined)?.id ?? null;
        if (!compoundId) return { ok: false, code: 'import.unknown_compound', params: { compound } };
        rows = this.q.buildingInCompound.all(compoundId, name) as BuildingRow[];
      } else rows = this.q.buildingsNamed.all(name) as BuildingRow[];
      if (rows.length === 0) return { ok: false, code: 'import.unknown_building', params: { building: typed, compound } };
      if (rows.length > 1) return { ok: false, code: 'import.ambiguous_building', params: { building: typed } };
      return { ok: true, building: rows[0] };
    });
  }

  /** An existing compound's id by its exact name. */
  compoundId(name: string): string | null {
    return this.cached(`compound:${name}`, () => (this.q.compoundByName.get(name) as { id: string } | undefined)?.id ?? null);
  }

  /** A building of a compound by its normalised name (the compound may be one this import plans: then none). */
  buildingIn(compoundId: string, name: string): { id: string; grid_id: string } | null {
    return this.cached(`in:${compoundId}|${name}`, () => (this.q.buildingInCompound.get(compoundId, name) as BuildingRow | undefined) ?? null);
  }

  /** Whether a grid (archived or not) has this code. */
  gridCodeTaken(code: string): boolean {
    return this.q.gridCodeTaken.get(code) !== undefined;
  }

  /** At most two active grids' ids: enough to tell none, one and several apart. */
  activeGrids(): string[] {
    return this.cached('grids', () => (this.q.activeGrids.all() as { id: string }[]).map((r) => r.id));
  }

  residentByHash(hash: string): ResidentsTable | undefined {
    const ahead = this.ahead;
    // A copy, as a query of its own would give: two rows of a batch never share a stored person's object.
    if (ahead?.asked.has(hash)) {
      const found = ahead.found.get(hash);
      return found && { ...found };
    }
    return this.q.byHash.get(hash) as ResidentsTable | undefined;
  }

  /**
   * Finds the residents of a batch's look-up hashes in one query, for residentByHash to answer from until
   * the next batch (or forgetAhead). Per row, the 100,000 look-ups of a large preview cost its planning
   * thread about three times as much. Only where nothing is written between this and the rows' planning
   * that the plans would have to see (the preview: a write meanwhile makes the commit plan again).
   */
  findByHashes(hashes: string[]): void {
    const found = new Map<string, ResidentsTable>();
    if (hashes.length) for (const r of this.q.byHashes.all(JSON.stringify(hashes)) as ResidentsTable[]) if (r.id_hash) found.set(r.id_hash, r);
    this.ahead = { asked: new Set(hashes), found };
  }

  forgetAhead(): void {
    this.ahead = null;
  }

  /** People registered without a document number, matched by name and birth date. */
  residentsByNameBirth(name: string, birthDate: string): ResidentsTable[] {
    return this.q.byNameBirth.all(name, birthDate) as ResidentsTable[];
  }

  tagsOf(residentId: string): Set<string> {
    return new Set((this.q.tagsOf.all(residentId) as { tag_id: string }[]).map((r) => r.tag_id));
  }

  /** A stored house with its building, grid and address ("幸福小区3栋2单元501"). */
  house(houseId: string): PlaceFound | null {
    return this.cached(`house:${houseId}`, () => {
      const h = this.q.houseById.get(houseId) as
        { id: string; unit: string; room: string; building_id: string; grid_id: string; building_name: string; compound_name: string } | undefined;
      if (!h) return null;
      return {
        houseId: h.id,
        buildingId: h.building_id,
        gridId: h.grid_id,
        address: formatAddress({ compoundName: h.compound_name, buildingName: h.building_name, unit: h.unit, room: h.room }),
      };
    });
  }
}
