import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

// Instants (ISO UTC strings, Dates) against the hall's calendar days: the one place core converts between them.

/** The instant a calendar day (YYYY-MM-DD, in the hall's time zone) starts, as an ISO UTC string. */
export function localDayStart(date: string, timeZone: string): string {
  return dayjs.tz(date, timeZone).toDate().toISOString();
}

/** The instant the day after `date` starts: the exclusive end of a date range that includes `date`. */
export function localDayEnd(date: string, timeZone: string): string {
  return dayjs.tz(date, timeZone).add(1, 'day').toDate().toISOString();
}

/** Today's calendar date in the hall's time zone. */
export function localToday(now: Date, timeZone: string): string {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}

export function formatLocal(instant: string | Date, timeZone: string, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(instant).tz(timeZone).format(pattern);
}

/** The zone's offset from UTC on a given day, as an SQLite date modifier ("+480 minutes"). */
export function offsetModifier(day: string, timeZone: string): string {
  const minutes = dayjs.tz(day, timeZone).utcOffset();
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}
