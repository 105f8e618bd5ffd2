// The service counter's tables as Kysely sees them (migration 0019); merged into the app's Database in db/schema.ts.

import type { Generated, Selectable } from 'kysely';

interface Stamped {
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface HallServicesTable extends Stamped {
  id: string;
  code: string;
  name: string;
  category: string;
  department: string;
  legal_basis: string;
  conditions: string;
  time_limit_days: number;
  fee: string;
  place: string;
  contact: string;
  /** JSON array of { name, form, copies, issuer, required }. */
  materials: string;
  archived: number;
}

/** Years entered at the hall; a year here replaces the shipped year (resources/data/holidays.json) as a whole. */
export interface HallHolidaysTable extends Stamped {
  date: string;
  year: number;
  kind: string;
  note: string;
}

export interface HallTicketsTable extends Stamped {
  id: string;
  number: string;
  kind: string;
  status: string;
  service_id: string | null;
  service_code: string;
  service_name: string;
  department: string;
  time_limit_days: number | null;
  resident_id: string | null;
  applicant_name: string;
  applicant_id_cipher: string | null;
  applicant_id_masked: string;
  applicant_phone_cipher: string | null;
  applicant_phone_masked: string;
  summary: string;
  /** JSON array of { name, form, copies, required, received }. */
  materials: string;
  /** JSON array of material names. */
  deficient_items: string;
  supplement_by: string | null;
  pledge_signed: number;
  supplemented_on: string | null;
  /** JSON array of material names. */
  missing_items: string;
  registered_at: string;
  registered_on: string;
  accepted_on: string | null;
  due_on: string | null;
  first_officer_id: string | null;
  first_officer_name: string;
  handler_name: string;
  transferred_to: string;
  transferred_on: string | null;
  completed_on: string | null;
  result: string;
  refused_reason: string;
  remedies: string;
  rating_level: number | null;
  rating_efficiency: number | null;
  rating_attitude: number | null;
  rating_skill: number | null;
  rating_comment: string;
  rated_at: string | null;
  follow_up_due_on: string | null;
  follow_up_contacted_on: string | null;
  follow_up_verified: string;
  follow_up_rectification: string;
  follow_up_feedback: string;
  follow_up_by_name: string;
  follow_up_at: string | null;
}

export interface HallTicketEventsTable {
  /** INTEGER PRIMARY KEY: SQLite assigns it, in the order events are written. */
  id: Generated<number>;
  ticket_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  detail: string;
}

/** An event as read back (its id assigned): `Selectable`, since the table type's id is Generated for inserts. */
export type HallTicketEventRow = Selectable<HallTicketEventsTable>;

export interface HallTables {
  hall_services: HallServicesTable;
  hall_holidays: HallHolidaysTable;
  hall_tickets: HallTicketsTable;
  hall_ticket_events: HallTicketEventsTable;
}
