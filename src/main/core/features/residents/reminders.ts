import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ResidentsTable } from '../../db/schema';
import type { HandlerContext, HandlerMap } from '../../context';
import { addDays, monthAfter } from '../../time/calendar';
import { hallDay } from '../../time/hall-day';
import { compareText, decodeCursor, encodeCursor, inJsonList, jsonList, type Keyset } from '../../db/keyset';
import { toResidentRows } from './people/rows';
import { fillTemplate, placeholder, selectCompiled, selectRows, templateOf, type QueryTemplate } from '../../db/query-shape';

/**
 * The proactive lists: birthdays that are milestones (老年优待证, 高龄津贴), ID cards about to expire, and
 * residence permits due for their yearly endorsement (签注). Each is paged by keyset in index ranges on
 * present residents, with its total counted in the same indexes (covering): a district's thousands of
 * rows are never read at once.
 */

export const milestoneAges = [60, 70, 80, 90, 100] as const;

/** The month asked for: its year and month ("2026", "11"). */
export function targetMonth(today: string, which: 'this' | 'next'): { year: number; month: string } {
  return monthAfter(today, which === 'next' ? 1 : 0);
}

const yearOf = (year: number, age: number) => String(year - age).padStart(4, '0');

type MilestoneKeys = Pick<ResidentsTable, 'birth_date'> & { row_no: number };

/**
 * Milestones are ordered by birthday (day of the month), then birth date (the oldest first on a day),
 * then rowid. Each milestone year is one range of residents_archived_birth in that order; after a cursor
 * (birth date b, rowid i) a year before b's year starts after b's day, b's own year after (b, i), a later
 * year at b's day. The five ranges are one statement and read keys only (covering): of their five pages'
 * worth, only the page's rows are then read, by rowid.
 */
export function milestoneKeysQuery(year: number, month: string, after: Keyset | null, limit: number): RawBuilder<MilestoneKeys> {
  const values = milestoneValues(year, month, after, limit + 1);
  return milestoneKeysSql(rangeStarts(year, after), (name) => values[name]);
}

/** Where an age's range starts: at its month's first day, after the cursor's day, after the cursor (date, rowid), or at the cursor's day. */
type RangeStart = 'month' | 'afterDay' | 'afterKey' | 'atDay';

function rangeStarts(year: number, after: Keyset | null): RangeStart[] {
  return milestoneAges.map((age) => {
    if (!after?.k) return 'month';
    const y = yearOf(year, age);
    const cursorYear = after.k.slice(0, 4);
    return y < cursorYear ? 'afterDay' : y === cursorYear ? 'afterKey' : 'atDay';
  });
}

/**
 * The values of the milestone queries by name: each age's month from its first day to its 31st (start0,
 * to0 …), the cursor's day in that month (day0 …), the cursor (k, i), the rows to take.
 */
function milestoneValues(year: number, month: string, after: Keyset | null, take: number): Record<string, unknown> {
  const values: Record<string, unknown> = { take, k: after?.k ?? undefined, i: after?.i };
  milestoneAges.forEach((age, j) => {
    const y = yearOf(year, age);
    values[`start${j}`] = `${y}-${month}-01`;
    if (after?.k) values[`day${j}`] = `${y}-${month}-${after.k.slice(8)}`;
    values[`to${j}`] = `${y}-${month}-31`;
  });
  return values;
}

/** The keys query for one choice of range starts, its values read through `v` (real ones, or placeholders to compile it once). */
function milestoneKeysSql(starts: RangeStart[], v: (name: string) => unknown): RawBuilder<MilestoneKeys> {
  const ranges = starts.map((start, j) => {
    const from =
      start === 'afterKey'
        ? sql`(birth_date, rowid) > (${v('k')}, ${v('i')})`
        : start === 'afterDay'
          ? sql`birth_date > ${v(`day${j}`)}`
          : start === 'atDay'
            ? sql`birth_date >= ${v(`day${j}`)}`
            : sql`birth_date >= ${v(`start${j}`)}`;
    return sql`SELECT * FROM (SELECT rowid AS row_no, birth_date FROM residents INDEXED BY residents_archived_birth
      WHERE archived = 0 AND ${from} AND birth_date <= ${v(`to${j}`)} ORDER BY birth_date, rowid LIMIT ${v('take')})`;
  });
  return sql<MilestoneKeys>`${sql.join(ranges, sql` UNION ALL `)}`;
}

/** How many turn each milestone age in the month: five covering counts. */
export function milestoneCountQuery(year: number, month: string): RawBuilder<{ turning: number; n: number }> {
  const values = milestoneValues(year, month, null, 0);
  return milestoneCountSql((name) => values[name]);
}

function milestoneCountSql(v: (name: string) => unknown): RawBuilder<{ turning: number; n: number }> {
  const counts = milestoneAges.map(
    (age, j) =>
      sql`SELECT ${age} AS turning, count(*) AS n FROM residents INDEXED BY residents_archived_birth WHERE archived = 0 AND birth_date >= ${v(`start${j}`)} AND birth_date <= ${v(`to${j}`)}`,
  );
  return sql<{ turning: number; n: number }>`${sql.join(counts, sql` UNION ALL `)}`;
}

/**
 * The milestone queries as the handler runs them: compiled once per shape (the keys' range starts; the
 * counts and the rows by rowid have one), with placeholders where the values go (db/query-shape.ts), then
 * filled with each call's values. Compiling the five ranges cost more than a tenth of the call's own time.
 */
const milestoneTemplates = new Map<string, QueryTemplate>();

function compiledOnce(db: Kysely<Database>, shape: string, build: (v: (name: string) => unknown) => RawBuilder<unknown>): QueryTemplate {
  let template = milestoneTemplates.get(shape);
  if (!template) {
    template = templateOf(build(placeholder).compile(db));
    milestoneTemplates.set(shape, template);
  }
  return template;
}

/** A month's milestone keys after a cursor and its counts, compiled once per shape and filled with this call's values. */
export function compiledMilestoneQueries(
  db: Kysely<Database>,
  year: number,
  month: string,
  after: Keyset | null,
  limit: number,
): { keys: { sql: string; parameters: unknown[] }; counts: { sql: string; parameters: unknown[] } } {
  const values = milestoneValues(year, month, after, limit + 1);
  const starts = rangeStarts(year, after);
  const keys = compiledOnce(db, `keys:${starts.join(',')}`, (v) => milestoneKeysSql(starts, v));
  const counts = compiledOnce(db, 'counts', milestoneCountSql);
  return { keys: { sql: keys.sql, parameters: fillTemplate(keys, values) }, counts: { sql: counts.sql, parameters: fillTemplate(counts, values) } };
}

/**
 * The first `take` rows in `compare` order, of rows that come as a few ordered runs (the five milestone
 * ranges, each in birthday order): the runs are found and merged head by head. Sorting the up to 255 keys
 * cost a quarter of the call's own time; any order is still right, only slower (every row its own run).
 */
export function firstInOrder<T>(rows: readonly T[], compare: (a: T, b: T) => number, take: number): T[] {
  const next = [0];
  const ends: number[] = [];
  for (let i = 1; i < rows.length; i++)
    if (compare(rows[i - 1], rows[i]) > 0) {
      ends.push(i);
      next.push(i);
    }
  ends.push(rows.length);
  const out: T[] = [];
  while (out.length < take) {
    let best = -1;
    for (let j = 0; j < next.length; j++) if (next[j] < ends[j] && (best < 0 || compare(rows[next[j]], rows[next[best]]) < 0)) best = j;
    if (best < 0) break;
    out.push(rows[next[best]++]);
  }
  return out;
}

/** Birthday order: day of the month, birth date, rowid (the day compared in place: this runs in a sort of up to 255 keys). */
export function compareMilestones(a: MilestoneKeys, b: MilestoneKeys): number {
  return compareText(a.birth_date!, b.birth_date!, 8) || compareText(a.birth_date!, b.birth_date!) || a.row_no - b.row_no;
}

export type ExpiringKind = 'idCards' | 'permits';

const expiring: Record<ExpiringKind, { column: RawBuilder<unknown>; index: RawBuilder<unknown>; only: RawBuilder<unknown>; withExpired: boolean }> = {
  // A 长期有效 card never expires: it has no date (a CHECK in 0006 keeps it so), so it is never in this
  // range, and the count stays a covering read of the index. A card that has already expired is the most
  // urgent of all (the person can no longer use it): the list starts with those, oldest first; the partial
  // index holds dated rows only, and `<=` on the date tells SQLite the query stays inside it.
  idCards: { column: sql.raw('id_card_expires_on'), index: sql.raw('residents_id_card_expiry'), only: sql`1`, withExpired: true },
  // Only a residence permit (居住证) is endorsed, and the index holds only those (a partial index: the
  // condition is spelled as in its WHERE, so that SQLite sees the query stays inside it).
  permits: { column: sql.raw('permit_expires_on'), index: sql.raw('residents_permit'), only: sql`status = '居住证'`, withExpired: false },
};

/** Where the list starts: for ID cards, the first dated card however long ago it expired; for permits, today. */
function listStart(kind: ExpiringKind, today: string): RawBuilder<unknown> {
  const { column, withExpired } = expiring[kind];
  return withExpired ? sql`${column} IS NOT NULL` : sql`${column} >= ${today}`;
}

/** One page of documents expiring up to `until` (ID cards: expired ones first), in (date, rowid) order after the cursor: one range. */
export function expiringQuery(
  kind: ExpiringKind,
  today: string,
  until: string,
  after: Keyset | null,
  limit: number,
): RawBuilder<ResidentsTable & { row_no: number }> {
  const { column, index, only } = expiring[kind];
  const from = after?.k ? sql`(${column}, rowid) > (${after.k}, ${after.i})` : listStart(kind, today);
  return sql<
    ResidentsTable & { row_no: number }
  >`SELECT rowid AS row_no, * FROM residents INDEXED BY ${index} WHERE archived = 0 AND ${from} AND ${column} <= ${until} AND ${only} ORDER BY ${column}, rowid LIMIT ${limit + 1}`;
}

export function expiringCountQuery(kind: ExpiringKind, today: string, until: string): RawBuilder<{ n: number }> {
  const { column, index, only } = expiring[kind];
  return sql<{ n: number }>`SELECT count(*) AS n FROM residents INDEXED BY ${index}
    WHERE archived = 0 AND ${listStart(kind, today)} AND ${column} <= ${until} AND ${only}`;
}

/** How many cards have already expired (before today): the head of the ID-card list, counted in the index alone. */
export function expiredCountQuery(today: string): RawBuilder<{ n: number }> {
  return sql<{ n: number }>`SELECT count(*) AS n FROM residents INDEXED BY residents_id_card_expiry WHERE archived = 0 AND id_card_expires_on < ${today}`;
}

function isLeap(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A page of `limit` rows from rows read one more than needed, and the cursor of its last row. */
function cut<T>(rows: T[], limit: number, cursorOf: (row: T) => string): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? cursorOf(page[page.length - 1]) : null };
}

async function expiringPage(ctx: HandlerContext, kind: ExpiringKind, input: { withinDays: number; cursor: string | null; limit: number }, today: string) {
  const until = addDays(today, input.withinDays);
  const after = decodeCursor(input.cursor, kind, false, 'residents.bad_cursor');
  const date = (r: ResidentsTable) => (kind === 'idCards' ? r.id_card_expires_on : r.permit_expires_on)!;
  const rows = await selectRows(ctx.db, expiringQuery(kind, today, until, after, input.limit));
  const [count] = await selectRows(ctx.db, expiringCountQuery(kind, today, until));
  const { page, nextCursor } = cut(rows, input.limit, (r) => encodeCursor(kind, { k: date(r), i: r.row_no }));
  const mapped = await toResidentRows(ctx.db, page, today);
  return { rows: mapped.map((r, i) => ({ row: r, date: date(page[i]) })), nextCursor, total: Number(count.n) };
}

/** Residents by rowid (a page of reminder keys), as one statement. */
async function residentRowsByRowNumbers(ctx: Pick<HandlerContext, 'db'>, rowNumbers: number[]): Promise<(ResidentsTable & { row_no: number })[]> {
  const template = compiledOnce(ctx.db, 'rows', (v) => sql`SELECT rowid AS row_no, * FROM residents WHERE rowid IN ${inJsonList(v('rows') as string)}`);
  return selectCompiled(ctx.db, template.sql, fillTemplate(template, { rows: jsonList(rowNumbers) }));
}

export const remindersHandlers: HandlerMap<'residents.milestones' | 'residents.idCardsExpiring' | 'residents.permitsDue'> = {
  async 'residents.milestones'(input, ctx) {
    const { today } = await hallDay(ctx);
    const { year, month } = targetMonth(today, input.month);
    // A cursor names its month, so that one from another month is refused rather than misread.
    const scope = `milestones:${year}-${month}`;
    const after = decodeCursor(input.cursor, scope, false, 'residents.bad_cursor');
    const queries = compiledMilestoneQueries(ctx.db, year, month, after, input.limit);
    const keys = await selectCompiled<MilestoneKeys>(ctx.db, queries.keys.sql, queries.keys.parameters);
    const counts = (await selectCompiled<{ turning: number; n: number }>(ctx.db, queries.counts.sql, queries.counts.parameters)).map((r) => ({
      turning: Number(r.turning),
      count: Number(r.n),
    }));
    const { page: pageKeys, nextCursor } = cut(firstInOrder(keys, compareMilestones, input.limit + 1), input.limit, (r) =>
      encodeCursor(scope, { k: r.birth_date, i: r.row_no }),
    );
    const byRow = new Map(
      (
        await residentRowsByRowNumbers(
          ctx,
          pageKeys.map((k) => k.row_no),
        )
      ).map((r) => [r.row_no, r]),
    );
    const page = pageKeys.map((k) => byRow.get(k.row_no)!);
    const mapped = await toResidentRows(ctx.db, page, today);
    return {
      rows: mapped.map((resident, i) => {
        const md = page[i].birth_date!.slice(5);
        return {
          resident,
          turning: year - Number(page[i].birth_date!.slice(0, 4)),
          // Someone born on 29 February has the birthday on the 28th in a common year.
          birthday: `${year}-${md === '02-29' && !isLeap(year) ? '02-28' : md}`,
        };
      }),
      nextCursor,
      total: counts.reduce((sum, c) => sum + c.count, 0),
      byAge: counts.filter((c) => c.count > 0),
    };
  },

  async 'residents.idCardsExpiring'(input, ctx) {
    const { today } = await hallDay(ctx);
    const { rows, ...rest } = await expiringPage(ctx, 'idCards', input, today);
    const [expired] = await selectRows(ctx.db, expiredCountQuery(today));
    return { ...rest, expired: Number(expired.n), rows: rows.map(({ row, date }) => ({ ...row, expiresOn: date, expired: date < today })) };
  },

  async 'residents.permitsDue'(input, ctx) {
    const { today } = await hallDay(ctx);
    const { rows, ...rest } = await expiringPage(ctx, 'permits', input, today);
    return { ...rest, rows: rows.map(({ row, date }) => ({ ...row, dueOn: date })) };
  },
};
