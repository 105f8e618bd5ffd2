import { toHalfWidth } from '../../../../shared/values/normalize';

/**
 * Addresses as people say and write them: 幸福小区3栋2单元501, 3-2-501, 3幢2单元501室. A building's name
 * is the number people say ("3"); a unit is "无" where the building has none (DOMAIN.md §8).
 */

const ALNUM = /^[0-9A-Za-z]+$/;

/** "3栋", "3幢", "3号楼", "3座" → "3"; other names ("综合楼") stay as they are. */
export function normaliseBuildingName(name: string): string {
  const s = toHalfWidth(name).trim();
  const m = /^([0-9A-Za-z]+)(?:栋|幢|号楼|座|号)$/.exec(s);
  return m ? m[1] : s;
}

/** "2单元" → "2"; empty → "无". */
export function normaliseUnit(unit: string): string {
  const s = toHalfWidth(unit).trim();
  if (!s) return '无';
  const m = /^([0-9A-Za-z]+)单元$/.exec(s);
  return m ? m[1] : s;
}

/** "501室", "501号" → "501". */
export function normaliseRoom(room: string): string {
  const s = toHalfWidth(room).trim();
  const m = /^([0-9A-Za-z-]+)(?:室|号)$/.exec(s);
  return m ? m[1] : s;
}

/** "3" → "3栋"; a name that is not a number is shown as it is. */
export function buildingLabel(name: string): string {
  return ALNUM.test(name) ? `${name}栋` : name;
}

/** "幸福小区3栋2单元501"; a unit "无" is left out: "幸福小区3栋501". */
export function formatAddress(p: { compoundName: string; buildingName: string; unit: string; room: string }): string {
  return `${p.compoundName}${buildingLabel(p.buildingName)}${p.unit && p.unit !== '无' ? `${p.unit}单元` : ''}${p.room}`;
}

/**
 * The key stored in houses.address_key (index houses_address_key) and searched by: building-unit-room
 * with the normalised parts, e.g. "3-2-501", "3-无-501". Anyone who writes houses must fill it with this.
 */
export function houseAddressKey(buildingName: string, unit: string, room: string): string {
  return `${normaliseBuildingName(buildingName)}-${normaliseUnit(unit)}-${normaliseRoom(room)}`;
}

export interface AddressQuery {
  /** A compound name prefix typed before the building ("幸福小区"), if any. */
  compound: string | null;
  building: string;
  /** null: any unit (3栋501 finds 3栋无单元501 and 3栋2单元501). */
  unit: string | null;
  room: string;
}

const WRITTEN = /^(.*?)([0-9A-Za-z]+)(?:栋|幢|号楼|座)(?:([0-9A-Za-z]+)单元)?-?([0-9A-Za-z]+)(?:室|号)?$/;
const DASHED3 = /^([0-9A-Za-z]+)-([0-9A-Za-z]+)-([0-9A-Za-z]+)$/;
const DASHED2 = /^([0-9A-Za-z]+)-([0-9A-Za-z]+)$/;

/** Reads an address typed into the search box; null if the text is not one. */
export function parseAddressQuery(raw: string): AddressQuery | null {
  const q = toHalfWidth(raw).replace(/\s+/g, '');
  let m = WRITTEN.exec(q);
  if (m) return { compound: m[1] || null, building: m[2], unit: m[3] ?? null, room: m[4] };
  m = DASHED3.exec(q);
  if (m && /\d/.test(m[3])) return { compound: null, building: m[1], unit: m[2], room: m[3] };
  m = DASHED2.exec(q);
  if (m && /\d/.test(m[2])) return { compound: null, building: m[1], unit: null, room: m[2] };
  return null;
}
