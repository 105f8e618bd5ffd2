import { sql, type Kysely } from 'kysely';
import type { Page } from '../../../../shared/contract/common';
import type { TicketRow, hall } from '../../../../shared/contract/hall';
import type { ParsedInputOf } from '../../../../shared/contract/define';
import type { Database } from '../../db/schema';
import { PREFIX_END, decodeCursor, encodeCursor, type Keyset } from '../../db/keyset';
import type { HallTicketsTable } from './tables';
import type { TicketClock } from './tickets-desk';
import { TICKET_NUMBER_PREFIX, TICKET_SEQUENCE } from './tickets-register';
import { toTicketRow } from './tickets-view';

export type ListTicketsInput = ParsedInputOf<(typeof hall)['hall.listTickets']>;

const CURSOR = 'hall.tickets';

/** What the search box's text means: a ticket number (whole, its beginning, or the digits of its tail) or a name. */
export type TicketQuery = { numbers: string[] } | { numberPrefix: string } | { namePrefix: string } | null;

/**
 * 'SL2026-000123' or 'sl2026-0001' (a number's beginning), '2026-123' (a year and a number), '123' (the
 * number in any year of the sequence: the clerk reads it off a receipt), anything else: the applicant's
 * name from its beginning.
 */
export async function readTicketQuery(db: Kysely<Database>, raw: string): Promise<TicketQuery> {
  const q = raw.trim();
  if (!q) return null;
  if (/^sl/i.test(q)) return { numberPrefix: q.toUpperCase() };
  const yearAndNumber = /^(\d{4})-(\d{1,6})$/.exec(q);
  if (yearAndNumber) return { numbers: [`${TICKET_NUMBER_PREFIX}${yearAndNumber[1]}-${yearAndNumber[2].padStart(6, '0')}`] };
  if (/^\d{1,6}$/.test(q)) {
    const years = await db.selectFrom('number_sequences').select('year').where('name', '=', TICKET_SEQUENCE).execute();
    return { numbers: years.map((y) => `${TICKET_NUMBER_PREFIX}${y.year}-${q.padStart(6, '0')}`) };
  }
  return { namePrefix: q };
}

/**
 * One status's page (or every status's, when null), newest first: registered_on desc, number desc. With a
 * status it reads hall_tickets_status (status, registered_on, number), without one hall_tickets_registered
 * (registered_on, number), both in index order with no sort (tests/unit/hall/tickets-list.test.ts).
 */
export function ticketsPageQuery(
  db: Kysely<Database>,
  input: Pick<ListTicketsInput, 'kind' | 'serviceId' | 'from' | 'to'>,
  status: string | null,
  extra: { query: TicketQuery; dueBefore: string | null; after: Keyset | null; limit: number },
) {
  let q = db.selectFrom('hall_tickets').selectAll();
  if (status) q = q.where('status', '=', status);
  if (extra.dueBefore) q = q.where('due_on', '<', extra.dueBefore);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.serviceId) q = q.where('service_id', '=', input.serviceId);
  if (input.from) q = q.where('registered_on', '>=', input.from);
  if (input.to) q = q.where('registered_on', '<=', input.to);
  const query = extra.query;
  if (query && 'numbers' in query) q = q.where('number', 'in', query.numbers.length ? query.numbers : ['']);
  if (query && 'numberPrefix' in query) q = q.where('number', '>=', query.numberPrefix).where('number', '<', query.numberPrefix + PREFIX_END);
  if (query && 'namePrefix' in query) q = q.where('applicant_name', '>=', query.namePrefix).where('applicant_name', '<', query.namePrefix + PREFIX_END);
  if (extra.after) q = q.where(sql<boolean>`(registered_on, number) < (${extra.after.k}, ${String(extra.after.i)})`);
  return q.orderBy('registered_on', 'desc').orderBy('number', 'desc').limit(extra.limit);
}

function newerFirst(a: HallTicketsTable, b: HallTicketsTable): number {
  if (a.registered_on !== b.registered_on) return a.registered_on < b.registered_on ? 1 : -1;
  return a.number < b.number ? 1 : a.number > b.number ? -1 : 0;
}

/**
 * The tickets list. 'open' and 'overdue' span two statuses (accepted, transferred): each is read in its own
 * index order and the two pages are merged, so no page is ever sorted in SQLite.
 */
export async function listTickets(db: Kysely<Database>, input: ListTicketsInput, clock: TicketClock): Promise<Page<TicketRow>> {
  const after = decodeCursor(input.cursor, CURSOR);
  const query = await readTicketQuery(db, input.query);
  const statuses: (string | null)[] = input.status === 'open' || input.status === 'overdue' ? ['accepted', 'transferred'] : [input.status];
  const dueBefore = input.status === 'overdue' ? clock.today : null;
  const parts = await Promise.all(statuses.map((s) => ticketsPageQuery(db, input, s, { query, dueBefore, after, limit: input.limit + 1 }).execute()));
  const rows =
    parts.length === 1
      ? parts[0]
      : parts
          .flat()
          .sort(newerFirst)
          .slice(0, input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => toTicketRow(r, clock)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(CURSOR, { k: last.registered_on, i: last.number }) : null,
  };
}
