import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DueHousehold } from '../../../../../shared/contract/residents';
import type { Database, HouseholdsTable } from '../../../db/schema';
import { addDays, daysBetween } from '../../../time/calendar';
import { compareKeyset, type Keyset } from '../../../db/keyset';
import { placesByHouse } from '../places/service';
import { namesOf } from '../people/repository';
import { intervalsOf } from './policy';

export interface DueFilter {
  /** null: every grid; otherwise the households in houses of these grids. */
  gridIds: string[] | null;
  overdueOnly: boolean;
  withinDays: number;
}

function dueBound(f: DueFilter, today: string, residual: boolean): RawBuilder<unknown> {
  const col = sql.raw(residual ? '+h.next_visit_due' : 'next_visit_due');
  return f.overdueOnly ? sql`${col} < ${today}` : sql`${col} <= ${addDays(today, f.withinDays)}`;
}

/**
 * Every household's due list: one range of households_due (archived, next_visit_due, id) after the cursor,
 * up to today (overdue only) or today + withinDays, in keyset order.
 */
export function dueQuery(f: Omit<DueFilter, 'gridIds'>, today: string, after: Keyset | null, limit: number): RawBuilder<HouseholdsTable> {
  const conds: RawBuilder<unknown>[] = [sql`archived = 0`];
  if (after && after.k !== null) conds.push(sql`(next_visit_due, id) > (${after.k}, ${after.i})`);
  else conds.push(sql`next_visit_due IS NOT NULL`);
  conds.push(dueBound({ ...f, gridIds: null }, today, false));
  return sql<HouseholdsTable>`SELECT * FROM households INDEXED BY households_due WHERE ${sql.join(conds, sql` AND `)} ORDER BY next_visit_due, id LIMIT ${limit + 1}`;
}

/** How many households the district-wide board holds: the same range of households_due, counted in the index alone. */
export function dueCountQuery(f: Omit<DueFilter, 'gridIds'>, today: string): RawBuilder<{ n: number }> {
  const bound = dueBound({ ...f, gridIds: null }, today, false);
  return sql`SELECT count(*) AS n FROM households INDEXED BY households_due WHERE archived = 0 AND next_visit_due IS NOT NULL AND ${bound}`;
}

/**
 * A grid's due households (a grid is a few hundred households, DOMAIN.md §8): found through the grid's
 * buildings and houses (buildings_grid, houses by building, households_house), ordered and cut here.
 */
export function gridDueCandidates(f: DueFilter, today: string): RawBuilder<Pick<HouseholdsTable, 'id' | 'next_visit_due'>> {
  return sql`SELECT h.id, h.next_visit_due FROM buildings b CROSS JOIN houses ho ON ho.building_id = b.id CROSS JOIN households h ON h.house_id = ho.id
    WHERE b.grid_id IN (SELECT value FROM json_each(${JSON.stringify(f.gridIds ?? [])})) AND +h.archived = 0 AND +h.next_visit_due IS NOT NULL AND ${dueBound(f, today, true)}`;
}

export function pageOfDue(rows: Pick<HouseholdsTable, 'id' | 'next_visit_due'>[], after: Keyset | null, limit: number): string[] {
  const key = (r: Pick<HouseholdsTable, 'id' | 'next_visit_due'>): Keyset => ({ k: r.next_visit_due, i: r.id });
  return rows
    .filter((r) => !after || compareKeyset(key(r), after) > 0)
    .sort((a, b) => compareKeyset(key(a), key(b)))
    .slice(0, limit + 1)
    .map((r) => r.id);
}

export async function toDueHouseholds(db: Kysely<Database>, rows: readonly HouseholdsTable[], today: string): Promise<DueHousehold[]> {
  const [places, heads, intervals] = await Promise.all([
    placesByHouse(
      db,
      rows.map((r) => r.house_id),
    ),
    namesOf(
      db,
      rows.map((r) => r.head_resident_id),
    ),
    intervalsOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => {
    const place = r.house_id ? places.get(r.house_id) : undefined;
    return {
      householdId: r.id,
      number: r.number,
      address: place?.address ?? '',
      headName: r.head_resident_id ? (heads.get(r.head_resident_id) ?? null) : null,
      gridName: place?.gridName ?? null,
      workerName: place?.workerName || null,
      lastVisitOn: r.last_visit_on,
      nextVisitDue: r.next_visit_due!,
      daysOverdue: daysBetween(r.next_visit_due!, today),
      intervalDays: intervals.get(r.id)!,
    };
  });
}
