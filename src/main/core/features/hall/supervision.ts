// 督办: what is late or about to be, the 差评 owed a call, the 容缺 materials not brought by their date.

import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { SupervisionBoard } from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';
import { localDayEnd, localDayStart } from '../../time/zone';
import type { TicketClock } from './tickets-desk';
import { toTicketRow } from './tickets-view';

/**
 * Each of the board's lists shows at most this many tickets (the counts above them are exact). A hall with
 * more than a hundred late tickets needs the tickets list's 已逾期 filter, which pages through all of them;
 * the board is for the morning look and the printed 督办清单.
 */
export const SUPERVISION_LIST_CAP = 100;

/** Open tickets due within this many working days (0 = today) are "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * Open tickets, written as the partial indexes hall_tickets_open_due and hall_tickets_status are: SQLite
 * uses a partial index only when the query repeats its condition, so this text is theirs word for word.
 */
const OPEN = sql<boolean>`status IN ('accepted', 'transferred')`;
const FOLLOW_UP_PENDING = sql<boolean>`follow_up_due_on IS NOT NULL AND follow_up_at IS NULL`;

/** Open tickets past their due day, most overdue first (hall_tickets_open_due). */
export function overdueQuery(db: Kysely<Database>, today: string, limit: number) {
  return db.selectFrom('hall_tickets').selectAll().where(OPEN).where('due_on', '<', today).orderBy('due_on').orderBy('number').limit(limit);
}

/** Open tickets due from today until (not including) `before`, soonest first (hall_tickets_open_due). */
export function dueSoonQuery(db: Kysely<Database>, today: string, before: string, limit: number) {
  return db
    .selectFrom('hall_tickets')
    .selectAll()
    .where(OPEN)
    .where('due_on', '>=', today)
    .where('due_on', '<', before)
    .orderBy('due_on')
    .orderBy('number')
    .limit(limit);
}

/** 差评 not yet followed up, the soonest due first (hall_tickets_follow_up). */
export function followUpsQuery(db: Kysely<Database>, limit: number) {
  return db.selectFrom('hall_tickets').selectAll().where(FOLLOW_UP_PENDING).orderBy('follow_up_due_on').orderBy('number').limit(limit);
}

/**
 * 容缺 tickets still open whose supplement date has passed without the items (a closed ticket waits for
 * nothing any more), the longest late first.
 */
export function supplementsLateQuery(db: Kysely<Database>, today: string, limit: number) {
  return db
    .selectFrom('hall_tickets')
    .selectAll()
    .where(OPEN)
    .where('supplement_by', '<', today)
    .where('supplemented_on', 'is', null)
    .orderBy('supplement_by')
    .orderBy('number')
    .limit(limit);
}

type TicketsQuery = SelectQueryBuilder<Database, 'hall_tickets', object>;

async function count(q: TicketsQuery): Promise<number> {
  return (await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
}

export async function supervisionBoard(db: Kysely<Database>, clock: TicketClock, timeZone: string): Promise<SupervisionBoard> {
  const { today, calendar } = clock;
  const soonBefore = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1);
  const month = today.slice(0, 7);
  const monthFirst = `${month}-01`;
  const monthLast = monthLastDay(month);
  const ratedFrom = localDayStart(monthFirst, timeZone);
  const ratedUntil = localDayEnd(monthLast, timeZone);
  const base = (): TicketsQuery => db.selectFrom('hall_tickets');
  const n = count;

  const [open, overdue, dueSoon, completed, onTime, rated, bad, followUpPending] = await Promise.all([
    n(base().where(OPEN)),
    n(base().where(OPEN).where('due_on', '<', today)),
    n(base().where(OPEN).where('due_on', '>=', today).where('due_on', '<', soonBefore)),
    n(base().where('status', '=', 'completed').where('completed_on', '>=', monthFirst).where('completed_on', '<=', monthLast)),
    n(
      base()
        .where('status', '=', 'completed')
        .where('completed_on', '>=', monthFirst)
        .where('completed_on', '<=', monthLast)
        .where(sql<boolean>`completed_on <= due_on`),
    ),
    n(base().where('rated_at', '>=', ratedFrom).where('rated_at', '<', ratedUntil)),
    n(base().where('rated_at', '>=', ratedFrom).where('rated_at', '<', ratedUntil).where('rating_level', '<=', 2)),
    n(base().where(FOLLOW_UP_PENDING)),
  ]);
  const rows = async (q: ReturnType<typeof overdueQuery>) => (await q.execute()).map((r) => toTicketRow(r, clock));
  return {
    today,
    counts: {
      open,
      overdue,
      dueSoon,
      completedThisMonth: completed,
      onTimePercent: completed ? Math.round((onTime * 100) / completed) : null,
      ratedThisMonth: rated,
      badThisMonth: bad,
      followUpPending,
    },
    overdue: await rows(overdueQuery(db, today, SUPERVISION_LIST_CAP)),
    dueSoon: await rows(dueSoonQuery(db, today, soonBefore, SUPERVISION_LIST_CAP)),
    followUps: await rows(followUpsQuery(db, SUPERVISION_LIST_CAP)),
    supplementsLate: await rows(supplementsLateQuery(db, today, SUPERVISION_LIST_CAP)),
  };
}

/** The last day of a month given as YYYY-MM. */
function monthLastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
