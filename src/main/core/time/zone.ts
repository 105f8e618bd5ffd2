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

const dayFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; day: string }>();

/**
 * Today's calendar date in the hall's time zone. Every list and reminder asks for it: one formatter per
 * zone, kept, is about fifty times cheaper than converting through dayjs each time, and the last answer is
 * kept for the rest of its second (every zone's offset, and so every midnight, falls on a whole second).
 */
export function localToday(now: Date, timeZone: string): string {
  let kept = dayFormats.get(timeZone);
  if (!kept) {
    kept = { format: new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), second: NaN, day: '' };
    dayFormats.set(timeZone, kept);
  }
  const second = Math.floor(now.getTime() / 1000);
  if (second !== kept.second) {
    const parts = kept.format.formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
    kept.day = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
    kept.second = second;
  }
  return kept.day;
}

export function formatLocal(instant: string | Date, timeZone: string, pattern = 'YYYY-MM-DD HH:mm'): string {
  return dayjs(instant).tz(timeZone).format(pattern);
}

/** The zone's offset from UTC on a given day, as an SQLite date modifier ("+480 minutes"). */
export function offsetModifier(day: string, timeZone: string): string {
  const minutes = dayjs.tz(day, timeZone).utcOffset();
  return `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
}
