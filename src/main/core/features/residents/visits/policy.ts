import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { VisitPolicyRow } from '../../../../../shared/contract/residents';
import type { Database } from '../../../db/schema';
import { offsetModifier } from '../clock';

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

/** One row per (household, matching policy row) of its active members. `ids` null = every household. */
function memberIntervals(ids: string | null): RawBuilder<unknown> {
  const only = ids === null ? sql`` : sql`AND r.household_id IN (SELECT value FROM json_each(${ids}))`;
  return sql`
    SELECT r.household_id AS hid, vp.interval_days AS d
      FROM residents r JOIN visit_policy vp ON vp.kind = 'status' AND vp.match = r.status
     WHERE r.archived = 0 AND r.household_id IS NOT NULL ${only}
    UNION ALL
    SELECT r.household_id AS hid, vp.interval_days AS d
      FROM residents r
      JOIN resident_tags rt ON rt.resident_id = r.id
      JOIN tags t ON t.id = rt.tag_id
      JOIN visit_policy vp ON vp.kind = 'tag' AND vp.match = t.name
     WHERE r.archived = 0 AND r.household_id IS NOT NULL ${only}`;
}

const defaultInterval = sql<number>`coalesce((SELECT interval_days FROM visit_policy WHERE kind = 'default'), ${fallbackIntervalDays})`;

/** Each household's visit interval in days (the default for one without a matching member). */
export async function intervalsOf(db: Kysely<Database>, householdIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (householdIds.length === 0) return out;
  const json = idsJson(householdIds)!;
  const rows = await sql<{ id: string; d: number }>`
    WITH mi AS (${memberIntervals(json)})
    SELECT j.value AS id, coalesce(min(mi.d), ${defaultInterval}) AS d
      FROM json_each(${json}) j LEFT JOIN mi ON mi.hid = j.value
     GROUP BY j.value`.execute(db);
  for (const r of rows.rows) out.set(r.id, r.d);
  return out;
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
  const offset = offsetModifier(today, timeZone);
  const only = json === null ? sql`` : sql`AND h.id IN (SELECT value FROM json_each(${json}))`;
  await sql`
    WITH mi AS (${memberIntervals(json)})
    UPDATE households
       SET next_visit_due = date(coalesce(households.last_visit_on, date(households.created_at, ${offset})), '+' || per.d || ' days')
      FROM (SELECT h.id AS hid, coalesce(min(mi.d), ${defaultInterval}) AS d
              FROM households h LEFT JOIN mi ON mi.hid = h.id
             WHERE h.archived = 0 ${only}
             GROUP BY h.id) AS per
     WHERE households.id = per.hid`.execute(db);
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
