import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { VisitPolicyRow } from '../../../../../shared/contract/residents';
import type { Database } from '../../../db/schema';
import { offsetModifier } from '../../../time/zone';

/**
 * How often a household is visited: the shortest interval among its active members' matching policy rows
 * (a tag by name, or a status), else the default row — the "3456" rule by default: 流动人口 weekly,
 * 重点人群 monthly, everyone else half-yearly (DOMAIN.md §8).
 */

export const fallbackIntervalDays = 182;

type HouseholdSet = readonly (string | null | undefined)[] | 'all';

function idsJson(ids: HouseholdSet): string | null {
  if (ids === 'all') return null;
  return JSON.stringify([...new Set(ids.filter((id): id is string => !!id))]);
}

/**
 * One row per (household, matching policy row) of its active members. `ids` null = every household.
 * (`+archived`: a listed household's members are found through residents_household, never by scanning
 * an index that merely starts with archived.)
 */
function memberIntervals(ids: string | null): RawBuilder<unknown> {
  const only = ids === null ? sql`` : sql`AND r.household_id IN (SELECT value FROM json_each(${ids}))`;
  // For listed households, CROSS JOIN keeps SQLite's join order: members first, then their tags. For all
  // households the planner may start from the policy's tags, which is then the shorter way.
  const join = sql.raw(ids === null ? 'JOIN' : 'CROSS JOIN');
  return sql`
    SELECT r.household_id AS hid, vp.interval_days AS d
      FROM residents r JOIN visit_policy vp ON vp.kind = 'status' AND vp.match = r.status
     WHERE +r.archived = 0 AND r.household_id IS NOT NULL ${only}
    UNION ALL
    SELECT r.household_id AS hid, vp.interval_days AS d
      FROM residents r
      ${join} resident_tags rt ON rt.resident_id = r.id
      ${join} tags t ON t.id = rt.tag_id
      ${join} visit_policy vp ON vp.kind = 'tag' AND vp.match = t.name
     WHERE +r.archived = 0 AND r.household_id IS NOT NULL ${only}`;
}

const defaultInterval = sql<number>`coalesce((SELECT interval_days FROM visit_policy WHERE kind = 'default'), ${fallbackIntervalDays})`;

/** Each listed household's interval: one row per id (json array), the default where no member matches. */
export function intervalsQuery(idsJsonArray: string): RawBuilder<{ id: string; d: number }> {
  return sql<{ id: string; d: number }>`
    WITH mi AS (${memberIntervals(idsJsonArray)})
    SELECT j.value AS id, coalesce(min(mi.d), ${defaultInterval}) AS d
      FROM json_each(${idsJsonArray}) j LEFT JOIN mi ON mi.hid = j.value
     GROUP BY j.value`;
}

/** Each household's visit interval in days (the default for one without a matching member). */
export async function intervalsOf(db: Kysely<Database>, householdIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (householdIds.length === 0) return out;
  for (const r of (await intervalsQuery(idsJson(householdIds)!).execute(db)).rows) out.set(r.id, r.d);
  return out;
}

/** The statement recomputeNextVisit runs: `idsJsonArray` null for every household. */
export function recomputeQuery(idsJsonArray: string | null, offset: string): RawBuilder<unknown> {
  const only = idsJsonArray === null ? sql`` : sql`AND h.id IN (SELECT value FROM json_each(${idsJsonArray}))`;
  // Only households whose date changes are written (a policy change touches few of them).
  return sql`
    WITH mi AS (${memberIntervals(idsJsonArray)})
    UPDATE households
       SET next_visit_due = per.due
      FROM (SELECT h.id AS hid, date(coalesce(h.last_visit_on, date(h.created_at, ${offset})), '+' || coalesce(min(mi.d), ${defaultInterval}) || ' days') AS due
              FROM households h LEFT JOIN mi ON mi.hid = h.id
             WHERE +h.archived = 0 ${only}
             GROUP BY h.id) AS per
     WHERE households.id = per.hid AND households.next_visit_due IS NOT per.due`;
}

/**
 * Sets households.next_visit_due = (last visit, or the day the household was created) + interval, in one
 * statement for any number of households. Call it after anything that changes who lives in a household,
 * their tags or status, or the policy — and after an import, with the households it touched (or 'all').
 * `today` and `timeZone` give the zone's offset for turning the creation instant into a local date.
 */
export async function recomputeNextVisit(db: Kysely<Database>, householdIds: HouseholdSet, today: string, timeZone = 'Asia/Shanghai'): Promise<void> {
  const json = idsJson(householdIds);
  if (json === '[]') return;
  await recomputeQuery(json, offsetModifier(today, timeZone)).execute(db);
}

/**
 * The same statement, compiled, for code that writes through better-sqlite3 directly inside its own
 * transaction (an import's chunks): `sqlite.prepare(s.sql).run(...s.parameters)`. Null when there is
 * nothing to do.
 */
export function recomputeNextVisitStatement(
  db: Kysely<Database>,
  householdIds: HouseholdSet,
  today: string,
  timeZone = 'Asia/Shanghai',
): { sql: string; parameters: readonly unknown[] } | null {
  const json = idsJson(householdIds);
  if (json === '[]') return null;
  const c = recomputeQuery(json, offsetModifier(today, timeZone)).compile(db);
  return { sql: c.sql, parameters: c.parameters };
}

export async function listPolicy(db: Kysely<Database>): Promise<VisitPolicyRow[]> {
  const rows = await db
    .selectFrom('visit_policy')
    .select(['kind', 'match', 'interval_days'])
    .orderBy(sql`CASE kind WHEN 'status' THEN 0 WHEN 'tag' THEN 1 ELSE 2 END`)
    .orderBy('interval_days')
    .orderBy('match')
    .execute();
  return rows.map((r) => ({ kind: r.kind as VisitPolicyRow['kind'], match: r.match, intervalDays: r.interval_days }));
}
