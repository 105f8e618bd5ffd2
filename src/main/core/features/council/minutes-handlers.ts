import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import * as repo from './repository';
import { loadMeetingView, requireMeeting } from './service';

type MinutesMethods = 'council.saveMinutes' | 'council.signMinutes' | 'council.amendMinutes';

const area = 'council';

async function latestMinutes(db: Parameters<typeof repo.minutesRows>[0], meetingId: string) {
  const versions = await repo.minutesRows(db, meetingId);
  const latest = versions.at(-1);
  if (!latest) throw new AppError('council.minutes_none', 'The minutes begin when the meeting opens');
  return latest;
}

export const minutesHandlers: HandlerMap<MinutesMethods> = {
  async 'council.saveMinutes'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const { meeting } = await requireMeeting(ctx.db, input.meetingId);
    const latest = await latestMinutes(ctx.db, meeting.id);
    if (latest.state === 'signed') throw new AppError('council.minutes_signed', 'Signed minutes are not changed; amend them with a new version');
    await ctx.db.updateTable('council_minutes').set({ text: input.text, updated_at: at, updated_by: by }).where('id', '=', latest.id).execute();
    await ctx.audit({
      action: 'council.saveMinutes',
      area,
      recordType: 'council_minutes',
      recordId: latest.id,
      summary: `${meeting.title} v${latest.version}`,
      before: { text: latest.text },
      after: { text: input.text },
    });
    return loadMeetingView(ctx.db, meeting.id);
  },

  async 'council.signMinutes'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const { meeting, body } = await requireMeeting(ctx.db, input.meetingId);
    if (meeting.state !== 'closed') throw new AppError('council.meeting_not_closed', 'Minutes are signed after the meeting closes');
    const latest = await latestMinutes(ctx.db, meeting.id);
    if (latest.state === 'signed') throw new AppError('council.minutes_signed', 'These minutes are signed already');
    const names = (role: string) => new Set(input.signers.filter((s) => s.role === role).map((s) => s.name));
    const missing: string[] = [];
    if (names('chair').size === 0) missing.push(meeting.chair_name || '主持人');
    if (names('recorder').size === 0) missing.push(meeting.recorder_name || '记录人');
    // A 民主评议 record is signed by everyone who took part (DOMAIN.md §7).
    if (body.kind === 'dibao_panel') {
      const signed = new Set(input.signers.map((s) => s.name));
      for (const r of await repo.rollRows(ctx.db, meeting.id)) if (r.status === 'present' && !signed.has(r.name)) missing.push(r.name);
    }
    if (missing.length) throw new AppError('council.signatures_missing', 'Signatures are missing', { params: { names: missing.join('、') } });
    await ctx.db
      .insertInto('council_minutes_signatures')
      .values(input.signers.map((s, i) => ({ minutes_id: latest.id, seq: i + 1, role: s.role, name: s.name, signed_at: at, recorded_by: by })))
      .execute();
    await ctx.db.updateTable('council_minutes').set({ state: 'signed', signed_at: at, updated_at: at, updated_by: by }).where('id', '=', latest.id).execute();
    await ctx.audit({
      action: 'council.signMinutes',
      area,
      recordType: 'council_minutes',
      recordId: latest.id,
      summary: `${meeting.title} v${latest.version}`,
      after: { signers: input.signers },
    });
    return loadMeetingView(ctx.db, meeting.id);
  },

  async 'council.amendMinutes'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const { meeting } = await requireMeeting(ctx.db, input.meetingId);
    const latest = await latestMinutes(ctx.db, meeting.id);
    if (latest.state !== 'signed') throw new AppError('council.minutes_not_signed', 'Draft minutes are edited, not amended');
    const id = newId();
    await ctx.db
      .insertInto('council_minutes')
      .values({
        id,
        meeting_id: meeting.id,
        version: latest.version + 1,
        text: input.text,
        amend_reason: input.reason,
        state: 'draft',
        signed_at: null,
        created_at: at,
        created_by: by,
        updated_at: at,
        updated_by: by,
      })
      .execute();
    await ctx.audit({
      action: 'council.amendMinutes',
      area,
      recordType: 'council_minutes',
      recordId: id,
      summary: `${meeting.title} v${latest.version + 1}：${input.reason}`,
      after: { text: input.text, reason: input.reason },
    });
    return loadMeetingView(ctx.db, meeting.id);
  },
};
