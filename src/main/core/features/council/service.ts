// Rows → the contract's objects, and the meeting page's whole view in one read.

import type { Kysely } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type {
  ActionItem,
  ActionStatus,
  AgendaCategory,
  AgendaSource,
  AssemblyForm,
  Body,
  BodyKind,
  Meeting,
  MeetingState,
  MeetingSummary,
  MeetingView,
  Member,
  Motion,
  QuorumState,
  RollEntry,
  RollStatus,
  SignerRole,
  Threshold,
  VoteChoice,
  VoteMethod,
} from '../../../../shared/contract/council';
import type { Database } from '../../db/schema';
import type { CouncilActionItemsTable, CouncilBodiesTable, CouncilMeetingsTable, CouncilMembersTable } from './tables';
import * as repo from './repository';
import { quorumNeeded } from './rules';

type Db = Kysely<Database>;

export function toBody(row: CouncilBodiesTable, memberCount = 0, votingCount = 0): Body {
  return {
    id: row.id,
    kind: row.kind as BodyKind,
    name: row.name,
    assemblyForm: row.assembly_form as AssemblyForm | null,
    quorum: { num: row.quorum_num, den: row.quorum_den, strict: row.quorum_strict === 1 },
    defaultThreshold: row.default_threshold as Threshold,
    memberCount,
    votingCount,
  };
}

export function toMember(row: CouncilMembersTable): Member {
  return {
    id: row.id,
    bodyId: row.body_id,
    residentId: row.resident_id,
    householdId: row.household_id,
    name: row.name,
    role: row.role,
    votes: row.votes === 1,
    termStart: row.term_start,
    termEnd: row.term_end,
  };
}

type SummaryRow = {
  id: string;
  body_id: string;
  body_name: string;
  body_kind: string;
  title: string;
  held_on: string;
  start_time: string;
  place: string;
  state: string;
  quorate: number | null;
};

export function toSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    bodyKind: row.body_kind as BodyKind,
    title: row.title,
    heldOn: row.held_on,
    startTime: row.start_time,
    place: row.place,
    state: row.state as MeetingState,
    quorate: row.quorate === null ? null : row.quorate === 1,
  };
}

export function toMeeting(row: CouncilMeetingsTable, body: CouncilBodiesTable): Meeting {
  return {
    ...toSummary({ ...row, body_name: body.name, body_kind: body.kind }),
    convener: row.convener,
    request: row.request_count === null || row.request_base === null ? null : { count: row.request_count, base: row.request_base, note: row.request_note },
    chairName: row.chair_name,
    recorderName: row.recorder_name,
    notifiedOn: row.notified_on,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

export function toActionItem(row: CouncilActionItemsTable & { meeting_title: string; held_on: string; resolution_number: string | null }): ActionItem {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    heldOn: row.held_on,
    resolutionId: row.resolution_id,
    resolutionNumber: row.resolution_number,
    title: row.title,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status as ActionStatus,
    doneOn: row.done_on,
    result: row.result,
    publishedOn: row.published_on,
  };
}

export async function requireMeeting(db: Db, id: string): Promise<{ meeting: CouncilMeetingsTable; body: CouncilBodiesTable }> {
  const meeting = await repo.findMeeting(db, id);
  if (!meeting) throw new AppError('council.meeting_not_found', 'No such meeting');
  const body = (await repo.findBody(db, meeting.body_id))!;
  return { meeting, body };
}

/** Live before opening (the roll as marked so far), frozen from the opening on. */
export async function quorumOf(db: Db, meeting: CouncilMeetingsTable, body: CouncilBodiesTable, roll: RollEntry[]): Promise<QuorumState> {
  if (meeting.opened_at !== null) {
    return { base: meeting.quorum_base!, needed: meeting.quorum_needed!, present: meeting.present_voting!, quorate: meeting.quorate === 1, frozen: true };
  }
  const base = await repo.votingBase(db, body.id, meeting.held_on);
  const rule = { num: body.quorum_num, den: body.quorum_den, strict: body.quorum_strict === 1 };
  const needed = quorumNeeded(base, rule);
  const present = roll.filter((r) => r.status === 'present' && r.votes).length;
  return { base, needed, present, quorate: present >= needed, frozen: false };
}

export async function loadMeetingView(db: Db, id: string): Promise<MeetingView> {
  const { meeting, body } = await requireMeeting(db, id);
  const [agenda, rollRows, motions, recusals, rollCalls, resolutions, actions, minutes, signatures] = await Promise.all([
    repo.agendaRows(db, id),
    repo.rollRows(db, id),
    repo.motionRows(db, id),
    repo.recusalRows(db, id),
    repo.rollCallRows(db, id),
    repo.resolutionRows(db, id),
    repo.actionItemQuery(db).where('a.meeting_id', '=', id).orderBy('a.created_at').execute(),
    repo.minutesRows(db, id),
    repo.signatureRows(db, id),
  ]);
  const roll: RollEntry[] = rollRows.map((r) => ({
    seq: r.seq,
    memberId: r.member_id,
    name: r.name,
    role: r.role,
    status: r.status as RollStatus,
    reason: r.reason,
    votes: r.votes === 1,
  }));
  return {
    meeting: toMeeting(meeting, body),
    body: toBody(body),
    agenda: agenda.map((a) => ({
      id: a.id,
      seq: a.seq,
      title: a.title,
      category: a.category as AgendaCategory,
      source: a.source as AgendaSource,
      sourceRef: a.source_ref,
    })),
    roll,
    quorum: await quorumOf(db, meeting, body, roll),
    motions: motions.map((m): Motion => ({
      id: m.id,
      seq: m.seq,
      agendaItemId: m.agenda_item_id,
      title: m.title,
      discussion: m.discussion,
      method: m.method as VoteMethod,
      threshold: m.threshold as Threshold,
      state: m.state as Motion['state'],
      eligible: m.eligible,
      tally: m.votes_for === null ? null : { for: m.votes_for, against: m.votes_against!, abstain: m.votes_abstain! },
      passed: m.passed === null ? null : m.passed === 1,
      enteredBy: m.entered_by,
      checkedBy: m.checked_by,
      recusals: recusals.filter((r) => r.motion_id === m.id).map((r) => ({ memberId: r.member_id, name: r.name, reason: r.reason })),
      rollCall: rollCalls.filter((v) => v.motion_id === m.id).map((v) => ({ memberId: v.member_id, name: v.name, choice: v.choice as VoteChoice })),
    })),
    resolutions: resolutions.map((r) => ({
      id: r.id,
      motionId: r.motion_id,
      meetingId: r.meeting_id,
      year: r.year,
      seq: r.seq,
      number: r.number,
      text: r.text,
    })),
    actionItems: actions.map(toActionItem),
    minutes: minutes.map((v) => ({
      id: v.id,
      version: v.version,
      text: v.text,
      amendReason: v.amend_reason,
      state: v.state as 'draft' | 'signed',
      signedAt: v.signed_at,
      signatures: signatures.filter((s) => s.minutes_id === v.id).map((s) => ({ role: s.role as SignerRole, name: s.name, signedAt: s.signed_at })),
    })),
  };
}
