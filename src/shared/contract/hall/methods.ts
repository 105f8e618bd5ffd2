import { z } from 'zod';
import { method, returns } from '../define';
import { cursor, id, isoDate, optionalDate, pageLimit, type Page } from '../common';
import {
  holidayKinds,
  materialForms,
  registerOutcomes,
  ticketKinds,
  ticketStatuses,
  type DueDate,
  type HallService,
  type HallSettings,
  type HolidayYear,
  type SupervisionBoard,
  type TicketRow,
  type TicketView,
} from './types';

const text = (max: number) => z.string().trim().max(max);
const personName = z.string().trim().min(1, 'contract.required').max(40);

export const materialInput = z.object({
  name: z.string().trim().min(1, 'contract.required').max(80),
  form: z.enum(materialForms),
  copies: z.number().int().min(1).max(20).default(1),
  issuer: text(60).default(''),
  required: z.boolean().default(true),
});

export const serviceInput = z.object({
  id: id.optional(),
  code: z.string().trim().min(1, 'contract.required').max(16),
  name: z.string().trim().min(1, 'contract.required').max(60),
  category: text(30).default(''),
  department: z.string().trim().min(1, 'contract.required').max(60),
  legalBasis: text(500).default(''),
  conditions: text(1000).default(''),
  timeLimitDays: z.number().int().min(0).max(180),
  fee: text(60).default('不收费'),
  place: text(100).default(''),
  contact: text(40).default(''),
  materials: z.array(materialInput).max(40).default([]),
});

export const registerInput = z.object({
  kind: z.enum(ticketKinds),
  /** Required for an application; a complaint or enquiry may name none. */
  serviceId: id.nullable().default(null),
  outcome: z.enum(registerOutcomes),
  /** A resident of the registry; the applicant's name is then theirs. */
  residentId: id.nullable().default(null),
  applicantName: personName,
  /** Optional for a walk-in; checked (GB 11643) when it is a 居民身份证 number; stored encrypted. */
  applicantIdNumber: text(40).default(''),
  applicantPhone: text(30).default(''),
  summary: text(2000).default(''),
  /** The service's materials, each marked received or not (names as the catalogue has them). */
  received: z
    .array(z.object({ name: z.string().trim().min(1).max(80), received: z.boolean() }))
    .max(40)
    .default([]),
  /** 容缺受理 only: the date the missing items are pledged for, and that the pledge was signed. */
  supplementBy: optionalDate,
  pledgeSigned: z.boolean().default(false),
  /** 承办人 at the counter (defaults to the signed-in user). */
  handlerName: text(40).default(''),
  /** 'answer' only: the reply given on the spot. */
  result: text(2000).default(''),
});

export const ratingInput = z.object({
  id,
  level: z.number().int().min(1).max(5),
  efficiency: z.number().int().min(1).max(5).nullable().default(null),
  attitude: z.number().int().min(1).max(5).nullable().default(null),
  skill: z.number().int().min(1).max(5).nullable().default(null),
  comment: text(500).default(''),
});

export const hallSettingsInput = z.object({
  replyWorkingDays: z.number().int().min(1).max(60),
  followUpWorkingDays: z.number().int().min(1).max(30),
  dueSoonWorkingDays: z.number().int().min(0).max(10),
});

export const hallMethods = {
  // The catalogue (服务事项) and its 办事指南.
  'hall.listServices': method(
    { input: z.object({ includeArchived: z.boolean().default(false), query: text(40).default('') }), access: 'hall.read', writes: false },
    returns<HallService[]>(),
  ),
  'hall.saveService': method({ input: serviceInput, access: 'hall.manage', writes: true }, returns<HallService>()),
  /** Services are archived, never deleted (their tickets keep citing them). */
  'hall.setServiceArchived': method({ input: z.object({ id, archived: z.boolean() }), access: 'hall.manage', writes: true }, returns<HallService>()),

  // The working-day calendar (法定节假日 and 调休), shipped as data and extendable without a release.
  'hall.listHolidays': method({ input: z.object({}).default({}), access: 'hall.read', writes: false }, returns<HolidayYear[]>()),
  /** Enters or replaces a year's notice (its holidays and make-up working days). */
  'hall.saveHolidayYear': method(
    {
      input: z.object({
        year: z.number().int().min(2000).max(2100),
        days: z
          .array(z.object({ date: isoDate, kind: z.enum(holidayKinds), note: text(40).default('') }))
          .min(1)
          .max(80),
      }),
      access: 'hall.manage',
      writes: true,
    },
    returns<HolidayYear>(),
  ),
  /** The promised date for a time limit counted from a day (the day itself not counted, 民法典 第201条). */
  'hall.dueDate': method(
    { input: z.object({ from: isoDate, workingDays: z.number().int().min(0).max(180) }), access: 'hall.read', writes: false },
    returns<DueDate>(),
  ),

  // The hall's local rules (窗口规则): reply and follow-up deadlines, the board's due-soon window.
  'hall.settings': method({ input: z.object({}).default({}), access: 'hall.read', writes: false }, returns<HallSettings>()),
  'hall.saveSettings': method({ input: hallSettingsInput, access: 'hall.manage', writes: true }, returns<HallSettings>()),

  // Tickets (办件): register at the counter, then supplement, transfer, complete or refuse; 好差评 and its follow-up.
  'hall.register': method({ input: registerInput, access: 'hall.accept', writes: true }, returns<TicketView>()),
  /**
   * The applicant brings what was missing: a 容缺 ticket's items are marked supplied; a notified ticket is
   * accepted that day (its time limit starts then) once every required material is in.
   */
  'hall.supplement': method(
    {
      input: z.object({ id, items: z.array(z.string().trim().min(1).max(80)).min(1).max(40), note: text(500).default('') }),
      access: 'hall.accept',
      writes: true,
    },
    returns<TicketView>(),
  ),
  'hall.transfer': method(
    {
      input: z.object({
        id,
        department: z.string().trim().min(1, 'contract.required').max(60),
        handlerName: text(40).default(''),
        note: text(500).default(''),
      }),
      access: 'hall.accept',
      writes: true,
    },
    returns<TicketView>(),
  ),
  /** 办结: the decision or reply, as the department gave it. */
  'hall.complete': method(
    { input: z.object({ id, result: z.string().trim().min(1, 'contract.required').max(2000) }), access: 'hall.accept', writes: true },
    returns<TicketView>(),
  ),
  /** 不予受理 / 不予办理: the reason, and the applicant's remedies (复议、诉讼). */
  'hall.refuse': method(
    {
      input: z.object({ id, reason: z.string().trim().min(1, 'contract.required').max(1000), remedies: text(1000).default('') }),
      access: 'hall.accept',
      writes: true,
    },
    returns<TicketView>(),
  ),
  /** 一次一评: once per ticket; voluntary, so never required. */
  'hall.rate': method({ input: ratingInput, access: 'hall.accept', writes: true }, returns<TicketView>()),
  /** 差评's 核实整改反馈, once. */
  'hall.followUp': method(
    {
      input: z.object({
        id,
        contactedOn: isoDate,
        verified: z.string().trim().min(1, 'contract.required').max(1000),
        rectification: text(1000).default(''),
        feedback: text(1000).default(''),
      }),
      access: 'hall.accept',
      writes: true,
    },
    returns<TicketView>(),
  ),
  'hall.listTickets': method(
    {
      input: z.object({
        /** A status, or 'open' (accepted or transferred) or 'overdue'. */
        status: z
          .enum([...ticketStatuses, 'open', 'overdue'])
          .nullable()
          .default(null),
        kind: z.enum(ticketKinds).nullable().default(null),
        serviceId: id.nullable().default(null),
        /** A ticket number (or its tail), or the applicant's name. */
        query: text(40).default(''),
        from: optionalDate,
        to: optionalDate,
        cursor,
        limit: pageLimit,
      }),
      access: 'hall.read',
      writes: false,
    },
    returns<Page<TicketRow>>(),
  ),
  'hall.getTicket': method({ input: z.object({ id }), access: 'hall.read', writes: false }, returns<TicketView>()),
  /** The applicant's full ID number or phone (for a call-back): a reason is required, and it is audited. */
  'hall.reveal': method(
    {
      input: z.object({ id, field: z.enum(['idNumber', 'phone']), reason: z.string().trim().min(2, 'hall.reason_required').max(200) }),
      access: 'hall.accept',
      writes: true,
    },
    returns<{ value: string }>(),
  ),
  'hall.supervision': method({ input: z.object({}).default({}), access: 'hall.read', writes: false }, returns<SupervisionBoard>()),
};
