import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { HandlerContext } from '../../context';
import { readSettings } from '../../community/settings';
import { localToday } from '../../util/dates';
import type { Actor } from './write';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface HallDay {
  /** Today in the hall's time zone, YYYY-MM-DD. */
  today: string;
  timeZone: string;
}

export async function hallDay(ctx: Pick<HandlerContext, 'db' | 'now'>): Promise<HallDay> {
  const { timeZone } = await readSettings(ctx.db);
  return { today: localToday(ctx.now(), timeZone), timeZone };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export function addYears(date: string, years: number): string {
  return dayjs.utc(date).add(years, 'year').format('YYYY-MM-DD');
}

export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** The zone's offset from UTC on a given day, as an SQLite date modifier ("+480 minutes"). */
export function offsetModifier(day: string, timeZone: string): string {
  const minutes = dayjs.tz(day, timeZone).utcOffset();
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}

export function actorOf(ctx: Pick<HandlerContext, 'requireSession'>): Actor {
  const s = ctx.requireSession();
  return { id: s.userId, name: s.displayName };
}
