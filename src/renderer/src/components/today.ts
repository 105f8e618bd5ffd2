import dayjs from 'dayjs';

/** Today as the hall counts it (its time zone, not the workstation's clock zone): a calendar date. */
export function todayIn(timeZone: string): string {
  return dayjs().tz(timeZone).format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (calendar dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}
