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
  | { ok: false; code: 'import.unknown_compound' | 'import.unknown_building' | 'import.ambiguous_building' | 'import.unknown_house'; params: Record<string, string> };

/**
 * What an import row needs to know about the registry, through prepared statements on the open
 * connection (inside the import's transaction at commit, so what it sees is what it writes over).
 * Places, grids, tags and households are few and asked for again and again: they are cached.
 */
export class RegistryLookups {
  private readonly q;
  private readonly cache = new Map<string, unknown>();

  constructor(sqlite: SqliteDatabase.Database) {
    this.q = {
      gridByName: sqlite.prepare('SELECT id FROM grids WHERE (name = ? OR code = ?) AND archived = 0'),
      compoundByName: sqlite.prepare('SELECT id, name FROM compounds WHERE name = ?'),
      buildings: sqlite.prepare('SELECT b.id, b.grid_id, b.name, c.name AS compound_name FROM buildings b JOIN compounds c ON c.id = b.compound_id WHERE b.name = ? AND (? IS NULL OR b.compound_id = ?)'),
      house: sqlite.prepare('SELECT id FROM houses WHERE building_id = ? AND unit = ? AND room = ?'),
      household: sqlite.prepare('SELECT id, house_id, head_resident_id FROM households WHERE number = ?'),
      tag: sqlite.prepare('SELECT id, name FROM tags WHERE name = ?'),
      byHash: sqlite.prepare('SELECT * FROM residents WHERE id_hash = ?'),
      byNameBirth: sqlite.prepare('SELECT * FROM residents WHERE name = ? AND birth_date = ? AND id_hash IS NULL LIMIT 2'),
      tagsOf: sqlite.prepare('SELECT tag_id FROM resident_tags WHERE resident_id = ?'),
      houseById: sqlite.prepare('SELECT h.id, h.unit, h.room, h.building_id, b.grid_id, b.name AS building_name, c.name AS compound_name FROM houses h JOIN buildings b ON b.id = h.building_id JOIN compounds c ON c.id = b.compound_id WHERE h.id = ?'),
    };
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
    return this.cached(`hh:${number}`, () => {
      const r = this.q.household.get(number) as { id: string; house_id: string | null; head_resident_id: string | null } | undefined;
      return r ? { id: r.id, houseId: r.house_id, headResidentId: r.head_resident_id } : null;
    });
  }

  /**
   * 小区 + 楼栋 + 单元 + 房号 → a house that exists. Nothing is invented: an unknown compound, building
   * or room is a problem for the row. Without a compound the building name must be unique.
   */
  place(compound: string, building: string, unit: string, room: string): PlaceResult {
    const b = normaliseBuildingName(building);
    const u = normaliseUnit(unit);
    const r = normaliseRoom(room);
    return this.cached(`place:${compound}|${b}|${u}|${r}`, (): PlaceResult => {
      let compoundId: string | null = null;
      if (compound) {
        compoundId = (this.q.compoundByName.get(compound) as { id: string } | undefined)?.id ?? null;
        if (!compoundId) return { ok: false, code: 'import.unknown_compound', params: { compound } };
      }
      const buildings = this.q.buildings.all(b, compoundId, compoundId) as { id: string; grid_id: string; name: string; compound_name: string }[];
      if (buildings.length === 0) return { ok: false, code: 'import.unknown_building', params: { building, compound } };
      if (buildings.length > 1) return { ok: false, code: 'import.ambiguous_building', params: { building } };
      const bl = buildings[0];
      const address = formatAddress({ compoundName: bl.compound_name, buildingName: bl.name, unit: u, room: r });
      const house = this.q.house.get(bl.id, u, r) as { id: string } | undefined;
      if (!house) return { ok: false, code: 'import.unknown_house', params: { address } };
      return { ok: true, place: { houseId: house.id, buildingId: bl.id, gridId: bl.grid_id, address } };
    });
  }

  residentByHash(hash: string): ResidentsTable | undefined {
    return this.q.byHash.get(hash) as ResidentsTable | undefined;
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
      const h = this.q.houseById.get(houseId) as { id: string; unit: string; room: string; building_id: string; grid_id: string; building_name: string; compound_name: string } | undefined;
      if (!h) return null;
      return { houseId: h.id, buildingId: h.building_id, gridId: h.grid_id, address: formatAddress({ compoundName: h.compound_name, buildingName: h.building_name, unit: h.unit, room: h.room }) };
    });
  }
}
