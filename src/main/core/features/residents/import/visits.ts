import type SqliteDatabase from 'better-sqlite3';
import { offsetModifier } from '../clock';

/**
 * next_visit_due for the households an import touched, in one set-based statement: (last visit, or the
 * day the household was created) + the shortest interval among its active members' status and tag
 * policies, else the default (DOMAIN.md §8, the "3456" rule).
 * Interim copy of the visits engineer's recomputeNextVisit semantics until it is in git.
 */
export function recomputeTouchedVisits(sqlite: SqliteDatabase.Database, householdIds: Iterable<string>, today: string, timeZone: string): void {
  const ids = JSON.stringify([...new Set(householdIds)]);
  if (ids === '[]') return;
  sqlite
    .prepare(
      `WITH ids(id) AS (SELECT value FROM json_each(@ids)),
       mi AS (
         SELECT r.household_id AS hid, vp.interval_days AS d
           FROM residents r JOIN visit_policy vp ON vp.kind = 'status' AND vp.match = r.status
          WHERE r.archived = 0 AND r.household_id IN (SELECT id FROM ids)
         UNION ALL
         SELECT r.household_id AS hid, vp.interval_days AS d
           FROM residents r JOIN resident_tags rt ON rt.resident_id = r.id JOIN tags t ON t.id = rt.tag_id
           JOIN visit_policy vp ON vp.kind = 'tag' AND vp.match = t.name
          WHERE r.archived = 0 AND r.household_id IN (SELECT id FROM ids))
       UPDATE households
          SET next_visit_due = date(coalesce(last_visit_on, date(created_at, @offset)), '+' ||
              (SELECT coalesce(min(mi.d), (SELECT interval_days FROM visit_policy WHERE kind = 'default'), 182) FROM mi WHERE mi.hid = households.id) || ' days')
        WHERE id IN (SELECT id FROM ids) AND archived = 0`,
    )
    .run({ ids, offset: offsetModifier(today, timeZone) });
}
