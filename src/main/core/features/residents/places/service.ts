import type { Kysely } from 'kysely';
import type { Building, BuildingCell, BuildingView, Compound, Grid, House } from '../../../../../shared/contract/residents';
import type { CompoundsTable, Database, GridsTable, HousesTable } from '../../../db/schema';
import { buildingLabel, formatAddress } from '../address';
import { householdsOfBuilding, housesOfBuilding, occupantsOfBuilding, placesOfHouses, type BuildingRow } from './repository';

export function toGrid(row: GridsTable, buildingCount: number): Grid {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    workerUserId: row.worker_user_id,
    workerName: row.worker_name,
    workerPhone: row.worker_phone,
    complaintPhone: row.complaint_phone,
    buildingCount,
  };
}

export function toCompound(row: CompoundsTable): Compound {
  return { id: row.id, name: row.name };
}

export function toBuilding(row: BuildingRow): Building {
  return {
    id: row.id,
    name: row.name,
    label: `${row.compound_name} ${buildingLabel(row.name)}`,
    compoundId: row.compound_id,
    compoundName: row.compound_name,
    gridId: row.grid_id,
    gridName: row.grid_name,
    floors: row.floors,
  };
}

export function toHouse(row: HousesTable, building: { compound_name: string; name: string }): House {
  return {
    id: row.id,
    buildingId: row.building_id,
    unit: row.unit,
    floor: row.floor,
    room: row.room,
    address: formatAddress({ compoundName: building.compound_name, buildingName: building.name, unit: row.unit, room: row.room }),
    use: row.use as House['use'],
    ownerName: row.owner_name,
    landlordName: row.landlord_name,
    leaseStart: row.lease_start,
    leaseEnd: row.lease_end,
    rentalRegistrationNo: row.rental_registration_no,
  };
}

export interface HousePlace {
  address: string;
  buildingId: string;
  gridId: string;
  gridName: string;
  workerName: string;
}

/** Addresses (and grids) of a set of houses, in one query (a house named twice is read once: IN reads its list as a set). */
export async function placesByHouse(db: Kysely<Database>, houseIds: Iterable<string | null>): Promise<Map<string, HousePlace>> {
  const ids: string[] = [];
  for (const id of houseIds) if (id) ids.push(id);
  const out = new Map<string, HousePlace>();
  if (ids.length === 0) return out;
  for (const r of await placesOfHouses(db, ids)) {
    out.set(r.id, {
      address: formatAddress({ compoundName: r.compound_name, buildingName: r.building_name, unit: r.unit, room: r.room }),
      buildingId: r.building_id,
      gridId: r.grid_id,
      gridName: r.grid_name,
      workerName: r.worker_name,
    });
  }
  return out;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });

/**
 * The 楼盘表: units across, floors down (top floor first), one cell per room. Rented beats occupied;
 * a business use is shown as such; a room registered 空置 with people living in it is drawn occupied
 * and flagged; an overdue visit is flagged on top of any state.
 */
export async function buildingView(db: Kysely<Database>, building: BuildingRow, today: string): Promise<BuildingView> {
  const [houses, occupants, households] = await Promise.all([
    housesOfBuilding(db, building.id),
    occupantsOfBuilding(db, building.id),
    householdsOfBuilding(db, building.id),
  ]);
  const living = new Map(occupants.map((o) => [o.house_id, Number(o.n)]));
  const byHouse = new Map<string, { ids: string[]; overdue: boolean }>();
  for (const h of households) {
    const entry = byHouse.get(h.house_id!) ?? { ids: [], overdue: false };
    entry.ids.push(h.id);
    if (h.next_visit_due !== null && h.next_visit_due < today) entry.overdue = true;
    byHouse.set(h.house_id!, entry);
  }
  const cells: BuildingCell[] = houses.map((h) => {
    const n = living.get(h.id) ?? 0;
    const hh = byHouse.get(h.id);
    return {
      houseId: h.id,
      unit: h.unit,
      floor: h.floor,
      room: h.room,
      use: h.use as House['use'],
      occupants: n,
      householdIds: hh?.ids ?? [],
      state: cellState(h.use, n),
      vacantButOccupied: h.use === '空置' && n > 0,
      visitOverdue: hh?.overdue ?? false,
    };
  });
  cells.sort((a, b) => byNumber(a.unit, b.unit) || b.floor - a.floor || byNumber(a.room, b.room));
  const floors = new Set<number>(cells.map((c) => c.floor));
  for (let f = 1; f <= building.floors; f++) floors.add(f);
  return {
    building: toBuilding(building),
    units: [...new Set(cells.map((c) => c.unit))].sort(byNumber),
    floors: [...floors].sort((a, b) => b - a),
    cells,
  };
}

/**
 * The colour follows who lives there before what was registered: a room registered 空置 that has
 * residents is occupied (the registration is what is out of date, and the grid worker should see people).
 */
export function cellState(use: string, occupants: number): BuildingCell['state'] {
  if (use === '出租') return 'rented';
  if (use === '商用') return 'business';
  return occupants > 0 ? 'occupied' : 'vacant';
}
