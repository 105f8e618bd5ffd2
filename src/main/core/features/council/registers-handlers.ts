import { sql } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { AgendaCategory, Issue, IssueStatus, RegisterEntry, RegisterKind, RegisterStatus } from '../../../../shared/contract/council';
import type { HandlerContext, HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { decodeCursor, encodeCursor } from '../../db/keyset';
import type { CouncilIssuesTable, CouncilRegisterEntriesTable } from './tables';

type RegisterMethods = 'council.listIssues' | 'council.saveIssue' | 'council.listRegister' | 'council.saveRegisterEntry' | 'council.listResolutions';

const area = 'council';

function toIssue(r: CouncilIssuesTable & { resolution_number: string | null }): Issue {
  return {
    id: r.id,
    title: r.title,
    raisedBy: r.raised_by,
    raisedOn: r.raised_on,
    category: r.category as AgendaCategory,
    status: r.status as IssueStatus,
    decision: r.decision,
    resolutionId: r.resolution_id,
    resolutionNumber: r.resolution_number,
  };
}

function toEntry(r: CouncilRegisterEntriesTable & { resolution_number: string | null }): RegisterEntry {
  return {
    id: r.id,
    kind: r.kind as RegisterKind,
    year: r.year,
    onDate: r.on_date,
    title: r.title,
    text: r.text,
    status: r.status as RegisterStatus,
    resolutionId: r.resolution_id,
    resolutionNumber: r.resolution_number,
  };
}

/** The 议事事项清单 newest first, paged by (raised_on, rowid) on council_issues_raised. */
export function issuesPageQuery(ctx: Pick<HandlerContext, 'db'>, after: { k: string | null; i: string | number } | null, limit: number) {
  let q = ctx.db
    .selectFrom('council_issues as i')
    .leftJoin('council_resolutions as r', 'r.id', 'i.resolution_id')
    .selectAll('i')
    .select(['r.number as resolution_number', sql<number>`i.rowid`.as('rid')]);
  if (after) q = q.where(sql<boolean>`(i.raised_on, i.rowid) < (${after.k}, ${after.i})`);
  return q
    .orderBy('i.raised_on', 'desc')
    .orderBy(sql`i.rowid`, 'desc')
    .limit(limit);
}

async function requireResolution(ctx: HandlerContext, id: string | null): Promise<void> {
  if (!id) return;
  const found = await ctx.db.selectFrom('council_resolutions').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new AppError('council.resolution_not_found', 'No such resolution', { fields: { resolutionId: 'council.resolution_not_found' } });
}

async function loadIssue(ctx: HandlerContext, id: string) {
  return issuesPageQuery(ctx, null, 1).clearWhere().where('i.id', '=', id).executeTakeFirst();
}

async function loadEntry(ctx: HandlerContext, id: string) {
  return ctx.db
    .selectFrom('council_register_entries as e')
    .leftJoin('council_resolutions as r', 'r.id', 'e.resolution_id')
    .selectAll('e')
    .select('r.number as resolution_number')
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export const registersHandlers: HandlerMap<RegisterMethods> = {
  async 'council.listIssues'(input, ctx) {
    const after = decodeCursor(input.cursor, 'council.issues');
    const rows = await issuesPageQuery(ctx, after, input.limit + 1).execute();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      rows: page.map(toIssue),
      nextCursor: rows.length > input.limit && last ? encodeCursor('council.issues', { k: last.raised_on, i: last.rid }) : null,
    };
  },

  async 'council.saveIssue'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    await requireResolution(ctx, input.resolutionId);
    const before = input.id ? await loadIssue(ctx, input.id) : undefined;
    if (input.id && !before) throw new AppError('council.issue_not_found', 'No such issue');
    const values = {
      title: input.title,
      raised_by: input.raisedBy,
      raised_on: input.raisedOn,
      category: input.category,
      status: input.status,
      decision: input.decision,
      resolution_id: input.resolutionId,
    };
    const id = input.id ?? newId();
    if (before)
      await ctx.db
        .updateTable('council_issues')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('council_issues')
        .values({ id, ...values, created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    const after = toIssue((await loadIssue(ctx, id))!);
    await ctx.audit({
      action: 'council.saveIssue',
      area,
      recordType: 'council_issue',
      recordId: id,
      summary: after.title,
      before: before && toIssue(before),
      after,
    });
    return after;
  },

  async 'council.listRegister'(input, ctx) {
    const rows = await ctx.db
      .selectFrom('council_register_entries as e')
      .leftJoin('council_resolutions as r', 'r.id', 'e.resolution_id')
      .selectAll('e')
      .select('r.number as resolution_number')
      .where('e.kind', '=', input.kind)
      .where('e.year', '=', input.year)
      .orderBy('e.on_date')
      .orderBy('e.created_at')
      .execute();
    return rows.map(toEntry);
  },

  async 'council.saveRegisterEntry'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    await requireResolution(ctx, input.resolutionId);
    if (input.onDate && Number(input.onDate.slice(0, 4)) !== input.year)
      throw new AppError('council.register_year', 'The date is not in the register’s year', { fields: { onDate: 'council.register_year' } });
    if (input.kind === 'deliberation_day' && !input.onDate)
      throw new AppError('council.register_date_needed', 'A 居民议事日 needs its date', { fields: { onDate: 'council.register_date_needed' } });
    const before = input.id ? await loadEntry(ctx, input.id) : undefined;
    if (input.id && (!before || before.kind !== input.kind)) throw new AppError('council.register_not_found', 'No such register entry');
    const values = {
      kind: input.kind,
      year: input.year,
      on_date: input.onDate,
      title: input.title,
      text: input.text,
      status: input.status,
      resolution_id: input.resolutionId,
    };
    const id = input.id ?? newId();
    if (before)
      await ctx.db
        .updateTable('council_register_entries')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('council_register_entries')
        .values({ id, ...values, created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    const after = toEntry((await loadEntry(ctx, id))!);
    await ctx.audit({
      action: 'council.saveRegisterEntry',
      area,
      recordType: 'council_register',
      recordId: id,
      summary: `${after.year} ${after.title}`,
      before: before && toEntry(before),
      after,
    });
    return after;
  },

  async 'council.listResolutions'(input, ctx) {
    const rows = await ctx.db.selectFrom('council_resolutions').selectAll().where('year', '=', input.year).orderBy('seq').execute();
    return rows.map((r) => ({ id: r.id, motionId: r.motion_id, meetingId: r.meeting_id, year: r.year, seq: r.seq, number: r.number, text: r.text }));
  },
};
