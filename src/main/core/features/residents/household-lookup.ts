import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { HouseholdSummary } from '../../../../shared/contract/residents';
import { toHalfWidth } from '../../../../shared/values/normalize';
import type { Database, HouseholdsTable } from '../../db/schema';
import type { HandlerMap } from '../../context';
import { inJsonList, jsonList, PREFIX_END } from '../../db/keyset';
import { queryShape, selectRows } from '../../db/query-shape';
import { placesByHouse } from './places/service';
import { namesOf } from './people/repository';

/**
 * Finding a household by its 户号 (household number), without knowing its house: for the pickers of
 * 迁入 / 变更户 / the resident form, and for Ctrl+K. Each look-up is one range of the number's unique
 * index (households.number UNIQUE) with a LIMIT.
 */

export type NumberMatch = 'exact' | 'prefix';

/**
 * The spellings of a typed number worth looking up: as typed, in half-width characters, and upper-cased
 * (numbers such as H-3-2-501 are often typed in lower case). Stored numbers are kept as they were entered.
 */
export function numberSpellings(typed: string): string[] {
  const trimmed = typed.trim();
  const half = toHalfWidth(trimmed).replace(/\s+/g, '');
  return [...new Set([trimmed, half, half.toUpperCase()])].filter((s) => s !== '');
}

/**
 * Households with this number ('exact'), or whose longer number starts with it ('prefix': the number itself
 * is left to 'exact'), in number order. archived null: both.
 */
export function householdsByNumberQuery(number: string, match: NumberMatch, archived: 0 | 1 | null, limit: number): RawBuilder<HouseholdsTable> {
  const range = match === 'exact' ? sql`number = ${number}` : sql`number > ${number} AND number < ${number + PREFIX_END}`;
  // Unary plus: archived filters the range read through the number's index, it never picks an index.
  const kept = archived === null ? sql`` : sql` AND +archived = ${archived}`;
  return sql<HouseholdsTable>`SELECT * FROM households WHERE ${range}${kept} ORDER BY number LIMIT ${limit}`;
}

/**
 * Households for a typed number: the exact matches first (any spelling), then the longer numbers that start
 * with it, in number order; at most `limit`, each once. `matches` says which of the two to look for.
 */
export async function findHouseholdRows(
  db: Kysely<Database>,
  typed: string,
  opts: { limit: number; archived: 0 | 1 | null; matches: readonly NumberMatch[] },
): Promise<{ row: HouseholdsTable; match: NumberMatch }[]> {
  const spellings = numberSpellings(typed);
  const found = new Map<string, { row: HouseholdsTable; match: NumberMatch }>();
  if (opts.matches.includes('exact')) {
    for (const s of spellings)
      for (const row of await selectRows(db, householdsByNumberQuery(s, 'exact', opts.archived, opts.limit))) found.set(row.id, { row, match: 'exact' });
  }
  if (opts.matches.includes('prefix') && found.size < opts.limit) {
    const starting: HouseholdsTable[] = [];
    for (const s of spellings) starting.push(...(await selectRows(db, householdsByNumberQuery(s, 'prefix', opts.archived, opts.limit))));
    starting.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
    for (const row of starting) if (!found.has(row.id)) found.set(row.id, { row, match: 'prefix' });
  }
  return [...found.values()].slice(0, opts.limit);
}

/** Present members per household, through residents_household: one query for a set of households, compiled once. */
const presentMembersShape = queryShape<{ ids: string }, { household_id: string | null; n: number }>(['ids'], (db, v) =>
  db
    .selectFrom('residents')
    .select(['household_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('household_id', 'in', inJsonList<string>(v.ids))
    .where(sql<number>`+archived`, '=', 0)
    .groupBy('household_id'),
);

export async function presentMembersOf(db: Kysely<Database>, householdIds: readonly string[]): Promise<Map<string, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await presentMembersShape.execute(db, { ids: jsonList(householdIds) });
  return new Map(rows.map((r) => [r.household_id!, Number(r.n)]));
}

/** Rows → what a picker or a search hit shows: addresses, heads and member counts in three set-based queries. */
export async function toHouseholdSummaries(db: Kysely<Database>, rows: readonly HouseholdsTable[]): Promise<HouseholdSummary[]> {
  if (rows.length === 0) return [];
  const [places, heads, members] = await Promise.all([
    placesByHouse(
      db,
      rows.map((r) => r.house_id),
    ),
    namesOf(
      db,
      rows.map((r) => r.head_resident_id),
    ),
    presentMembersOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const place = r.house_id ? places.get(r.house_id) : undefined;
    return {
      id: r.id,
      number: r.number,
      houseId: r.house_id,
      buildingId: place?.buildingId ?? null,
      address: place?.address ?? '',
      headName: r.head_resident_id ? (heads.get(r.head_resident_id) ?? null) : null,
      members: members.get(r.id) ?? 0,
      archived: r.archived === 1,
    };
  });
}

export const householdLookupHandlers: HandlerMap<'residents.findHousehold'> = {
  async 'residents.findHousehold'(input, ctx) {
    const found = await findHouseholdRows(ctx.db, input.number, {
      limit: input.limit,
      archived: input.includeArchived ? null : 0,
      matches: ['exact', 'prefix'],
    });
    return toHouseholdSummaries(
      ctx.db,
      found.map((f) => f.row),
    );
  },
};
