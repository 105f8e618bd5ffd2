import dayjs from 'dayjs';
import type { HolidayDay, HolidayKind } from '@shared/contract/hall';
import { parseTypedDate } from '../../../components/dates';

/** Why a day cannot be saved as it is; the screen words it (hall.holidays.problems.<reason>). */
export type HolidayProblem = 'date' | 'range' | 'kind' | 'year' | 'duplicate' | 'note';

/** A pasted line that was not read. */
export interface HolidayLineError {
  /** 1-based, as a person counts the lines they pasted. */
  line: number;
  text: string;
  reason: HolidayProblem;
}

export interface ParsedHolidayLines {
  days: HolidayDay[];
  errors: HolidayLineError[];
}

/**
 * The words a notice or a clerk uses for the two kinds of day. 调休 alone means the make-up working day:
 * the notices write "1月4日（周日）上班", and clerks shorten it to 调休 or 补班.
 */
const kindWords: Record<string, HolidayKind> = {
  放假: 'off',
  休: 'off',
  休息: 'off',
  假: 'off',
  off: 'off',
  holiday: 'off',
  上班: 'work',
  班: 'work',
  补班: 'work',
  调休: 'work',
  调休上班: 'work',
  work: 'work',
  workday: 'work',
};

/** The contract's limit on a day's note (hall.saveHolidayYear). */
export const holidayNoteMax = 40;

/** The longest run a notice gives one line (春节 and 国庆 are eight or nine days); more is a typing slip. */
const longestRun = 31;

/** Words that join the two ends of a run of days: `2027-02-10 至 2027-02-17`, `2027-02-10~2027-02-17`. */
const runJoiners = /^(?:至|到|~|～|-|—)$/;

/** Splits a line into its dates (one, or both ends of a run) and the rest of its words. */
function splitDates(words: string[]): { from: string; to: string; rest: string[] } {
  const [first = '', ...rest] = words;
  const inline = first.split(/~|～|至|到/);
  if (inline.length === 2) return { from: inline[0], to: inline[1], rest };
  if (rest.length >= 2 && runJoiners.test(rest[0])) return { from: first, to: rest[1], rest: rest.slice(2) };
  return { from: first, to: first, rest };
}

/** Every date from `from` to `to`, both included, or null when the run is backwards or too long. */
function datesOf(from: string, to: string): string[] | null {
  const days = dayjs(to).diff(dayjs(from), 'day');
  if (days < 0 || days >= longestRun) return null;
  return Array.from({ length: days + 1 }, (_, i) => dayjs(from).add(i, 'day').format('YYYY-MM-DD'));
}

/**
 * What is wrong with one day of a year being entered, or null: a date that is not a calendar date, one
 * outside the year (a year is saved as a whole), one already listed, a note too long to save.
 */
export function holidayDayProblem(day: { date: string | null; note: string }, year: number | null, earlier: ReadonlySet<string>): HolidayProblem | null {
  if (!day.date || parseTypedDate(day.date) !== day.date) return 'date';
  if (year !== null && Number(day.date.slice(0, 4)) !== year) return 'year';
  if (earlier.has(day.date)) return 'duplicate';
  if (day.note.trim().length > holidayNoteMax) return 'note';
  return null;
}

/**
 * Reads pasted lines such as `2027-01-01 放假 元旦`, `2027-02-10~2027-02-17 放假 春节` or
 * `2027-02-07 上班 调休` (a date or a run of dates, the kind, an optional note; separated by spaces or
 * commas, as copied from a notice or a spreadsheet). Blank lines are skipped. Every line that cannot be
 * read is reported with its number, so the clerk fixes the text before anything is saved.
 */
export function parseHolidayLines(text: string, year: number | null): ParsedHolidayLines {
  const days: HolidayDay[] = [];
  const errors: HolidayLineError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const fail = (reason: HolidayProblem) => errors.push({ line: index + 1, text: line, reason });
    const { from, to, rest } = splitDates(line.split(/[\s,，、;；]+/));
    const [kindText = '', ...noteWords] = rest;
    const [first, last] = [parseTypedDate(from), parseTypedDate(to)];
    if (!first || !last) return fail('date');
    const dates = datesOf(first, last);
    if (!dates) return fail('range');
    const kind = kindWords[kindText.toLowerCase()];
    if (!kind) return fail('kind');
    const note = noteWords.join(' ');
    const lineDays: HolidayDay[] = [];
    for (const date of dates) {
      const problem = holidayDayProblem({ date, note }, year, seen);
      if (problem) return fail(problem);
      lineDays.push({ date, kind, note });
    }
    // A line counts whole or not at all, so the clerk never saves half of a run.
    for (const d of lineDays) seen.add(d.date);
    days.push(...lineDays);
  });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors };
}
