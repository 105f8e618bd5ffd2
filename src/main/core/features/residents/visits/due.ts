import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DueHousehold } from '../../../../../shared/contract/residents';
import type { Database, HouseholdsTable } from '../../../db/schema';
import { addDays, daysBetween } from '../clock';
import type { Keyset } from '../cursor';
import { placesByHouse } from '../places/service';
import { namesOf } from '../people/repository';
import { intervalsOf } from './policy';

export interface DueFilter {
  /** null: every grid; otherwise the households in houses of these grids. */
  gridIds: string[] | null;
  overdueOnly: boolean;
  withinDays: number;
}

/**
 * Households by next_visit_due, then id: one range of households_due (archived, next_visit_due, id) after
 * the cursor, up to today (overdue only) or today + withinDays. A grid filter is an EXISTS probe through
 * the household's house and building.
 */
export function dueQuery(f: DueFilter, today: string, after: Keyset | null, limit: number): RawBuilder<HouseholdsTable> {
  const conds: RawBuilder<unknown>[] = [sql`archived = 0`];
  if (after && after.k !== null) conds.push(sql`(next_visit_due, id) > (${after.k}, ${after.i})`);
  else conds.push(sql`next_visit_due IS NOT NULL`);
  conds.push(f.overdueOnly ? sql`next_visit_due < ${today}` : sql`next_visit_due <= ${addDays(today, f.withinDays)}`);
  if (f.gridIds) {
    conds.push(sql`EXISTS (SELECT 1 FROM houses ho JOIN buildings b ON b.id = ho.building_id WHERE ho.id = households.house_id AND b.grid_id IN (SELECT value FROM json_each(${JSON.stringify(f.gridIds)})))`);
  }
  return sql<HouseholdsTable>`SELECT * FROM households INDEXED BY households_due WHERE ${sql.join(conds, sql` AND `)} ORDER BY next_visit_due, id LIMIT ${limit + 1}`;
}

export async function toDueHouseholds(db: Kysely<Database>, rows: readonly HouseholdsTable[], today: string): Promise<DueHousehold[]> {
  const [places, heads, intervals] = await Promise.all([
    placesByHouse(db, rows.map((r) => r.house_id)),
    namesOf(db, rows.map((r) => r.head_resident_id)),
    intervalsOf(db, rows.map((r) => r.id)),
  ]);
  return rows.map((r) => {
    const place = r.house_id ? places.get(r.house_id) : undefined;
    return {
      householdId: r.id,
      number: r.number,
      address: place?.address ?? '',
      headName: r.head_resident_id ? heads.get(r.head_resident_id) ?? null : null,
      gridName: place?.gridName ?? null,
      workerName: place?.workerName || null,
      lastVisitOn: r.last_visit_on,
      nextVisitDue: r.next_visit_due!,
      daysOverdue: daysBetween(r.next_visit_due!, today),
      intervalDays: intervals.get(r.id)!,
    };
  });
}
