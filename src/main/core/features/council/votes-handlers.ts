import { AppError } from '../../../../shared/errors';
import type { Tally, Threshold } from '../../../../shared/contract/council';
import type { HandlerContext, HandlerMap } from '../../context';
import { newId } from '../../util/ids';
import * as repo from './repository';
import { allocateResolutionNumber } from './resolution-numbers';
import { motionPasses } from './rules';
import { loadMeetingView, requireMeeting } from './service';
import type { CouncilMeetingsTable, CouncilMotionsTable } from './tables';

type VoteMethods = 'council.addMotion' | 'council.recordVote' | 'council.checkTally';

const area = 'council';

async function motionOf(ctx: HandlerContext, id: string) {
  const motion = await repo.findMotion(ctx.db, id);
  if (!motion) throw new AppError('council.motion_not_found', 'No such motion');
  const { meeting } = await requireMeeting(ctx.db, motion.meeting_id);
  return { motion, meeting };
}

async function viewOfMotion(ctx: HandlerContext, meetingId: string, motionId: string) {
  return (await loadMeetingView(ctx.db, meetingId)).motions.find((m) => m.id === motionId)!;
}

/** The voters a motion counts: present voting members on the frozen roll, less those who recused. */
async function eligibleVoters(ctx: HandlerContext, motion: CouncilMotionsTable) {
  const roll = await repo.rollRows(ctx.db, motion.meeting_id);
  const recused = new Set(
    (await ctx.db.selectFrom('council_recusals').select('member_id').where('motion_id', '=', motion.id).execute()).map((r) => r.member_id),
  );
  return { roll, recused, eligible: roll.filter((r) => r.status === 'present' && r.votes === 1 && !recused.has(r.member_id!)).length };
}

/** No binding vote without a quorum (组织法 第9条); the meeting may still record the discussion. */
function requireQuorum(meeting: CouncilMeetingsTable): void {
  if (meeting.state !== 'open') throw new AppError('council.meeting_not_open', 'Votes are taken only while the meeting is open');
  if (meeting.quorate !== 1) {
    throw new AppError('council.no_quorum', 'The meeting has no quorum: no binding vote', {
      params: { present: meeting.present_voting ?? 0, needed: meeting.quorum_needed ?? 0 },
    });
  }
}

/** Writes the result and, for a motion that passed, its numbered resolution. */
async function decide(
  ctx: HandlerContext,
  motion: CouncilMotionsTable,
  meeting: CouncilMeetingsTable,
  tally: Tally,
  eligible: number,
  check: { by: string } | null,
) {
  const at = ctx.now().toISOString();
  const by = ctx.actor().id;
  const passed = motionPasses(motion.threshold as Threshold, tally, eligible);
  await ctx.db
    .updateTable('council_motions')
    .set({
      state: 'decided',
      eligible,
      votes_for: tally.for,
      votes_against: tally.against,
      votes_abstain: tally.abstain,
      passed: passed ? 1 : 0,
      entered_by: check ? motion.entered_by : by,
      entered_at: check ? motion.entered_at : at,
      checked_by: check?.by ?? null,
      checked_at: check ? at : null,
      updated_at: at,
      updated_by: by,
    })
    .where('id', '=', motion.id)
    .execute();
  if (passed) {
    const year = Number(meeting.held_on.slice(0, 4));
    const { seq, number } = await allocateResolutionNumber(ctx.db, year);
    await ctx.db
      .insertInto('council_resolutions')
      .values({ id: newId(), meeting_id: meeting.id, motion_id: motion.id, year, seq, number, text: motion.title, created_at: at, created_by: by })
      .execute();
  }
  const view = await viewOfMotion(ctx, meeting.id, motion.id);
  await ctx.audit({
    action: 'council.decideMotion',
    area,
    recordType: 'council_motion',
    recordId: motion.id,
    summary: `${motion.title} ${tally.for}/${tally.against}/${tally.abstain} ${passed ? '通过' : '未通过'}`,
    after: view,
  });
  return view;
}

function checkTallyFits(tally: Tally, eligible: number): void {
  const cast = tally.for + tally.against + tally.abstain;
  if (cast > eligible)
    throw new AppError('council.too_many_votes', 'More votes than voters present', { params: { cast, eligible }, fields: { tally: 'council.too_many_votes' } });
}

export const votesHandlers: HandlerMap<VoteMethods> = {
  async 'council.addMotion'(input, ctx) {
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    const { meeting, body } = await requireMeeting(ctx.db, input.meetingId);
    if (meeting.state !== 'open') throw new AppError('council.meeting_not_open', 'Motions are moved only while the meeting is open');
    if (input.agendaItemId) {
      const item = await ctx.db
        .selectFrom('council_agenda_items')
        .select('id')
        .where('id', '=', input.agendaItemId)
        .where('meeting_id', '=', meeting.id)
        .executeTakeFirst();
      if (!item) throw new AppError('council.agenda_item_not_found', 'No such agenda item');
    }
    const roll = await repo.rollRows(ctx.db, meeting.id);
    for (const r of input.recusals) {
      if (!roll.some((e) => e.member_id === r.memberId))
        throw new AppError('council.member_not_on_roll', 'Only a member on the roll can recuse', { fields: { recusals: 'council.member_not_on_roll' } });
    }
    const last = await ctx.db
      .selectFrom('council_motions')
      .select((eb) => eb.fn.max<number | null>('seq').as('s'))
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst();
    const id = newId();
    await ctx.db
      .insertInto('council_motions')
      .values({
        id,
        meeting_id: meeting.id,
        agenda_item_id: input.agendaItemId,
        seq: (last?.s ?? 0) + 1,
        title: input.title,
        discussion: input.discussion,
        method: input.method,
        threshold: input.threshold ?? body.default_threshold,
        state: 'discussion',
        created_at: at,
        created_by: by,
        updated_at: at,
        updated_by: by,
      })
      .execute();
    if (input.recusals.length)
      await ctx.db
        .insertInto('council_recusals')
        .values(input.recusals.map((r) => ({ motion_id: id, member_id: r.memberId, reason: r.reason })))
        .execute();
    const view = await viewOfMotion(ctx, meeting.id, id);
    await ctx.audit({
      action: 'council.addMotion',
      area,
      recordType: 'council_motion',
      recordId: id,
      summary: `${meeting.title}：${input.title}`,
      after: view,
    });
    return view;
  },

  async 'council.recordVote'(input, ctx) {
    const { motion, meeting } = await motionOf(ctx, input.motionId);
    if (motion.state !== 'discussion') throw new AppError('council.motion_decided', 'The vote on this motion is already recorded');
    requireQuorum(meeting);
    const { roll, recused, eligible } = await eligibleVoters(ctx, motion);

    if (motion.method === 'roll_call') {
      if (!input.rollCall)
        throw new AppError('council.roll_call_needed', 'A roll-call vote records each voter', { fields: { rollCall: 'council.roll_call_needed' } });
      const tally: Tally = { for: 0, against: 0, abstain: 0 };
      const seen = new Set<string>();
      for (const v of input.rollCall) {
        const entry = roll.find((r) => r.member_id === v.memberId);
        if (entry && entry.votes !== 1) throw new AppError('council.member_cannot_vote', 'This member has no vote', { params: { name: entry.name } });
        if (!entry || entry.status !== 'present')
          throw new AppError('council.voter_not_present', 'Only members present may vote', { params: { name: entry?.name ?? v.memberId } });
        if (recused.has(v.memberId)) throw new AppError('council.member_recused', 'This member has recused from the motion', { params: { name: entry.name } });
        if (seen.has(v.memberId)) throw new AppError('council.vote_duplicate', 'A member voted twice', { params: { name: entry.name } });
        seen.add(v.memberId);
        tally[v.choice]++;
      }
      checkTallyFits(tally, eligible);
      await ctx.db
        .insertInto('council_roll_call_votes')
        .values(input.rollCall.map((v) => ({ motion_id: motion.id, member_id: v.memberId, choice: v.choice })))
        .execute();
      return decide(ctx, motion, meeting, tally, eligible, null);
    }

    if (!input.tally) throw new AppError('council.tally_needed', 'Enter the counts for, against and abstaining', { fields: { tally: 'council.tally_needed' } });
    checkTallyFits(input.tally, eligible);
    if (motion.method === 'hands') return decide(ctx, motion, meeting, input.tally, eligible, null);

    // Paper ballots: entered now, decided when a second user's count matches.
    const at = ctx.now().toISOString();
    const by = ctx.actor().id;
    await ctx.db
      .updateTable('council_motions')
      .set({
        state: 'entered',
        eligible,
        votes_for: input.tally.for,
        votes_against: input.tally.against,
        votes_abstain: input.tally.abstain,
        entered_by: by,
        entered_at: at,
        updated_at: at,
        updated_by: by,
      })
      .where('id', '=', motion.id)
      .execute();
    const view = await viewOfMotion(ctx, meeting.id, motion.id);
    await ctx.audit({
      action: 'council.recordVote',
      area,
      recordType: 'council_motion',
      recordId: motion.id,
      summary: `${motion.title} ${input.tally.for}/${input.tally.against}/${input.tally.abstain}`,
      after: view,
    });
    return view;
  },

  async 'council.checkTally'(input, ctx) {
    const { motion, meeting } = await motionOf(ctx, input.motionId);
    if (motion.state !== 'entered') throw new AppError('council.motion_state', 'This motion has no ballot count waiting for a check');
    const by = ctx.actor().id;
    if (by === motion.entered_by) throw new AppError('council.check_same_user', 'The second count must be made by another user');
    const entered = { for: motion.votes_for!, against: motion.votes_against!, abstain: motion.votes_abstain! };
    if (entered.for !== input.tally.for || entered.against !== input.tally.against || entered.abstain !== input.tally.abstain) {
      throw new AppError('council.check_mismatch', 'The second count differs from the first: count the ballots again');
    }
    return decide(ctx, motion, meeting, entered, motion.eligible!, { by: by! });
  },
};
