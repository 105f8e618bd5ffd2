import { z } from 'zod';
import { method, returns } from '../define';
import { cursor, id, isoDate, optionalDate, pageLimit, type Page } from '../common';
import {
  actionStatuses,
  agendaCategories,
  agendaSources,
  assemblyForms,
  bodyKinds,
  rollStatuses,
  thresholds,
  voteChoices,
  voteMethods,
  signerRoles,
  issueStatuses,
  registerKinds,
  registerStatuses,
  type Issue,
  type RegisterEntry,
  type Resolution,
  type ActionItem,
  type AgendaItem,
  type Body,
  type Meeting,
  type MeetingSummary,
  type MeetingView,
  type Member,
  type Motion,
} from './types';

const text = (max: number) => z.string().trim().max(max);
const name = z.string().trim().min(1).max(40);
const count = z.number().int().min(0).max(1_000_000);

export const bodyInput = z.object({
  id: id.optional(),
  kind: z.enum(bodyKinds),
  name: z.string().trim().min(1).max(60),
  assemblyForm: z.enum(assemblyForms).nullable().default(null),
  /** Omitted: the statute's rule for the kind (居民会议 > 1/2, 代表会议 and 评议 ≥ 2/3). */
  quorum: z.object({ num: z.number().int().min(1).max(100), den: z.number().int().min(1).max(100), strict: z.boolean() }).optional(),
  defaultThreshold: z.enum(thresholds).optional(),
});

export const memberInput = z.object({
  id: id.optional(),
  bodyId: id,
  residentId: id.nullable().default(null),
  name,
  role: text(20).default(''),
  /** Omitted: members vote, except on the 居务监督委员会 (voice, no vote). */
  votes: z.boolean().optional(),
  termStart: isoDate,
  termEnd: optionalDate,
});

export const meetingInput = z.object({
  id: id.optional(),
  bodyId: id,
  title: z.string().trim().min(1).max(80),
  convener: text(40).default(''),
  /** A 居民会议 convened because ≥ 1/5 asked (组织法 第10条). */
  request: z
    .object({ count: z.number().int().min(1), base: z.number().int().min(1), note: text(200).default('') })
    .nullable()
    .default(null),
  heldOn: isoDate,
  startTime: z
    .string()
    .regex(/^(\d{2}:\d{2})?$/, 'contract.time_format')
    .default(''),
  place: text(60).default(''),
  chairName: text(20).default(''),
  recorderName: text(20).default(''),
});

export const rollInput = z.object({
  meetingId: id,
  entries: z
    .array(z.object({ memberId: id.nullable().default(null), name, role: text(20).default(''), status: z.enum(rollStatuses), reason: text(100).default('') }))
    .max(5000),
});

const tally = { for: count, against: count, abstain: count };

export const councilMethods = {
  'council.listBodies': method({ input: z.object({}), access: 'council.read', writes: false }, returns<Body[]>()),
  'council.saveBody': method({ input: bodyInput, access: 'council.write', writes: true }, returns<Body>()),
  'council.listMembers': method({ input: z.object({ bodyId: id }), access: 'council.read', writes: false }, returns<Member[]>()),
  'council.saveMember': method({ input: memberInput, access: 'council.write', writes: true }, returns<Member>()),
  /** A household-representative 居民会议's roll: one member per household of the registry (its head). */
  'council.drawHouseholdRoll': method(
    { input: z.object({ bodyId: id, termStart: isoDate }), access: 'council.write', writes: true },
    returns<{ added: number }>(),
  ),

  'council.listMeetings': method(
    { input: z.object({ bodyId: id.optional(), cursor, limit: pageLimit }), access: 'council.read', writes: false },
    returns<Page<MeetingSummary>>(),
  ),
  'council.getMeeting': method({ input: z.object({ id }), access: 'council.read', writes: false }, returns<MeetingView>()),
  'council.saveMeeting': method({ input: meetingInput, access: 'council.write', writes: true }, returns<Meeting>()),
  'council.saveAgendaItem': method(
    {
      input: z.object({
        meetingId: id,
        id: id.optional(),
        title: z.string().trim().min(1).max(100),
        category: z.enum(agendaCategories),
        source: z.enum(agendaSources),
        sourceRef: text(60).default(''),
      }),
      access: 'council.write',
      writes: true,
    },
    returns<AgendaItem>(),
  ),
  /** draft → notified: the notice is published. */
  'council.notifyMeeting': method({ input: z.object({ id }), access: 'council.write', writes: true }, returns<Meeting>()),
  /** The roll before the meeting opens; refused once it is open (the roll is frozen). */
  'council.markAttendance': method({ input: rollInput, access: 'council.write', writes: true }, returns<MeetingView>()),
  'council.openMeeting': method({ input: z.object({ id }), access: 'council.write', writes: true }, returns<MeetingView>()),
  'council.closeMeeting': method({ input: z.object({ id }), access: 'council.write', writes: true }, returns<MeetingView>()),

  'council.addMotion': method(
    {
      input: z.object({
        meetingId: id,
        agendaItemId: id.nullable().default(null),
        title: z.string().trim().min(1).max(200),
        discussion: text(4000).default(''),
        method: z.enum(voteMethods),
        threshold: z.enum(thresholds).optional(),
        recusals: z
          .array(z.object({ memberId: id, reason: z.string().trim().min(1).max(100) }))
          .max(200)
          .default([]),
      }),
      access: 'council.write',
      writes: true,
    },
    returns<Motion>(),
  ),
  /** Counts (举手, 无记名投票) or each voter's choice (唱名). A paper ballot waits for a second user's check. */
  'council.recordVote': method(
    {
      input: z.object({
        motionId: id,
        tally: z.object(tally).nullable().default(null),
        rollCall: z
          .array(z.object({ memberId: id, choice: z.enum(voteChoices) }))
          .max(5000)
          .nullable()
          .default(null),
      }),
      access: 'council.write',
      writes: true,
    },
    returns<Motion>(),
  ),
  /** A second user counts the paper ballots again; the counts must match the first entry. */
  'council.checkTally': method({ input: z.object({ motionId: id, tally: z.object(tally) }), access: 'council.write', writes: true }, returns<Motion>()),

  'council.saveActionItem': method(
    {
      input: z.object({
        id: id.optional(),
        meetingId: id,
        resolutionId: id.nullable().default(null),
        title: z.string().trim().min(1).max(200),
        ownerName: name,
        dueOn: isoDate,
      }),
      access: 'council.write',
      writes: true,
    },
    returns<ActionItem>(),
  ),
  'council.setActionStatus': method(
    { input: z.object({ id, status: z.enum(actionStatuses), result: text(1000).default('') }), access: 'council.write', writes: true },
    returns<ActionItem>(),
  ),
  /** 实施结果公开: a done item is marked published (its notice printed). */
  'council.publishActionResult': method({ input: z.object({ id }), access: 'council.write', writes: true }, returns<ActionItem>()),
  /** Open and in-progress action items across meetings, soonest due first. */
  'council.followUp': method({ input: z.object({ cursor, limit: pageLimit }), access: 'council.read', writes: false }, returns<Page<ActionItem>>()),

  /** The draft minutes' text; refused once signed. */
  'council.saveMinutes': method({ input: z.object({ meetingId: id, text: text(50_000) }), access: 'council.write', writes: true }, returns<MeetingView>()),
  /** Records the paper signatures (chair and recorder; every participant for a 评议) and locks the version. */
  'council.signMinutes': method(
    {
      input: z.object({
        meetingId: id,
        signers: z
          .array(z.object({ role: z.enum(signerRoles), name }))
          .min(1)
          .max(500),
      }),
      access: 'council.write',
      writes: true,
    },
    returns<MeetingView>(),
  ),
  /** A new version of signed minutes, with the reason; the signed one stays as it was. */
  'council.amendMinutes': method(
    { input: z.object({ meetingId: id, text: text(50_000), reason: z.string().trim().min(1).max(200) }), access: 'council.write', writes: true },
    returns<MeetingView>(),
  ),

  /** The 议事事项清单, newest first. */
  'council.listIssues': method({ input: z.object({ cursor, limit: pageLimit }), access: 'council.read', writes: false }, returns<Page<Issue>>()),
  'council.saveIssue': method(
    {
      input: z.object({
        id: id.optional(),
        title: z.string().trim().min(1).max(200),
        raisedBy: text(40).default(''),
        raisedOn: isoDate,
        category: z.enum(agendaCategories),
        status: z.enum(issueStatuses).default('raised'),
        decision: text(1000).default(''),
        resolutionId: id.nullable().default(null),
      }),
      access: 'council.write',
      writes: true,
    },
    returns<Issue>(),
  ),
  /** A register of one kind and year: 居民公约, the yearly plan, the 居民议事日 calendar. */
  'council.listRegister': method(
    { input: z.object({ kind: z.enum(registerKinds), year: z.number().int().min(2000).max(2100) }), access: 'council.read', writes: false },
    returns<RegisterEntry[]>(),
  ),
  'council.saveRegisterEntry': method(
    {
      input: z.object({
        id: id.optional(),
        kind: z.enum(registerKinds),
        year: z.number().int().min(2000).max(2100),
        onDate: optionalDate,
        title: z.string().trim().min(1).max(200),
        text: text(10_000).default(''),
        status: z.enum(registerStatuses).default('active'),
        resolutionId: id.nullable().default(null),
      }),
      access: 'council.write',
      writes: true,
    },
    returns<RegisterEntry>(),
  ),
  /** Resolutions of a year, for citing (the charity ledger, the registers). */
  'council.listResolutions': method(
    { input: z.object({ year: z.number().int().min(2000).max(2100) }), access: 'council.read', writes: false },
    returns<Resolution[]>(),
  ),
};
