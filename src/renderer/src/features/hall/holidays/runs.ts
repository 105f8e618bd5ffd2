import dayjs from 'dayjs';
import type { HolidayDay, HolidayKind } from '@shared/contract/hall';

/** Consecutive days of one kind and note, as a notice says them: 2月15日至23日放假，共9天. */
export interface HolidayRun {
  from: string;
  to: string;
  days: number;
  kind: HolidayKind;
  note: string;
}

/** The year's days folded into runs, in date order. */
export function holidayRuns(days: HolidayDay[]): HolidayRun[] {
  const runs: HolidayRun[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs[runs.length - 1];
    const next = last && dayjs(last.to).add(1, 'day').format('YYYY-MM-DD');
    if (last && next === day.date && last.kind === day.kind && last.note === day.note) {
      last.to = day.date;
      last.days += 1;
    } else runs.push({ from: day.date, to: day.date, days: 1, kind: day.kind, note: day.note });
  }
  return runs;
}
