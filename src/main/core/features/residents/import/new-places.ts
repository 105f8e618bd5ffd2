import type { NewPlaces } from '../../../../../shared/contract/residents/imports';
import { newId } from '../../../util/ids';
import { buildingLabel, formatAddress, houseAddressKey, normaliseBuildingName, normaliseRoom, normaliseUnit } from '../address';
import type { PlaceFound, PlaceResult, RegistryLookups } from './lookups';

/**
 * The places an import creates: the compounds, grids, buildings and rooms its rows name that the registry
 * does not have. Plain data by id (a Map clones into the commit's worker thread), planned by the preview
 * and written by the commit, in its transaction, when the first row placed in one is written
 * (write-rows.ts ensurePlace). A commit that plans again starts from the preview's, so the ids stay.
 */
export interface PlannedPlaces {
  /** The code is the name, or the name with a number where an (archived) grid has that code already. */
  grids: Map<string, { name: string; code: string }>;
  compounds: Map<string, { name: string }>;
  /** gridId null: no grid could be chosen (rows placed here are refused with import.grid_needed). */
  buildings: Map<string, { compoundId: string; compoundName: string; name: string; gridId: string | null; floors: number }>;
  houses: Map<string, { buildingId: string; unit: string; room: string; floor: number; addressKey: string; address: string }>;
}

export function noPlannedPlaces(): PlannedPlaces {
  return { grids: new Map(), compounds: new Map(), buildings: new Map(), houses: new Map() };
}

/** The grid a new building goes into when the file names none and the registry has none: renamed later in 地址管理. */
export const DEFAULT_GRID_NAME = '未分网格';

/** A room's floor from its number as people write them: 301 → 3, 1203 → 12, 12 → 1. */
export function floorOfRoom(room: string): number {
  const digits = /^(\d+)/.exec(room)?.[1];
  if (!digits || digits.length < 3) return 1;
  const floor = Number(digits.slice(0, -2));
  return floor >= 1 && floor <= 200 ? floor : 1;
}

/**
 * Finds a row's place as lookups.ts does, and where the registry lacks it, plans it: the compound (by the
 * file's spelling, or the existing one it is mapped to), the building in the row's grid (else the only
 * grid there is, else a new 未分网格 when there is none), and the room. Planned places are listed for
 * the preview either way; they are used (the row placed there) only when `create` is on, otherwise the
 * row keeps the problem that says the place is unknown.
 */
export class PlacePlanner {
  private readonly compoundByName = new Map<string, string>();
  private readonly gridByName = new Map<string, string>();
  private readonly buildingByKey = new Map<string, string>();
  private readonly houseByKey = new Map<string, string>();
  private readonly cache = new Map<string, PlaceResult>();
  private defaultGrid: string | null | undefined;

  constructor(
    private readonly lookups: RegistryLookups,
    readonly planned: PlannedPlaces,
    readonly create: boolean,
    private readonly aliases: Record<string, string>,
  ) {
    for (const [id, g] of planned.grids) this.gridByName.set(g.name, id);
    for (const [id, c] of planned.compounds) this.compoundByName.set(c.name, id);
    for (const [id, b] of planned.buildings) this.buildingByKey.set(`${b.compoundId}|${b.name}`, id);
    for (const [id, h] of planned.houses) this.houseByKey.set(`${h.buildingId}|${h.unit}|${h.room}`, id);
  }

  /** A grid by name or code: an existing one, else (creating) one planned; null when unknown and not creating. */
  grid(name: string): string | null {
    const found = this.lookups.grid(name);
    if (found) return found;
    let id = this.gridByName.get(name);
    if (!id) {
      id = newId();
      this.gridByName.set(name, id);
      this.planned.grids.set(id, { name, code: this.freeGridCode(name) });
    }
    return this.create ? id : null;
  }

  private freeGridCode(name: string): string {
    const planned = new Set([...this.planned.grids.values()].map((g) => g.code));
    let code = name;
    for (let n = 2; this.lookups.gridCodeTaken(code) || planned.has(code); n++) code = `${name}-${n}`;
    return code;
  }

  /** The file's compound spelling as the registry has it (a mapped spelling, or as written). */
  compoundName(typed: string): string {
    return this.aliases[typed] ?? typed;
  }

  place(typedCompound: string, building: string, unit: string, room: string, gridId: string | null): PlaceResult {
    const compound = this.compoundName(typedCompound);
    const key = `${compound}|${building}|${unit}|${room}|${gridId ?? ''}`;
    let r = this.cache.get(key);
    if (!r) this.cache.set(key, (r = this.resolve(compound, building, unit, room, gridId)));
    return r;
  }

  private resolve(compound: string, building: string, unit: string, room: string, gridId: string | null): PlaceResult {
    const found = this.lookups.place(compound, building, unit, room);
    if (found.ok || found.code === 'import.ambiguous_building') return found;
    // A building named without its compound cannot be created: which compound would it be in?
    if (!compound) return found;
    const planned = this.plan(compound, building, unit, room, gridId);
    if (!this.create) return found;
    if (!planned) return { ok: false, code: 'import.grid_needed', params: { building: `${compound}${buildingLabel(normaliseBuildingName(building))}` } };
    return { ok: true, place: planned };
  }

  /** Plans what is missing of compound → building → room; null when the building would have no grid. */
  private plan(compound: string, typedBuilding: string, typedUnit: string, typedRoom: string, gridId: string | null): PlaceFound | null {
    const name = normaliseBuildingName(typedBuilding);
    const unit = normaliseUnit(typedUnit);
    const room = normaliseRoom(typedRoom);
    const compoundId = this.lookups.compoundId(compound) ?? this.plannedCompound(compound);
    const existing = this.lookups.buildingIn(compoundId, name);
    let buildingId = existing?.id ?? this.buildingByKey.get(`${compoundId}|${name}`);
    let buildingGrid = existing?.grid_id ?? (buildingId ? this.planned.buildings.get(buildingId)!.gridId : null);
    if (!buildingId) {
      buildingId = newId();
      buildingGrid = gridId ?? this.gridForNewBuilding();
      this.buildingByKey.set(`${compoundId}|${name}`, buildingId);
      this.planned.buildings.set(buildingId, { compoundId, compoundName: compound, name, gridId: buildingGrid, floors: 1 });
    }
    const address = formatAddress({ compoundName: compound, buildingName: name, unit, room });
    const houseKey = `${buildingId}|${unit}|${room}`;
    let houseId = this.houseByKey.get(houseKey);
    if (!houseId) {
      houseId = newId();
      const floor = floorOfRoom(room);
      this.houseByKey.set(houseKey, houseId);
      this.planned.houses.set(houseId, { buildingId, unit, room, floor, addressKey: houseAddressKey(name, unit, room), address });
      const b = this.planned.buildings.get(buildingId);
      if (b && floor > b.floors) b.floors = floor;
    }
    if (!buildingGrid) return null;
    return { houseId, buildingId, gridId: buildingGrid, address };
  }

  private plannedCompound(name: string): string {
    let id = this.compoundByName.get(name);
    if (!id) {
      id = newId();
      this.compoundByName.set(name, id);
      this.planned.compounds.set(id, { name });
    }
    return id;
  }

  /** The only grid there is; a new 未分网格 when there is none; null (the row must name one) when there are several. */
  private gridForNewBuilding(): string | null {
    if (this.defaultGrid !== undefined) return this.defaultGrid;
    const grids = this.lookups.activeGrids();
    if (grids.length === 1) this.defaultGrid = grids[0];
    else if (grids.length === 0) {
      const planned = this.gridByName.get(DEFAULT_GRID_NAME);
      this.defaultGrid = planned ?? this.lookups.grid(DEFAULT_GRID_NAME) ?? newId();
      if (!planned && !this.lookups.grid(DEFAULT_GRID_NAME)) {
        this.gridByName.set(DEFAULT_GRID_NAME, this.defaultGrid);
        this.planned.grids.set(this.defaultGrid, { name: DEFAULT_GRID_NAME, code: this.freeGridCode(DEFAULT_GRID_NAME) });
      }
    } else this.defaultGrid = null;
    return this.defaultGrid;
  }
}

const LISTED_HOUSES = 200;

/**
 * What the preview lists of the planned places: only those some row would be placed in (a building
 * planned for a row with other problems counts too: the clerk sees every place the file names).
 */
export function newPlacesSummary(planned: PlannedPlaces): NewPlaces {
  const houses = [...planned.houses.values()].map((h) => h.address);
  return {
    grids: [...planned.grids.values()].map((g) => g.name),
    compounds: [...planned.compounds.values()].map((c) => c.name),
    buildings: [...planned.buildings.values()].map((b) => `${b.compoundName}${buildingLabel(b.name)}`),
    houses: houses.slice(0, LISTED_HOUSES),
    houseCount: houses.length,
  };
}
