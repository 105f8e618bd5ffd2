import type { Kysely } from 'kysely';
import type { HolidayDay, HolidayKind, HolidayYear } from '../../../../shared/contract/hall';
import type { Database } from '../../db/schema';
import { dateOfDay, dayNumber } from '../../time/calendar';
import shippedFile from '../../../../../resources/data/holidays.json';

/**
 * The working-day calendar the counter promises dates by (DOMAIN §9, 民法典 第201/203条): the day of the
 * event is not counted, counting starts the next day; Saturdays, Sundays and a notice's holidays are
 * skipped; its make-up working days (调休) count. Because the count only ever lands on a working day, a
 * limit whose last day would be a holiday ends on the next working day by construction (第203条).
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `from` (n = 0: `from` itself, 即办). */
  addWorkingDays(from: string, n: number): string;
  /**
   * Working days after `from` up to and including `to` (0 when they are the same day); negative when `to`
   * is earlier: minus the working days after `to` up to and including `from`.
   */
  workingDaysBetween(from: string, to: string): number;
  /** Whether a year's notice is known; an unknown year is counted with weekends only. */
  knows(year: number): boolean;
}

interface ShippedYear {
  year: number;
  notice: string;
  days: { date: string; kind: string; note: string }[];
}

/** The years shipped with Linli (resources/data/holidays.json), as read once at start-up. */
export const shippedHolidayYears: readonly HolidayYear[] = (shippedFile.years as ShippedYear[]).map((y) => ({
  year: y.year,
  source: 'shipped',
  days: y.days.map((d) => ({ date: d.date, kind: d.kind as HolidayKind, note: d.note })).sort(byDate),
}));

function byDate(a: HolidayDay, b: HolidayDay): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** Every known year, oldest first: the shipped ones, each replaced as a whole by a year entered at the hall. */
export async function loadHolidayYears(db: Kysely<Database>): Promise<HolidayYear[]> {
  const rows = await db.selectFrom('hall_holidays').select(['date', 'year', 'kind', 'note']).orderBy('date').execute();
  const added = new Map<number, HolidayDay[]>();
  for (const row of rows) {
    const days = added.get(row.year) ?? [];
    days.push({ date: row.date, kind: row.kind as HolidayKind, note: row.note });
    added.set(row.year, days);
  }
  const years = new Map<number, HolidayYear>(shippedHolidayYears.map((y) => [y.year, y]));
  for (const [year, days] of added) years.set(year, { year, source: 'added', days });
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export async function loadWorkingCalendar(db: Kysely<Database>): Promise<WorkingCalendar> {
  return workingCalendar(await loadHolidayYears(db));
}

// 1970-01-01 (day 0) was a Thursday.
export function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

/** Monday to Friday days from an arbitrary Monday (day 4) up to `day`, as a difference-friendly count. */
function weekdaysUpTo(day: number): number {
  const span = day - 3;
  return 5 * Math.floor(span / 7) + Math.min(((span % 7) + 7) % 7, 5);
}

/**
 * A calendar from the given years. Counting between two dates is arithmetic on weekdays, corrected by the
 * notices' days in between (found by binary search over their running sum), so a page of 200 tickets, or a
 * ticket years overdue, costs no loop over the days.
 */
export function workingCalendar(years: readonly HolidayYear[]): WorkingCalendar {
  const known = new Set(years.map((y) => y.year));
  const kindOf = new Map<number, HolidayKind>();
  for (const y of years) for (const d of y.days) kindOf.set(dayNumber(d.date), d.kind);

  // The days that change the weekday count: a holiday on a weekday (−1), a make-up day on a weekend (+1).
  const changes = [...kindOf]
    .filter(([day, kind]) => (kind === 'off') !== isWeekend(day))
    .map(([day, kind]) => ({ day, delta: kind === 'off' ? -1 : 1 }))
    .sort((a, b) => a.day - b.day);
  const days = changes.map((c) => c.day);
  const runningSum = [0];
  for (const c of changes) runningSum.push(runningSum[runningSum.length - 1] + c.delta);
  // The sum of the deltas of the days up to and including `day`.
  const correctionUpTo = (day: number): number => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid] <= day) lo = mid + 1;
      else hi = mid;
    }
    return runningSum[lo];
  };
  const workingUpTo = (day: number): number => weekdaysUpTo(day) + correctionUpTo(day);

  const isWorking = (day: number): boolean => {
    const kind = kindOf.get(day);
    return kind ? kind === 'work' : !isWeekend(day);
  };

  return {
    isWorkingDay: (date) => isWorking(dayNumber(date)),
    addWorkingDays(from, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${n}`);
      let day = dayNumber(from);
      for (let left = n; left > 0;) {
        day++;
        if (isWorking(day)) left--;
      }
      return dateOfDay(day);
    },
    workingDaysBetween: (from, to) => workingUpTo(dayNumber(to)) - workingUpTo(dayNumber(from)),
    knows: (year) => known.has(year),
  };
}
