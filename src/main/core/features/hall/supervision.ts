// 督办: what is late or about to be, the 差评 owed a call, the 容缺 materials not brought by their date.

import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { SupervisionBoard } from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';
import { localDayEnd, localDayStart } from '../../time/zone';
import type { HallTicketsTable } from './tables';
import type { TicketClock } from './tickets-desk';
import { readHallSettings } from './hall-settings';
import { nameList } from './tickets-repository';
import { toTicketRow } from './tickets-view';

/**
 * Each of the board's lists shows at most this many tickets (the counts above them are exact). A hall with
 * more than a hundred late tickets needs the tickets list's 已逾期 filter, which pages through all of them;
 * the board is for the morning look and the printed 督办清单.
 */
export const SUPERVISION_LIST_CAP = 100;

/**
 * Open tickets, written as the partial indexes hall_tickets_open_due and hall_tickets_status are: SQLite
 * uses a partial index only when the query repeats its condition, so this text is theirs word for word.
 */
const OPEN = sql<boolean>`status IN ('accepted', 'transferred')`;
const FOLLOW_UP_PENDING = sql<boolean>`follow_up_due_on IS NOT NULL AND follow_up_at IS NULL`;

// The lists below read their index in order: due day, then rowid (which every index entry ends in, so ties
// need no sort; tickets are written in number order, so it is the number's order too).

/**
 * Open tickets past their due day, most overdue first. Named to hall_tickets_open_due: with few rows SQLite
 * would rather take hall_tickets_status and sort, which at a year's tickets is the slower plan.
 */
export function overdueQuery(today: string, limit: number) {
  return sql<HallTicketsTable>`SELECT * FROM hall_tickets INDEXED BY hall_tickets_open_due
    WHERE ${OPEN} AND due_on < ${today} ORDER BY due_on, rowid LIMIT ${limit}`;
}

/** Open tickets due from today until (not including) `before`, soonest first (hall_tickets_open_due). */
export function dueSoonQuery(today: string, before: string, limit: number) {
  return sql<HallTicketsTable>`SELECT * FROM hall_tickets INDEXED BY hall_tickets_open_due
    WHERE ${OPEN} AND due_on >= ${today} AND due_on < ${before} ORDER BY due_on, rowid LIMIT ${limit}`;
}

/** 差评 not yet followed up, the soonest due first (hall_tickets_follow_up). */
export function followUpsQuery(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('hall_tickets')
    .selectAll()
    .where(FOLLOW_UP_PENDING)
    .orderBy('follow_up_due_on')
    .orderBy(sql`rowid`)
    .limit(limit);
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
    .orderBy(sql`rowid`)
    .limit(limit);
}

type TicketsQuery = SelectQueryBuilder<Database, 'hall_tickets', object>;

async function count(q: TicketsQuery): Promise<number> {
  return (await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
}

export async function supervisionBoard(db: Kysely<Database>, clock: TicketClock, timeZone: string): Promise<SupervisionBoard> {
  const { today, calendar } = clock;
  // Open tickets due within the hall's due-soon window (窗口规则; 0 = today only) are "due soon".
  const { dueSoonWorkingDays } = await readHallSettings(db);
  const soonBefore = calendar.addWorkingDays(today, dueSoonWorkingDays + 1);
  const month = today.slice(0, 7);
  const monthFirst = `${month}-01`;
  const monthLast = monthLastDay(month);
  const ratedFrom = localDayStart(monthFirst, timeZone);
  const ratedUntil = localDayEnd(monthLast, timeZone);
  const base = (): TicketsQuery => db.selectFrom('hall_tickets');
  const n = count;

  // Each count reads an index, not every ticket: the open ones hall_tickets_status (overdue and due soon read
  // those open tickets' due days); the month's completed (and on time) hall_tickets_completed (status,
  // completed_on, due_on) alone; the month's ratings (and 差评) hall_tickets_rated (rated_at, rating_level)
  // alone; follow-ups hall_tickets_follow_up. The month's four counts once read every ticket: 0.73 s for the
  // board at 200,000 tickets (`npm run bench -- --only hall`).
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
  const rows = (list: HallTicketsTable[]) => list.map((r) => toTicketRow(r, clock));
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
    overdue: rows((await overdueQuery(today, SUPERVISION_LIST_CAP).execute(db)).rows),
    dueSoon: rows((await dueSoonQuery(today, soonBefore, SUPERVISION_LIST_CAP).execute(db)).rows),
    dueSoonWorkingDays,
    followUps: (await followUpsQuery(db, SUPERVISION_LIST_CAP).execute()).map((r) => ({
      ...toTicketRow(r, clock),
      ratingComment: r.rating_comment,
      followUpDueOn: r.follow_up_due_on,
    })),
    supplementsLate: (await supplementsLateQuery(db, today, SUPERVISION_LIST_CAP).execute()).map((r) => ({
      ...toTicketRow(r, clock),
      deficientItems: nameList(r.deficient_items),
      supplementBy: r.supplement_by,
    })),
  };
}

/** The last day of a month given as YYYY-MM. */
function monthLastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
