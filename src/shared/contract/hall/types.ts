// What the service counter's (一站式服务大厅) methods return. Plain objects: rows never cross IPC.

/** 办理 (an application under a catalogue service), 咨询 (answered at the counter), 投诉 (a complaint). */
export const ticketKinds = ['application', 'enquiry', 'complaint'] as const;
export type TicketKind = (typeof ticketKinds)[number];

/**
 * notified: materials incomplete, not accepted; the applicant got a 一次性告知书 (行政许可法 第32条).
 * accepted: 受理 (possibly 容缺受理, with items to supplement by a date). transferred: handed to the
 * department that decides (转办). completed: 办结, the reply recorded. refused: 不予受理, with the reason
 * and the applicant's remedies.
 */
export const ticketStatuses = ['notified', 'accepted', 'transferred', 'completed', 'refused'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];
/** The states in which the time limit runs. */
export const openStatuses = ['accepted', 'transferred'] as const satisfies readonly TicketStatus[];

/** How a ticket is registered at the counter. */
export const registerOutcomes = [
  'accept', // every required material received: 受理
  'accept_deficient', // 容缺受理: minor items missing, the applicant pledges to supplement them by a date
  'notify', // 一次性告知: not accepted; everything missing is listed in one notice
  'answer', // an enquiry answered on the spot (办结 at once)
] as const;
export type RegisterOutcome = (typeof registerOutcomes)[number];

export const materialForms = ['original', 'copy', 'original_and_copy'] as const;
export type MaterialForm = (typeof materialForms)[number];

/** 好差评's five levels (国办发〔2019〕51号): 5 非常满意 … 1 非常不满意; 1 and 2 are 差评. */
export const ratingLevels = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof ratingLevels)[number];
export function isBadRating(level: number): boolean {
  return level <= 2;
}

/** A day the State Council's notice makes a holiday (off) or a make-up working day (work, 调休). */
export const holidayKinds = ['off', 'work'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export interface ServiceMaterial {
  name: string;
  form: MaterialForm;
  copies: number;
  /** Who issues it (出具单位), '' when the applicant brings their own. */
  issuer: string;
  /** A required material must be received (or, for 容缺受理, pledged) before the ticket is accepted. */
  required: boolean;
}

/** One service of the catalogue (服务事项) as its 办事指南 publishes it. */
export interface HallService {
  id: string;
  /** Short code on the board and the receipt, e.g. "SB-01". */
  code: string;
  name: string;
  category: string;
  /** The department that decides (承办部门), e.g. 街道社保所. */
  department: string;
  legalBasis: string;
  conditions: string;
  /** Promised time limit in working days; 0 = 即办 (done on the spot). */
  timeLimitDays: number;
  fee: string;
  /** Where it is handled (办理地点) and how to reach the desk (咨询电话). */
  place: string;
  contact: string;
  materials: ServiceMaterial[];
  archived: boolean;
  updatedAt: string;
}

export interface ReceivedMaterial {
  name: string;
  form: MaterialForm;
  copies: number;
  required: boolean;
  received: boolean;
}

export interface TicketRating {
  level: RatingLevel;
  /** Sub-indicators (GB/T 39734): 服务效率, 服务态度, 服务水平, each 1–5, or null when not asked. */
  efficiency: number | null;
  attitude: number | null;
  skill: number | null;
  comment: string;
  ratedAt: string;
  bad: boolean;
  /** For a 差评: the working day by which the applicant must be contacted (核实整改反馈). */
  followUpDueOn: string | null;
}

export interface TicketFollowUp {
  contactedOn: string;
  verified: string;
  rectification: string;
  feedback: string;
  byName: string;
  at: string;
}

export interface TicketEvent {
  at: string;
  actorName: string;
  /** registered, accepted, notified, supplemented, transferred, completed, refused, rated, followed_up, revealed */
  action: string;
  detail: string;
}

/** One line of the tickets list and of the supervision board. */
export interface TicketRow {
  id: string;
  number: string;
  kind: TicketKind;
  status: TicketStatus;
  serviceName: string;
  department: string;
  applicantName: string;
  registeredAt: string;
  acceptedOn: string | null;
  dueOn: string | null;
  completedOn: string | null;
  firstOfficerName: string;
  handlerName: string;
  /** Open and past its due day (today in the hall's time zone). */
  overdue: boolean;
  /** Working days from today to the due day (0 = due today, negative = overdue); null when not running. */
  workingDaysLeft: number | null;
  ratingLevel: RatingLevel | null;
  /** A 差评 without its follow-up yet. */
  followUpPending: boolean;
}

export interface Ticket extends TicketRow {
  serviceId: string | null;
  serviceCode: string;
  residentId: string | null;
  applicantIdMasked: string;
  applicantPhoneMasked: string;
  /** What the applicant asked for or complained about (事项说明). */
  summary: string;
  materials: ReceivedMaterial[];
  /** 容缺受理: the items to supplement, by when, and whether the pledge (承诺书) was signed. */
  deficientItems: string[];
  supplementBy: string | null;
  pledgeSigned: boolean;
  supplementedOn: string | null;
  /** 一次性告知: what was missing. */
  missingItems: string[];
  transferredTo: string;
  transferredOn: string | null;
  result: string;
  refusedReason: string;
  remedies: string;
  rating: TicketRating | null;
  followUp: TicketFollowUp | null;
}

export interface TicketView extends Ticket {
  events: TicketEvent[];
}

/** A 差评 waiting for its follow-up, as the board lists it. */
export interface FollowUpRow extends TicketRow {
  ratingComment: string;
  followUpDueOn: string | null;
}

/** A 容缺 ticket whose materials are late, as the board lists it. */
export interface SupplementRow extends TicketRow {
  deficientItems: string[];
  supplementBy: string | null;
}

export interface SupervisionBoard {
  today: string;
  counts: {
    open: number;
    overdue: number;
    dueSoon: number;
    completedThisMonth: number;
    /** Of the tickets completed this month, those completed on or before their due day, in per cent; null when none. */
    onTimePercent: number | null;
    ratedThisMonth: number;
    badThisMonth: number;
    followUpPending: number;
  };
  /** Open tickets past their due day, most overdue first. */
  overdue: TicketRow[];
  /** Open tickets due within the next dueSoonWorkingDays working days (today included). */
  dueSoon: TicketRow[];
  /** The hall's due-soon window the board was counted with (窗口规则; 0 = due today only). */
  dueSoonWorkingDays: number;
  /** 差评 waiting for their follow-up, soonest due first. */
  followUps: FollowUpRow[];
  /** 容缺受理 tickets whose supplement date has passed without the items. */
  supplementsLate: SupplementRow[];
}

export interface HolidayDay {
  date: string;
  kind: HolidayKind;
  note: string;
}

export interface HolidayYear {
  year: number;
  /** shipped: from the notice shipped with Linli; added: entered here (a later notice, a correction). */
  source: 'shipped' | 'added';
  days: HolidayDay[];
}

export interface DueDate {
  from: string;
  workingDays: number;
  dueOn: string;
  /** A date beyond the calendar's known years was counted with weekends only. */
  calendarKnown: boolean;
}

/**
 * The hall's local rules (DOMAIN.md §9: 好差评 and reply deadlines differ by locality). Stored in the
 * settings table under hall.* keys; a hall that never saved them works with 5, 1 and 2.
 */
export interface HallSettings {
  /** The time limit of a complaint, or an enquiry answered later, that names no catalogue service. */
  replyWorkingDays: number;
  /** A 差评's follow-up is due this many working days after the day it was given. */
  followUpWorkingDays: number;
  /** The board's "due soon": open tickets due within this many working days (0 = today only). */
  dueSoonWorkingDays: number;
}
