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

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Today's calendar date in the hall's time zone. Every list and reminder asks for it: one formatter per
 * zone, kept, is about fifty times cheaper than converting through dayjs each time.
 */
export function localToday(now: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

export function formatLocal(instant: string | Date, timeZone: string, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(instant).tz(timeZone).format(pattern);
}

/** The zone's offset from UTC on a given day, as an SQLite date modifier ("+480 minutes"). */
export function offsetModifier(day: string, timeZone: string): string {
  const minutes = dayjs.tz(day, timeZone).utcOffset();
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}
