import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
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
 * A number typed this far (SL2026-0001…) names at most 100 tickets: they are read from the number's own index
 * and sorted. A shorter one matches many (SL2026-0: a year's first 100,000), and sorting those read 0.3–0.8 s
 * at 200,000 tickets; see numberPrefixWhere.
 */
const NARROW_NUMBER_PREFIX = 11;

/**
 * A ticket's number carries the year it was registered in (registerTicket draws it from the day's year), so a
 * shorter prefix bounds registered_on as well: SL2026-0 to 2026, SL20 to 2000–2099. The page is then read newest
 * first from hall_tickets_registered (or hall_tickets_status) within those years, with no sort, stopping at the
 * page's last match. A prefix no number can begin with (SLX) is left to the number's index, which holds none.
 */
function numberPrefixWhere<Q extends SelectQueryBuilder<Database, 'hall_tickets', object>>(q: Q, prefix: string): Q {
  const ranged = q.where('number', '>=', prefix).where('number', '<', prefix + PREFIX_END) as Q;
  const year = /^SL(\d{4}-\d{0,6}|\d{0,4})$/.exec(prefix);
  if (!year || prefix.length >= NARROW_NUMBER_PREFIX) return ranged;
  const digits = year[1].slice(0, 4);
  return ranged.where('registered_on', '>=', `${digits.padEnd(4, '0')}-01-01`).where('registered_on', '<=', `${digits.padEnd(4, '9')}-12-31`) as Q;
}

/**
 * One status's page (or every status's, when null), newest first: registered_on desc, number desc. With a
 * status it reads hall_tickets_status (status, registered_on, number), without one hall_tickets_registered
 * (registered_on, number), both in index order with no sort (tests/unit/hall/tickets-list.test.ts).
 *
 * A name typed from its start reads hall_tickets_name (applicant_name, registered_on, number, status, kind):
 * the page is chosen among the matching entries from the index alone, and only its rows are then read. A
 * common surname matches thousands (李: 20,000 of 200,000 tickets), and reading each from the table before
 * sorting took 70–100 ms. Status, service and dates are written with a unary plus there, which keeps SQLite
 * from their own indexes: it would read those in order and check each ticket's name (a rare name: every
 * ticket, 0.15 s). A service filter is checked on the matching tickets' rows.
 */
export function ticketsPageQuery(
  db: Kysely<Database>,
  input: Pick<ListTicketsInput, 'kind' | 'serviceId' | 'from' | 'to'>,
  status: string | null,
  extra: { query: TicketQuery; dueBefore: string | null; after: Keyset | null; limit: number },
) {
  const query = extra.query;
  const byName = query !== null && 'namePrefix' in query;
  const kept = (column: 'status' | 'service_id' | 'registered_on') => (byName ? sql<string>`+${sql.ref(column)}` : sql.ref<string>(column));
  let q = db.selectFrom('hall_tickets');
  if (status) q = q.where(kept('status'), '=', status);
  if (extra.dueBefore) q = q.where('due_on', '<', extra.dueBefore);
  if (input.kind) q = q.where('kind', '=', input.kind);
  if (input.serviceId) q = q.where(kept('service_id'), '=', input.serviceId);
  if (input.from) q = q.where(kept('registered_on'), '>=', input.from);
  if (input.to) q = q.where(kept('registered_on'), '<=', input.to);
  if (query && 'numbers' in query) q = q.where('number', 'in', query.numbers.length ? query.numbers : ['']);
  if (query && 'numberPrefix' in query) q = numberPrefixWhere(q, query.numberPrefix);
  if (query && 'namePrefix' in query) q = q.where('applicant_name', '>=', query.namePrefix).where('applicant_name', '<', query.namePrefix + PREFIX_END);
  if (extra.after) q = q.where(sql<boolean>`(registered_on, number) < (${extra.after.k}, ${String(extra.after.i)})`);
  const newestFirst = <T extends SelectQueryBuilder<Database, 'hall_tickets', object>>(page: T) =>
    page.orderBy('registered_on', 'desc').orderBy('number', 'desc').limit(extra.limit) as T;
  if (byName) {
    const pageRows = newestFirst(q.select(sql<number>`rowid`.as('row')));
    return newestFirst(
      db
        .selectFrom('hall_tickets')
        .selectAll()
        .where(sql<number>`rowid`, 'in', pageRows),
    );
  }
  return newestFirst(q.selectAll());
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
