import { sql } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { HandlerContext, HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { hallDay } from '../../time/hall-day';
import { decodeCursor, encodeCursor } from '../../db/keyset';
import * as repo from './repository';
import { requireMeeting, toActionItem } from './service';

type ActionMethods = 'council.saveActionItem' | 'council.setActionStatus' | 'council.publishActionResult' | 'council.followUp';

const area = 'council';

async function loadItem(ctx: HandlerContext, id: string) {
  const row = await repo.actionItemQuery(ctx.db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('council.action_not_found', 'No such action item');
  return row;
}

/**
 * The follow-up list's query: what is still to do, soonest due first, paged by (due_on, rowid). It reads
 * the partial index council_action_followup, whose WHERE it repeats word for word (SQLite uses a partial
 * index only when the query implies its condition).
 */
export function followUpQuery(ctx: Pick<HandlerContext, 'db'>, after: { k: string | null; i: string | number } | null, limit: number) {
  let q = repo.actionItemQuery(ctx.db).where(sql<boolean>`a.status IN ('open', 'doing')`);
  if (after) q = q.where(sql<boolean>`(a.due_on, a.rowid) > (${after.k}, ${after.i})`);
  return q
    .orderBy('a.due_on')
    .orderBy(sql`a.rowid`)
    .limit(limit);
}

export const actionsHandlers: HandlerMap<ActionMethods> = {
  async 'council.saveActionItem'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const { meeting } = await requireMeeting(ctx.db, input.meetingId);
    if (meeting.state !== 'open' && meeting.state !== 'closed')
      throw new AppError('council.meeting_not_open', 'Action items come from a meeting that has been held');
    if (input.resolutionId) {
      const r = await ctx.db
        .selectFrom('council_resolutions')
        .select('id')
        .where('id', '=', input.resolutionId)
        .where('meeting_id', '=', meeting.id)
        .executeTakeFirst();
      if (!r)
        throw new AppError('council.resolution_not_found', 'No such resolution of this meeting', { fields: { resolutionId: 'council.resolution_not_found' } });
    }
    const values = { resolution_id: input.resolutionId, title: input.title, owner_name: input.ownerName, due_on: input.dueOn };
    const before = input.id ? await loadItem(ctx, input.id) : undefined;
    if (before && before.meeting_id !== meeting.id) throw new AppError('council.action_not_found', 'No such action item');
    if (before?.status === 'done' || before?.status === 'dropped') throw new AppError('council.action_finished', 'A finished action item is not changed');
    const id = input.id ?? newId();
    if (before)
      await ctx.db
        .updateTable('council_action_items')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('council_action_items')
        .values({ id, meeting_id: meeting.id, ...values, status: 'open', result: '', created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    const after = toActionItem(await loadItem(ctx, id));
    await ctx.audit({
      action: 'council.saveActionItem',
      area,
      recordType: 'council_action',
      recordId: id,
      summary: `${after.title}（${after.ownerName}，${after.dueOn}）`,
      before: before && toActionItem(before),
      after,
    });
    return after;
  },

  async 'council.setActionStatus'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const before = await loadItem(ctx, input.id);
    if (before.published_on) throw new AppError('council.action_published', 'Its result has been published; it is not changed');
    const { today } = await hallDay(ctx);
    await ctx.db
      .updateTable('council_action_items')
      .set({
        status: input.status,
        done_on: input.status === 'done' ? (before.done_on ?? today) : null,
        result: input.result || before.result,
        updated_at: at,
        updated_by: by,
      })
      .where('id', '=', input.id)
      .execute();
    const after = toActionItem(await loadItem(ctx, input.id));
    await ctx.audit({
      action: 'council.setActionStatus',
      area,
      recordType: 'council_action',
      recordId: input.id,
      summary: `${after.title}：${after.status}`,
      before: toActionItem(before),
      after,
    });
    return after;
  },

  async 'council.publishActionResult'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const before = await loadItem(ctx, input.id);
    if (before.status !== 'done') throw new AppError('council.action_not_done', 'Only a completed item has a result to publish');
    if (before.published_on) throw new AppError('council.action_published', 'Its result has been published already');
    const { today } = await hallDay(ctx);
    await ctx.db.updateTable('council_action_items').set({ published_on: today, updated_at: at, updated_by: by }).where('id', '=', input.id).execute();
    const after = toActionItem(await loadItem(ctx, input.id));
    await ctx.audit({ action: 'council.publishActionResult', area, recordType: 'council_action', recordId: input.id, summary: after.title, after });
    return after;
  },

  async 'council.followUp'(input, ctx) {
    const after = decodeCursor(input.cursor, 'council.followup');
    const rows = await followUpQuery(ctx, after, input.limit + 1).execute();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      rows: page.map(toActionItem),
      nextCursor: rows.length > input.limit && last ? encodeCursor('council.followup', { k: last.due_on, i: last.rid }) : null,
    };
  },
};
