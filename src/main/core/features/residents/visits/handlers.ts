import { AppError } from '../../../../../shared/errors';
import { residentStatuses, type Visit, type VisitPolicyRow } from '../../../../../shared/contract/residents';
import type { HandlerMap } from '../../../context';
import type { HouseholdsTable, VisitsTable } from '../../../db/schema';
import { newId } from '../../../util/ids';
import { addDays } from '../../../time/calendar';
import { hallDay } from '../../../time/hall-day';
import { decodeCursor, encodeCursor, inList } from '../../../db/keyset';
import { mustFindHousehold } from '../households';
import { dueCountQuery, dueQuery, gridDueCandidates, pageOfDue, toDueHouseholds } from './due';
import { intervalsOf, listPolicy, recomputeNextVisit } from './policy';

type VisitMethods = 'residents.recordVisit' | 'residents.listVisits' | 'residents.visitsDue' | 'residents.visitPolicy' | 'residents.saveVisitPolicy';

function toVisit(row: VisitsTable): Visit {
  return {
    id: row.id,
    householdId: row.household_id,
    visitedOn: row.visited_on,
    visitorName: row.visitor_name,
    outcome: row.outcome as Visit['outcome'],
    checklist: JSON.parse(row.checklist_json) as Visit['checklist'],
    notes: row.notes,
    followUp: row.follow_up === 1,
    followUpNote: row.follow_up_note,
    createdAt: row.created_at,
  };
}

export const visitsHandlers: HandlerMap<VisitMethods> = {
  /** Append-only: a visit is never changed. The household's next visit is its latest visit + its interval. */
  async 'residents.recordVisit'(input, ctx) {
    const actor = ctx.actor();
    const at = ctx.now().toISOString();
    const { today } = await hallDay(ctx);
    const household = await mustFindHousehold(ctx.db, input.householdId);
    if (input.visitedOn > today)
      throw new AppError('residents.date_in_future', 'The visit date is in the future', { fields: { visitedOn: 'residents.date_in_future' } });
    const row: VisitsTable = {
      id: newId(),
      household_id: household.id,
      visited_on: input.visitedOn,
      visitor_user_id: actor.id,
      visitor_name: actor.name ?? '',
      outcome: input.outcome,
      checklist_json: JSON.stringify(input.checklist),
      notes: input.notes,
      follow_up: input.followUp ? 1 : 0,
      follow_up_note: input.followUpNote,
      created_at: at,
      created_by: actor.id,
    };
    await ctx.db.insertInto('visits').values(row).execute();
    // A visit entered late does not move the household's last visit backwards.
    const last = household.last_visit_on && household.last_visit_on > input.visitedOn ? household.last_visit_on : input.visitedOn;
    const interval = (await intervalsOf(ctx.db, [household.id])).get(household.id)!;
    const nextVisitDue = addDays(last, interval);
    await ctx.db
      .updateTable('households')
      .set({ last_visit_on: last, next_visit_due: nextVisitDue, updated_at: at, updated_by: actor.id })
      .where('id', '=', household.id)
      .execute();
    await ctx.audit({
      recordType: 'household',
      recordId: household.id,
      summary: `${household.number} ${input.visitedOn}`,
      before: { lastVisitOn: household.last_visit_on, nextVisitDue: household.next_visit_due },
      after: { visitId: row.id, visitedOn: row.visited_on, outcome: row.outcome, followUp: input.followUp, lastVisitOn: last, nextVisitDue },
    });
    return { visit: toVisit(row), nextVisitDue };
  },

  async 'residents.listVisits'(input, ctx) {
    await mustFindHousehold(ctx.db, input.householdId);
    const rows = await ctx.db
      .selectFrom('visits')
      .selectAll()
      .where('household_id', '=', input.householdId)
      .orderBy('visited_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toVisit);
  },

  async 'residents.visitsDue'(input, ctx) {
    const { today } = await hallDay(ctx);
    let gridIds: string[] | null = input.gridId ? [input.gridId] : null;
    if (input.mine) {
      const mine = (await ctx.db.selectFrom('grids').select('id').where('worker_user_id', '=', ctx.requireSession().userId).execute()).map((g) => g.id);
      gridIds = gridIds ? gridIds.filter((g) => mine.includes(g)) : mine;
      if (gridIds.length === 0) return { rows: [], nextCursor: null, total: 0 };
    }
    const tag = `due:${input.overdueOnly ? 'overdue' : input.withinDays}`;
    const after = decodeCursor(input.cursor, tag, false, 'residents.bad_cursor');
    const filter = { gridIds, overdueOnly: input.overdueOnly, withinDays: input.withinDays };
    let rows: HouseholdsTable[];
    let total: number;
    if (gridIds) {
      // A grid's candidates are all read to be ordered here, so their number is the total.
      const candidates = (await gridDueCandidates(filter, today).execute(ctx.db)).rows;
      total = candidates.length;
      const ids = pageOfDue(candidates, after, input.limit);
      const byId = new Map((await ctx.db.selectFrom('households').selectAll().where('id', 'in', inList(ids)).execute()).map((h) => [h.id, h]));
      rows = ids.map((id) => byId.get(id)!);
    } else {
      rows = (await dueQuery(filter, today, after, input.limit).execute(ctx.db)).rows;
      total = Number((await dueCountQuery(filter, today).execute(ctx.db)).rows[0].n);
    }
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > input.limit && last ? encodeCursor(tag, { k: last.next_visit_due, i: last.id }) : null;
    return { rows: await toDueHouseholds(ctx.db, page, today), nextCursor, total };
  },

  async 'residents.visitPolicy'(_input, ctx) {
    return listPolicy(ctx.db);
  },

  /** Replaces the whole policy, then every household's next visit follows in one statement. */
  async 'residents.saveVisitPolicy'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const { today, timeZone } = await hallDay(ctx);
    const rows: VisitPolicyRow[] = input.rows.map((r) => ({ kind: r.kind, match: r.kind === 'default' ? '*' : r.match, intervalDays: r.intervalDays }));
    if (rows.filter((r) => r.kind === 'default').length !== 1)
      throw new AppError('residents.policy_default_required', 'Exactly one default row is needed', { fields: { rows: 'residents.policy_default_required' } });
    const seen = new Set<string>();
    const tagNames = new Set((await ctx.db.selectFrom('tags').select('name').execute()).map((t) => t.name));
    for (const r of rows) {
      const key = `${r.kind}:${r.match}`;
      if (seen.has(key))
        throw new AppError('residents.policy_duplicate', 'A row is listed twice', {
          params: { match: r.match },
          fields: { rows: 'residents.policy_duplicate' },
        });
      seen.add(key);
      if (r.kind === 'tag' && !tagNames.has(r.match))
        throw new AppError('residents.policy_unknown_tag', 'No such tag', { params: { match: r.match }, fields: { rows: 'residents.policy_unknown_tag' } });
      if (r.kind === 'status' && !(residentStatuses as readonly string[]).includes(r.match)) {
        throw new AppError('residents.policy_unknown_status', 'No such status', {
          params: { match: r.match },
          fields: { rows: 'residents.policy_unknown_status' },
        });
      }
    }
    const before = await listPolicy(ctx.db);
    await ctx.db.deleteFrom('visit_policy').execute();
    await ctx.db
      .insertInto('visit_policy')
      .values(
        rows.map((r) => ({
          id: newId(),
          kind: r.kind,
          match: r.match,
          interval_days: r.intervalDays,
          created_at: at,
          created_by: by,
          updated_at: at,
          updated_by: by,
        })),
      )
      .execute();
    await recomputeNextVisit(ctx.db, 'all', today, timeZone);
    const after = await listPolicy(ctx.db);
    await ctx.audit({ recordType: 'visit_policy', before, after });
    return after;
  },
};
