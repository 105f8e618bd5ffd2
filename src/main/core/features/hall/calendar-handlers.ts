import type { hall } from '../../../../shared/contract/hall';
import { AppError } from '../../../../shared/errors';
import type { HandlerMap } from '../../context';
import { dayNumber, isRealDate } from '../../time/calendar';
import { isWeekend, loadHolidayYears, loadWorkingCalendar } from './calendar';

type CalendarMethods = Extract<keyof typeof hall, 'hall.listHolidays' | 'hall.saveHolidayYear' | 'hall.dueDate'>;

const area = 'hall';

export const calendarHandlers: HandlerMap<CalendarMethods> = {
  async 'hall.listHolidays'(_input, ctx) {
    return loadHolidayYears(ctx.db);
  },

  /**
   * A year's notice as entered at the hall (the next year's, usually published in November, or a
   * correction): it replaces that year's shipped or earlier-entered days as a whole.
   */
  async 'hall.saveHolidayYear'(input, ctx) {
    const seen = new Set<string>();
    for (const [index, day] of input.days.entries()) {
      const refuse = (code: string, message: string) =>
        new AppError(code, message, { params: { date: day.date, year: input.year }, fields: { [`days.${index}.date`]: code } });
      if (!isRealDate(day.date)) throw refuse('hall.holiday_bad_date', `${day.date} is not a date`);
      if (Number(day.date.slice(0, 4)) !== input.year) throw refuse('hall.holiday_wrong_year', `${day.date} is not in ${input.year}`);
      if (seen.has(day.date)) throw refuse('hall.holiday_duplicate', `${day.date} is listed twice`);
      // A make-up working day (调休上班) is always a Saturday or Sunday; on a weekday it is a slip for a holiday.
      if (day.kind === 'work' && !isWeekend(dayNumber(day.date))) throw refuse('hall.holiday_work_on_weekday', `${day.date} is a weekday`);
      seen.add(day.date);
    }
    const before = (await loadHolidayYears(ctx.db)).find((y) => y.year === input.year);
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    // The calendar's added years are reference data, not a record about anyone: a year is replaced whole.
    await ctx.db.deleteFrom('hall_holidays').where('year', '=', input.year).execute();
    await ctx.db
      .insertInto('hall_holidays')
      .values(
        input.days.map((d) => ({ date: d.date, year: input.year, kind: d.kind, note: d.note, created_at: at, created_by: by, updated_at: at, updated_by: by })),
      )
      .execute();
    const after = (await loadHolidayYears(ctx.db)).find((y) => y.year === input.year)!;
    await ctx.audit({
      action: 'hall.saveHolidayYear',
      area,
      recordType: 'hall_holiday_year',
      recordId: String(input.year),
      summary: `${input.year}`,
      before,
      after,
    });
    return after;
  },

  async 'hall.dueDate'(input, ctx) {
    if (!isRealDate(input.from)) throw new AppError('contract.date_format', `${input.from} is not a date`, { fields: { from: 'contract.date_format' } });
    const calendar = await loadWorkingCalendar(ctx.db);
    const dueOn = calendar.addWorkingDays(input.from, input.workingDays);
    let calendarKnown = true;
    for (let year = Number(input.from.slice(0, 4)); year <= Number(dueOn.slice(0, 4)); year++) calendarKnown &&= calendar.knows(year);
    return { from: input.from, workingDays: input.workingDays, dueOn, calendarKnown };
  },
};
