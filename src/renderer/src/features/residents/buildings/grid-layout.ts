import type { BuildingCell, BuildingView } from '@shared/contract/residents';

export interface UnitColumns {
  unit: string;
  /** How many room columns this unit needs: its busiest floor. */
  width: number;
}

export interface GridLayout {
  units: UnitColumns[];
  /** Top floor first, as the building stands. */
  floors: number[];
  /** cells[floor][unit] = that floor's rooms of that unit, in room order. */
  at: (floor: number, unit: string) => BuildingCell[];
}

const byRoom = (a: BuildingCell, b: BuildingCell) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true });

export function layoutOf(view: BuildingView): GridLayout {
  const index = new Map<string, BuildingCell[]>();
  for (const c of view.cells) {
    const key = `${c.floor}|${c.unit}`;
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  for (const list of index.values()) list.sort(byRoom);
  const unitNames = view.units.length ? view.units : [...new Set(view.cells.map((c) => c.unit))];
  const floorSet = new Set([...view.floors, ...view.cells.map((c) => c.floor)]);
  const floors = [...floorSet].sort((a, b) => b - a);
  const units = unitNames.map((unit) => ({ unit, width: Math.max(1, ...floors.map((f) => index.get(`${f}|${unit}`)?.length ?? 0)) }));
  return { units, floors, at: (floor, unit) => index.get(`${floor}|${unit}`) ?? [] };
}
