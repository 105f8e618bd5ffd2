import dayjs from 'dayjs';
import { useSignedIn } from '../app/session-context';

/** Today as the hall counts it (its time zone, not the workstation's clock zone): a calendar date. */
export function todayIn(timeZone: string): string {
  return dayjs().tz(timeZone).format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (calendar dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

/** Today in the hall's time zone, for a signed-in screen's date fields (a workstation's own zone may differ). */
export function useHallToday(): string {
  return todayIn(useSignedIn().settings.timeZone);
}
