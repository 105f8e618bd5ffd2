// The tickets' SQL: reading a ticket and its history, writing a change with the event that tells it.

import type { Kysely, Selectable, Updateable } from 'kysely';
import { AppError } from '../../../../shared/errors';
import type { ReceivedMaterial, ServiceMaterial } from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';
import type { HallServicesTable, HallTicketEventsTable, HallTicketsTable } from './tables';
import type { TicketDesk } from './tickets-desk';

type Db = Kysely<Database>;

export async function findTicketRow(db: Db, id: string): Promise<HallTicketsTable> {
  const row = await db.selectFrom('hall_tickets').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('hall.ticket_not_found', 'No such ticket');
  return row;
}

/** A ticket's history, oldest first (the events' integer keys are the order they were written in). */
export async function ticketEventRows(db: Db, ticketId: string): Promise<Selectable<HallTicketEventsTable>[]> {
  return db.selectFrom('hall_ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
}

export async function findServiceRow(db: Db, id: string): Promise<HallServicesTable> {
  const row = await db.selectFrom('hall_services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('hall.service_not_found', 'No such service', { fields: { serviceId: 'hall.service_not_found' } });
  return row;
}

export function serviceMaterials(row: Pick<HallServicesTable, 'materials'>): ServiceMaterial[] {
  return JSON.parse(row.materials) as ServiceMaterial[];
}

export function ticketMaterials(row: Pick<HallTicketsTable, 'materials'>): ReceivedMaterial[] {
  return JSON.parse(row.materials) as ReceivedMaterial[];
}

export function nameList(json: string): string[] {
  return JSON.parse(json) as string[];
}

/** One line of a ticket's history: who did what, in a short sentence (never a full ID number or phone). */
export async function appendEvent(desk: TicketDesk, ticketId: string, action: string, detail: string): Promise<void> {
  await desk.db
    .insertInto('hall_ticket_events')
    .values({ ticket_id: ticketId, at: desk.at, actor_id: desk.actor.id, actor_name: desk.actor.name, action, detail })
    .execute();
}

/** Changes a ticket and stamps who changed it; the migration's triggers refuse what may not change. */
export async function updateTicket(desk: TicketDesk, id: string, values: Updateable<HallTicketsTable>): Promise<void> {
  await desk.db
    .updateTable('hall_tickets')
    .set({ ...values, updated_at: desk.at, updated_by: desk.actor.id })
    .where('id', '=', id)
    .execute();
}
