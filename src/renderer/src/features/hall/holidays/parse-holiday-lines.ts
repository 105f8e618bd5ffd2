import type { HolidayDay, HolidayKind } from '@shared/contract/hall';
import { parseTypedDate } from '../../../components/dates';

/** Why a day cannot be saved as it is; the screen words it (hall.holidays.problems.<reason>). */
export type HolidayProblem = 'date' | 'kind' | 'year' | 'duplicate' | 'note';

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
 * Reads pasted lines such as `2027-01-01 放假 元旦` or `2027-02-07 上班 调休` (date, kind, optional note,
 * separated by spaces, tabs or commas, as copied from a notice or a spreadsheet). Blank lines are skipped.
 * Every line that cannot be read is reported with its number, so the clerk fixes the text before anything
 * is saved.
 */
export function parseHolidayLines(text: string, year: number | null): ParsedHolidayLines {
  const days: HolidayDay[] = [];
  const errors: HolidayLineError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const [dateText = '', kindText = '', ...rest] = line.split(/[\s,，、;；]+/);
    const date = parseTypedDate(dateText);
    const kind = kindWords[kindText.toLowerCase()];
    const note = rest.join(' ');
    const fail = (reason: HolidayProblem) => errors.push({ line: index + 1, text: line, reason });
    if (!date) return fail('date');
    if (!kind) return fail('kind');
    const problem = holidayDayProblem({ date, note }, year, seen);
    if (problem) return fail(problem);
    seen.add(date);
    days.push({ date, kind, note });
  });
  days.sort((a, b) => a.date.localeCompare(b.date));
  return { days, errors };
}
