import { AppError } from '../../../../shared/errors';
import type { HandlerContext, HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import { decodeCursor, encodeCursor } from '../../db/keyset';
import * as repo from './repository';
import { requestIsEnough } from './rules';
import { loadMeetingView, quorumOf, requireMeeting, toMeeting, toSummary } from './service';

type MeetingMethods =
  | 'council.listMeetings'
  | 'council.getMeeting'
  | 'council.saveMeeting'
  | 'council.saveAgendaItem'
  | 'council.notifyMeeting'
  | 'council.markAttendance'
  | 'council.openMeeting'
  | 'council.closeMeeting';

const area = 'council';

/** Preparing (draft, notified) is the only time a meeting's particulars, agenda and roll may change. */
function requirePreparing(state: string): void {
  if (state === 'open' || state === 'closed') throw new AppError('council.roll_frozen', 'The meeting has opened: its roll and particulars are frozen');
}

async function stamp(ctx: HandlerContext) {
  return { by: ctx.actor().id, at: ctx.now().toISOString() };
}

export const meetingsHandlers: HandlerMap<MeetingMethods> = {
  async 'council.listMeetings'(input, ctx) {
    const after = decodeCursor(input.cursor, 'council.meetings');
    const rows = await repo.meetingsPageQuery(ctx.db, input.bodyId ?? null, after, input.limit + 1).execute();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      rows: page.map(toSummary),
      nextCursor: rows.length > input.limit && last ? encodeCursor('council.meetings', { k: last.held_on, i: last.rid }) : null,
    };
  },

  async 'council.getMeeting'(input, ctx) {
    return loadMeetingView(ctx.db, input.id);
  },

  async 'council.saveMeeting'(input, ctx) {
    const { by, at } = await stamp(ctx);
    const body = await repo.findBody(ctx.db, input.bodyId);
    if (!body) throw new AppError('council.body_not_found', 'No such body');
    if (input.request) {
      if (body.kind !== 'resident_assembly')
        throw new AppError('council.request_only_assembly', 'Only a 居民会议 is convened on request', { fields: { request: 'council.request_only_assembly' } });
      if (!requestIsEnough(input.request.count, input.request.base)) {
        throw new AppError('council.request_too_few', 'Fewer than 1/5 asked', {
          fields: { request: 'council.request_too_few' },
          params: { count: input.request.count, base: input.request.base },
        });
      }
    }
    const before = input.id ? await repo.findMeeting(ctx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('council.meeting_not_found', 'No such meeting');
    if (before) requirePreparing(before.state);
    if (before && before.body_id !== input.bodyId) throw new AppError('council.meeting_body_fixed', 'A meeting cannot move to another body');
    const values = {
      body_id: input.bodyId,
      title: input.title,
      convener: input.convener,
      request_count: input.request?.count ?? null,
      request_base: input.request?.base ?? null,
      request_note: input.request?.note ?? '',
      held_on: input.heldOn,
      start_time: input.startTime,
      place: input.place,
      chair_name: input.chairName,
      recorder_name: input.recorderName,
    };
    const id = input.id ?? newId();
    if (before)
      await ctx.db
        .updateTable('council_meetings')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    else
      await ctx.db
        .insertInto('council_meetings')
        .values({ id, ...values, state: 'draft', created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    const after = toMeeting((await repo.findMeeting(ctx.db, id))!, body);
    await ctx.audit({
      action: 'council.saveMeeting',
      area,
      recordType: 'council_meeting',
      recordId: id,
      summary: `${after.heldOn} ${after.title}`,
      before: before && toMeeting(before, body),
      after,
    });
    return after;
  },

  async 'council.saveAgendaItem'(input, ctx) {
    const { by, at } = await stamp(ctx);
    const { meeting } = await requireMeeting(ctx.db, input.meetingId);
    requirePreparing(meeting.state);
    const values = { title: input.title, category: input.category, source: input.source, source_ref: input.sourceRef };
    let id = input.id;
    if (id) {
      const found = await ctx.db.selectFrom('council_agenda_items').selectAll().where('id', '=', id).where('meeting_id', '=', meeting.id).executeTakeFirst();
      if (!found) throw new AppError('council.agenda_item_not_found', 'No such agenda item');
      await ctx.db
        .updateTable('council_agenda_items')
        .set({ ...values, updated_at: at, updated_by: by })
        .where('id', '=', id)
        .execute();
    } else {
      id = newId();
      const last = await ctx.db
        .selectFrom('council_agenda_items')
        .select((eb) => eb.fn.max<number | null>('seq').as('s'))
        .where('meeting_id', '=', meeting.id)
        .executeTakeFirst();
      await ctx.db
        .insertInto('council_agenda_items')
        .values({ id, meeting_id: meeting.id, seq: (last?.s ?? 0) + 1, ...values, created_at: at, created_by: by, updated_at: at, updated_by: by })
        .execute();
    }
    // An item taken from the 议事事项清单 moves that issue on to 已列入议题.
    if (input.source === 'register' && input.sourceRef) {
      await ctx.db
        .updateTable('council_issues')
        .set({ status: 'scheduled', updated_at: at, updated_by: by })
        .where('id', '=', input.sourceRef)
        .where('status', '=', 'raised')
        .execute();
    }
    const row = (await ctx.db.selectFrom('council_agenda_items').selectAll().where('id', '=', id).executeTakeFirst())!;
    const item = { id: row.id, seq: row.seq, title: row.title, category: input.category, source: input.source, sourceRef: row.source_ref };
    await ctx.audit({
      action: 'council.saveAgendaItem',
      area,
      recordType: 'council_meeting',
      recordId: meeting.id,
      summary: `${meeting.title}：${row.title}`,
      after: item,
    });
    return item;
  },

  async 'council.notifyMeeting'(input, ctx) {
    const { by, at } = await stamp(ctx);
    const { meeting, body } = await requireMeeting(ctx.db, input.id);
    if (meeting.state !== 'draft') throw new AppError('council.meeting_state', 'Only a draft meeting can be notified', { params: { state: meeting.state } });
    const agenda = await repo.agendaRows(ctx.db, meeting.id);
    // Shanghai 第11条: the notice publishes the 议题 in advance, so a notice without one is refused.
    if (agenda.length === 0) throw new AppError('council.agenda_empty', 'The notice needs at least one agenda item');
    await ctx.db
      .updateTable('council_meetings')
      .set({ state: 'notified', notified_on: at.slice(0, 10), updated_at: at, updated_by: by })
      .where('id', '=', meeting.id)
      .execute();
    const after = toMeeting((await repo.findMeeting(ctx.db, meeting.id))!, body);
    await ctx.audit({ action: 'council.notifyMeeting', area, recordType: 'council_meeting', recordId: meeting.id, summary: meeting.title, after });
    return after;
  },

  async 'council.markAttendance'(input, ctx) {
    const { meeting, body } = await requireMeeting(ctx.db, input.meetingId);
    requirePreparing(meeting.state);
    const members = new Map((await repo.listMemberRows(ctx.db, body.id)).map((m) => [m.id, m]));
    const seen = new Set<string>();
    const rows = input.entries.map((e, i) => {
      const member = e.memberId ? members.get(e.memberId) : undefined;
      if (e.memberId && !member)
        throw new AppError('council.member_not_found', 'Not a member of this body', { fields: { [`entries.${i}.memberId`]: 'council.member_not_found' } });
      if (!e.memberId && e.status !== 'observer')
        throw new AppError('council.roll_needs_member', 'Only observers (列席) may be named without membership', {
          fields: { [`entries.${i}.memberId`]: 'council.roll_needs_member' },
        });
      if (e.memberId && seen.has(e.memberId)) throw new AppError('council.roll_duplicate', 'A member is on the roll twice', { params: { name: e.name } });
      if (e.memberId) seen.add(e.memberId);
      const inTerm = !!member && member.term_start <= meeting.held_on && (member.term_end === null || member.term_end >= meeting.held_on);
      const votes = e.status !== 'observer' && !!member && member.votes === 1 && inTerm;
      return {
        meeting_id: meeting.id,
        seq: i + 1,
        member_id: e.memberId,
        name: member?.name ?? e.name,
        role: member?.role ?? e.role,
        status: e.status,
        reason: e.reason,
        votes: votes ? 1 : 0,
      };
    });
    await ctx.db.deleteFrom('council_roll').where('meeting_id', '=', meeting.id).execute();
    if (rows.length) await ctx.db.insertInto('council_roll').values(rows).execute();
    const view = await loadMeetingView(ctx.db, meeting.id);
    await ctx.audit({
      action: 'council.markAttendance',
      area,
      recordType: 'council_meeting',
      recordId: meeting.id,
      summary: `${meeting.title} ${view.quorum.present}/${view.quorum.base}`,
      after: view.roll,
    });
    return view;
  },

  async 'council.openMeeting'(input, ctx) {
    const { by, at } = await stamp(ctx);
    const { meeting, body } = await requireMeeting(ctx.db, input.id);
    if (meeting.state === 'open' || meeting.state === 'closed')
      throw new AppError('council.meeting_state', 'The meeting has already opened', { params: { state: meeting.state } });
    const roll = (await loadMeetingView(ctx.db, meeting.id)).roll;
    if (roll.length === 0) throw new AppError('council.roll_empty', 'Take the roll before opening the meeting');
    const q = await quorumOf(ctx.db, meeting, body, roll);
    await ctx.db
      .updateTable('council_meetings')
      .set({
        state: 'open',
        opened_at: at,
        quorum_base: q.base,
        quorum_needed: q.needed,
        present_voting: q.present,
        quorate: q.quorate ? 1 : 0,
        updated_at: at,
        updated_by: by,
      })
      .where('id', '=', meeting.id)
      .execute();
    // The minutes are drafted on screen while the meeting runs.
    const hasMinutes = await ctx.db.selectFrom('council_minutes').select('id').where('meeting_id', '=', meeting.id).executeTakeFirst();
    if (!hasMinutes) {
      await ctx.db
        .insertInto('council_minutes')
        .values({
          id: newId(),
          meeting_id: meeting.id,
          version: 1,
          text: '',
          amend_reason: '',
          state: 'draft',
          signed_at: null,
          created_at: at,
          created_by: by,
          updated_at: at,
          updated_by: by,
        })
        .execute();
    }
    const view = await loadMeetingView(ctx.db, meeting.id);
    await ctx.audit({
      action: 'council.openMeeting',
      area,
      recordType: 'council_meeting',
      recordId: meeting.id,
      summary: `${meeting.title} ${q.present}/${q.base}`,
      after: view.quorum,
    });
    return view;
  },

  async 'council.closeMeeting'(input, ctx) {
    const { by, at } = await stamp(ctx);
    const { meeting } = await requireMeeting(ctx.db, input.id);
    if (meeting.state !== 'open') throw new AppError('council.meeting_state', 'Only an open meeting can be closed', { params: { state: meeting.state } });
    const unchecked = await ctx.db
      .selectFrom('council_motions')
      .select('title')
      .where('meeting_id', '=', meeting.id)
      .where('state', '=', 'entered')
      .executeTakeFirst();
    if (unchecked) throw new AppError('council.tally_unchecked', 'A paper ballot still waits for its second count', { params: { title: unchecked.title } });
    await ctx.db.updateTable('council_meetings').set({ state: 'closed', closed_at: at, updated_at: at, updated_by: by }).where('id', '=', meeting.id).execute();
    const view = await loadMeetingView(ctx.db, meeting.id);
    await ctx.audit({ action: 'council.closeMeeting', area, recordType: 'council_meeting', recordId: meeting.id, summary: meeting.title });
    return view;
  },
};
