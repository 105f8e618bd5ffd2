// Rows → the contract's tickets. Overdue and working days left depend on the day they are read, so every
// mapping takes the hall's day and the working-day calendar.

import type { Kysely } from 'kysely';
import {
  isBadRating,
  openStatuses,
  type RatingLevel,
  type Ticket,
  type TicketKind,
  type TicketRow,
  type TicketStatus,
  type TicketView,
} from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';
import type { HallTicketsTable } from './tables';
import type { TicketClock, TicketDesk } from './tickets-desk';
import { findTicketRow, nameList, ticketEventRows, ticketMaterials } from './tickets-repository';

export function isOpenStatus(status: string): boolean {
  return (openStatuses as readonly string[]).includes(status);
}

export function toTicketRow(row: HallTicketsTable, clock: TicketClock): TicketRow {
  const running = isOpenStatus(row.status) && row.due_on !== null;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as TicketKind,
    status: row.status as TicketStatus,
    serviceName: row.service_name,
    department: row.department,
    applicantName: row.applicant_name,
    registeredAt: row.registered_at,
    acceptedOn: row.accepted_on,
    dueOn: row.due_on,
    completedOn: row.completed_on,
    firstOfficerName: row.first_officer_name,
    handlerName: row.handler_name,
    overdue: running && row.due_on! < clock.today,
    workingDaysLeft: running ? clock.calendar.workingDaysBetween(clock.today, row.due_on!) : null,
    ratingLevel: row.rating_level as RatingLevel | null,
    followUpPending: row.rating_level !== null && isBadRating(row.rating_level) && row.follow_up_at === null,
  };
}

export function toTicket(row: HallTicketsTable, clock: TicketClock): Ticket {
  return {
    ...toTicketRow(row, clock),
    serviceId: row.service_id,
    serviceCode: row.service_code,
    residentId: row.resident_id,
    applicantIdMasked: row.applicant_id_masked,
    applicantPhoneMasked: row.applicant_phone_masked,
    summary: row.summary,
    materials: ticketMaterials(row),
    deficientItems: nameList(row.deficient_items),
    supplementBy: row.supplement_by,
    pledgeSigned: row.pledge_signed === 1,
    supplementedOn: row.supplemented_on,
    missingItems: nameList(row.missing_items),
    transferredTo: row.transferred_to,
    transferredOn: row.transferred_on,
    result: row.result,
    refusedReason: row.refused_reason,
    remedies: row.remedies,
    rating:
      row.rating_level === null || row.rated_at === null
        ? null
        : {
            level: row.rating_level as RatingLevel,
            efficiency: row.rating_efficiency,
            attitude: row.rating_attitude,
            skill: row.rating_skill,
            comment: row.rating_comment,
            ratedAt: row.rated_at,
            bad: isBadRating(row.rating_level),
            followUpDueOn: row.follow_up_due_on,
          },
    followUp:
      row.follow_up_at === null
        ? null
        : {
            contactedOn: row.follow_up_contacted_on ?? '',
            verified: row.follow_up_verified,
            rectification: row.follow_up_rectification,
            feedback: row.follow_up_feedback,
            byName: row.follow_up_by_name,
            at: row.follow_up_at,
          },
  };
}

/** A ticket with its history, oldest event first, as it stands now in the database. */
export async function loadTicketView(db: Kysely<Database>, id: string, clock: TicketClock): Promise<TicketView> {
  const row = await findTicketRow(db, id);
  const events = await ticketEventRows(db, id);
  return {
    ...toTicket(row, clock),
    events: events.map((e) => ({ at: e.at, actorName: e.actor_name, action: e.action, detail: e.detail })),
  };
}

/**
 * The end of every change: the ticket as it now stands, and the call's audit record with the ticket
 * before and after (masked values only; the history lines are the ticket's own record).
 */
export async function auditedView(desk: TicketDesk, before: HallTicketsTable | null, id: string, summary: string): Promise<TicketView> {
  const view = await loadTicketView(desk.db, id, desk);
  const { events: _events, ...after } = view;
  await desk.audit({
    recordType: 'hall_ticket',
    recordId: id,
    summary: `${view.number} ${summary}`,
    before: before ? toTicket(before, desk) : undefined,
    after,
  });
  return view;
}
