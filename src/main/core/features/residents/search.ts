import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { HouseholdHit, ResidentHit, SearchHit } from '../../../../shared/contract/residents';
import { convert15to18 } from '../../../../shared/values/id-number';
import { parsePhone } from '../../../../shared/values/phone';
import { toHalfWidth } from '../../../../shared/values/normalize';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { Database, HouseholdsTable, ResidentsTable } from '../../db/schema';
import type { HandlerMap } from '../../context';
import { houseAddressKey, parseAddressQuery, type AddressQuery } from './address';
import { PREFIX_END } from '../../db/keyset';
import { selectRows } from '../../db/query-shape';
import { findHouseholdRows, toHouseholdSummaries } from './household-lookup';
import { placesByHouse } from './places/service';
import { idLookupHash } from './prepare';

/**
 * Ctrl+K. The text decides which look-ups run; each is one index range with a LIMIT:
 *   Chinese text      → name prefix                       (residents_name_birth)
 *   Latin letters     → initials and full pinyin prefixes (residents_initials, residents_archived_pinyin)
 *   18 / 15 digits    → the ID number's keyed hash        (id_hash)
 *   4–6 ID characters → reversed tail prefix              (residents_id_tail)
 *   4 digits          → also the phone's last four        (residents_phone_last4)
 *   a whole phone     → its last four, then each candidate's phone decrypted and compared (residents_phone_last4)
 *   3栋2单元501, 3-2-501 → houses by address key or room   (houses_address_key, houses_room), then residents_house
 *   any text          → a household with exactly that 户号 (the unique index on households.number)
 *   text with a digit → also households whose 户号 starts with it, after every resident hit (the same index)
 * Present residents and households come first; archived ones fill what room is left.
 */

export type ResidentMatchKind = 'id' | 'phone' | 'address' | 'name' | 'initials' | 'pinyin' | 'id_suffix' | 'phone_suffix';
export type MatchKind = ResidentMatchKind | 'household' | 'household_prefix';

/**
 * The order hits are listed in: the exact look-ups first (a whole 户号 is as exact as a whole ID number),
 * a number's beginning last.
 */
const rank: MatchKind[] = ['id', 'phone', 'household', 'address', 'name', 'initials', 'pinyin', 'id_suffix', 'phone_suffix', 'household_prefix'];

const householdKinds: readonly MatchKind[] = ['household', 'household_prefix'];

const CJK_NAME = /^[\p{Script=Han}·•]+$/u;

export function classify(raw: string): { kind: MatchKind; value: string; address?: AddressQuery }[] {
  const q = toHalfWidth(raw).replace(/\s+/g, '');
  const out: { kind: MatchKind; value: string; address?: AddressQuery }[] = [];
  const address = parseAddressQuery(q);
  if (address) out.push({ kind: 'address', value: q, address });
  else if (CJK_NAME.test(q)) out.push({ kind: 'name', value: q });
  if (/^[A-Za-z]+$/.test(q)) {
    out.push({ kind: 'initials', value: q.toLowerCase() });
    out.push({ kind: 'pinyin', value: q.toLowerCase() });
  }
  if (/^\d{17}[\dXx]$/.test(q)) out.push({ kind: 'id', value: q.toUpperCase() });
  else if (/^\d{15}$/.test(q)) out.push({ kind: 'id', value: convert15to18(q) });
  else if (/^\d{3,5}[\dXx]$/.test(q)) out.push({ kind: 'id_suffix', value: [...q.toUpperCase()].reverse().join('') });
  if (/^\d{4}$/.test(q)) out.push({ kind: 'phone_suffix', value: q });
  // A whole mobile or landline number, as stored (13812345678, 010-12345678): compared in clear after a
  // look-up by its last four digits, the phone being encrypted.
  else if (/^[\d()+-]{7,}$/.test(q) && !out.some((l) => l.kind === 'id')) {
    const phone = parsePhone(q);
    if (phone.ok) out.push({ kind: 'phone', value: phone.value.number });
  }
  if (q.length <= 30) {
    out.push({ kind: 'household', value: q });
    if (/\d/.test(q)) out.push({ kind: 'household_prefix', value: q });
  }
  return out.sort((a, b) => rank.indexOf(a.kind) - rank.indexOf(b.kind));
}

/** Houses at a typed address (at most 50): by the address key when the unit is given, else by room and building. */
export function addressHousesQuery(a: AddressQuery): RawBuilder<{ id: string }> {
  const compound = a.compound ? sql` AND c.name >= ${a.compound} AND c.name < ${a.compound + PREFIX_END}` : sql``;
  if (a.unit !== null) {
    return sql<{ id: string }>`SELECT h.id FROM houses h JOIN buildings b ON b.id = h.building_id JOIN compounds c ON c.id = b.compound_id
      WHERE h.address_key = ${houseAddressKey(a.building, a.unit, a.room)}${compound} LIMIT 50`;
  }
  return sql<{ id: string }>`SELECT h.id FROM houses h JOIN buildings b ON b.id = h.building_id JOIN compounds c ON c.id = b.compound_id
    WHERE h.room = ${a.room} AND b.name = ${a.building}${compound} LIMIT 50`;
}

/** The query for one resident look-up (address: given the houses found). */
export function residentsQuery(
  kind: ResidentMatchKind,
  value: string,
  archived: 0 | 1,
  limit: number,
  ctx: { secrets: FieldCipher; houseIds?: string[] },
): RawBuilder<ResidentsTable> {
  const end = value + PREFIX_END;
  switch (kind) {
    case 'name':
      return sql`SELECT * FROM residents WHERE name >= ${value} AND name < ${end} AND +archived = ${archived} ORDER BY name, birth_date LIMIT ${limit}`;
    case 'initials':
      return sql`SELECT * FROM residents WHERE name_initials >= ${value} AND name_initials < ${end} AND +archived = ${archived} ORDER BY name_initials, rowid LIMIT ${limit}`;
    case 'pinyin':
      return sql`SELECT * FROM residents WHERE archived = ${archived} AND name_pinyin >= ${value} AND name_pinyin < ${end} ORDER BY name_pinyin, name, rowid LIMIT ${limit}`;
    case 'id':
      return sql`SELECT * FROM residents WHERE id_hash = ${idLookupHash(ctx.secrets, '居民身份证', value)} AND +archived = ${archived}`;
    case 'id_suffix':
      return sql`SELECT * FROM residents WHERE id_tail_rev >= ${value} AND id_tail_rev < ${end} AND +archived = ${archived} LIMIT ${limit}`;
    case 'phone_suffix':
      return sql`SELECT * FROM residents WHERE phone_last4 = ${value} AND +archived = ${archived} LIMIT ${limit}`;
    case 'phone':
      // Every resident with these last four digits (about one in ten thousand): the caller decrypts and compares.
      return sql`SELECT * FROM residents WHERE phone_last4 = ${value.replace(/\D/g, '').slice(-4)} AND +archived = ${archived} AND phone_cipher IS NOT NULL`;
    case 'address':
      return sql`SELECT * FROM residents WHERE house_id IN (SELECT value FROM json_each(${JSON.stringify(ctx.houseIds ?? [])})) AND +archived = ${archived} LIMIT ${limit}`;
  }
}

/** Whether a stored (encrypted) phone is this number; a value that no longer decrypts is no match. */
function samePhone(secrets: FieldCipher, cipher: string | null, number: string): boolean {
  if (!cipher) return false;
  try {
    return secrets.decrypt(cipher) === number;
  } catch {
    return false;
  }
}

type Found = { kind: MatchKind; resident: ResidentsTable } | { kind: MatchKind; household: HouseholdsTable };

/** Ctrl+K over the registry: residents and households, each found once, in the order of `rank`. */
export async function searchRegistry(db: Kysely<Database>, secrets: FieldCipher, q: string, limit: number, includeArchived: boolean): Promise<SearchHit[]> {
  const lookups = classify(q);
  const houseIds = new Map<AddressQuery, string[]>();
  for (const l of lookups)
    if (l.address)
      houseIds.set(
        l.address,
        (await selectRows(db, addressHousesQuery(l.address))).map((r) => r.id),
      );
  // Keyed by type and id: a resident and a household never share a key.
  const found = new Map<string, Found>();
  for (const archived of includeArchived ? ([0, 1] as const) : ([0] as const)) {
    for (const l of lookups) {
      const room = limit - found.size;
      if (room <= 0) break;
      if (householdKinds.includes(l.kind)) {
        const households = await findHouseholdRows(db, l.value, { limit: room, archived, matches: [l.kind === 'household' ? 'exact' : 'prefix'] });
        for (const { row } of households) if (!found.has(`h:${row.id}`)) found.set(`h:${row.id}`, { kind: l.kind, household: row });
        continue;
      }
      if (l.address && houseIds.get(l.address)!.length === 0) continue;
      let rows = await selectRows(
        db,
        residentsQuery(l.kind as ResidentMatchKind, l.value, archived, room, { secrets, houseIds: l.address && houseIds.get(l.address) }),
      );
      if (l.kind === 'phone') rows = rows.filter((r) => samePhone(secrets, r.phone_cipher, l.value)).slice(0, room);
      if (l.kind === 'address') rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
      for (const row of rows) if (!found.has(`r:${row.id}`)) found.set(`r:${row.id}`, { kind: l.kind, resident: row });
    }
  }
  const hits = [...found.values()].slice(0, limit);
  const [residents, households] = await Promise.all([residentHits(db, hits), householdHits(db, hits)]);
  return hits.map((h) => ('resident' in h ? residents.get(h.resident.id)! : households.get(h.household.id)!));
}

async function residentHits(db: Kysely<Database>, hits: Found[]): Promise<Map<string, ResidentHit>> {
  const rows = hits.flatMap((h) => ('resident' in h ? [{ row: h.resident, kind: h.kind }] : []));
  const places = await placesByHouse(
    db,
    rows.map((h) => h.row.house_id),
  );
  return new Map(
    rows.map(({ row, kind }) => [
      row.id,
      {
        type: 'resident',
        id: row.id,
        name: row.name,
        idMasked: row.id_masked,
        phoneMasked: row.phone_masked,
        address: (row.house_id && places.get(row.house_id)?.address) || '',
        archived: row.archived === 1,
        matchedBy: kind,
      },
    ]),
  );
}

async function householdHits(db: Kysely<Database>, hits: Found[]): Promise<Map<string, HouseholdHit>> {
  const found = hits.flatMap((h) => ('household' in h ? [h] : []));
  const summaries = await toHouseholdSummaries(
    db,
    found.map((h) => h.household),
  );
  return new Map(summaries.map((s, i) => [s.id, { ...s, type: 'household', matchedBy: found[i].kind === 'household' ? 'household' : 'household_prefix' }]));
}

export const searchHandlers: HandlerMap<'residents.search'> = {
  async 'residents.search'(input, ctx) {
    return searchRegistry(ctx.db, ctx.secrets, input.q, input.limit, input.includeArchived);
  },
};
