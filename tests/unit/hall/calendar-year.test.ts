import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { loadWorkingCalendar } from '../../../src/main/core/features/hall/calendar';

// The calendar as the hall keeps it: the shipped notices, and years entered at the hall (the next year's
// notice in November, a correction) replacing them, through the contract on a real Linli file.

let hall: TestHall;
let gridWorker: string;
beforeAll(async () => {
  hall = await openTestHall();
  gridWorker = await addUser(hall, 'wangge', ['grid_worker']);
});
afterAll(() => hall.close());

const yearAudits = () =>
  hall.core.services.sqlite.prepare("SELECT record_id, before_json, after_json FROM audit_log WHERE action = 'hall.saveHolidayYear' ORDER BY seq").all() as {
    record_id: string;
    before_json: string | null;
    after_json: string;
  }[];

describe('the working-day calendar through the contract', () => {
  it('lists the shipped years, days sorted', async () => {
    const years = await hall.call('hall.listHolidays', {});
    expect(years.map((y) => [y.year, y.source])).toEqual([
      [2025, 'shipped'],
      [2026, 'shipped'],
    ]);
    const dates = years[1].days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(years[1].days.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: 'work', note: '国庆节调休上班' });
  });

  it('gives due dates by the notices (DOMAIN §9 vectors), and says when a year is not known', async () => {
    expect(await hall.call('hall.dueDate', { from: '2026-09-30', workingDays: 5 })).toEqual({
      from: '2026-09-30',
      workingDays: 5,
      dueOn: '2026-10-13',
      calendarKnown: true,
    });
    expect((await hall.call('hall.dueDate', { from: '2026-02-13', workingDays: 3 })).dueOn).toBe('2026-02-25');
    expect((await hall.call('hall.dueDate', { from: '2025-01-24', workingDays: 2 })).dueOn).toBe('2025-01-27');
    expect((await hall.call('hall.dueDate', { from: '2026-05-06', workingDays: 0 })).dueOn).toBe('2026-05-06');
    // 2026-12-30 + 5 runs into 2027, which no notice covers yet.
    expect(await hall.call('hall.dueDate', { from: '2026-12-30', workingDays: 5 })).toMatchObject({ dueOn: '2027-01-06', calendarKnown: false });
    expect((await hall.call('hall.dueDate', { from: '2026-09-30', workingDays: 5 }, gridWorker)).dueOn).toBe('2026-10-13');
    expect((await hall.fail('hall.dueDate', { from: '2026-02-30', workingDays: 1 })).code).toBe('contract.date_format');
  });

  it('a year entered at the hall replaces the shipped one as a whole, changes due dates, and is audited', async () => {
    const saved = await hall.call('hall.saveHolidayYear', {
      year: 2026,
      days: [
        { date: '2026-10-02', kind: 'off', note: '国庆节' },
        { date: '2026-10-01', kind: 'off', note: '国庆节' },
        { date: '2026-10-11', kind: 'work', note: '国庆节调休上班' },
      ],
    });
    expect(saved).toEqual({
      year: 2026,
      source: 'added',
      days: [
        { date: '2026-10-01', kind: 'off', note: '国庆节' },
        { date: '2026-10-02', kind: 'off', note: '国庆节' },
        { date: '2026-10-11', kind: 'work', note: '国庆节调休上班' },
      ],
    });
    const years = await hall.call('hall.listHolidays', {});
    expect(years.map((y) => [y.year, y.source, y.days.length])).toEqual([
      [2025, 'shipped', 33],
      [2026, 'added', 3],
    ]);
    // 9/30 + 5: 10/5 (Mon), 10/6, 10/7, 10/8, 10/9, with 10/3–10/4 a weekend and the shipped 10/3–10/7 gone.
    expect((await hall.call('hall.dueDate', { from: '2026-09-30', workingDays: 5 })).dueOn).toBe('2026-10-09');
    // The shipped 春节 went with the shipped year.
    expect((await hall.call('hall.dueDate', { from: '2026-02-13', workingDays: 3 })).dueOn).toBe('2026-02-18');
    // The tickets' code reads the same calendar.
    const calendar = await loadWorkingCalendar(hall.core.services.db);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-16')).toBe(true);

    const [audit] = yearAudits();
    expect(audit.record_id).toBe('2026');
    expect(JSON.parse(audit.before_json!)).toMatchObject({ year: 2026, source: 'shipped' });
    expect(JSON.parse(audit.before_json!).days).toHaveLength(39);
    expect(JSON.parse(audit.after_json).days).toHaveLength(3);
  });

  it('saving the year again replaces what was entered; a new year becomes known', async () => {
    await hall.call('hall.saveHolidayYear', { year: 2026, days: [{ date: '2026-10-01', kind: 'off', note: '国庆节' }] });
    expect((await hall.call('hall.listHolidays', {})).find((y) => y.year === 2026)!.days).toEqual([{ date: '2026-10-01', kind: 'off', note: '国庆节' }]);
    await hall.call('hall.saveHolidayYear', {
      year: 2027,
      days: [
        { date: '2027-01-01', kind: 'off', note: '元旦' },
        { date: '2027-01-04', kind: 'off', note: '元旦' },
      ],
    });
    expect(await hall.call('hall.dueDate', { from: '2026-12-30', workingDays: 5 })).toMatchObject({ dueOn: '2027-01-08', calendarKnown: true });
    expect((await hall.call('hall.listHolidays', {})).map((y) => [y.year, y.source])).toEqual([
      [2025, 'shipped'],
      [2026, 'added'],
      [2027, 'added'],
    ]);
    expect(yearAudits().map((a) => a.record_id)).toEqual(['2026', '2026', '2027']);
    expect(JSON.parse(yearAudits()[2].before_json ?? 'null')).toBeNull();
  });

  it('refuses a date outside the year, a date twice, a date that does not exist, a make-up day on a weekday; nothing changes', async () => {
    const before = await hall.call('hall.listHolidays', {});
    const wrongYear = await hall.fail('hall.saveHolidayYear', {
      year: 2027,
      days: [
        { date: '2027-02-06', kind: 'off', note: '春节' },
        { date: '2028-02-07', kind: 'off', note: '春节' },
      ],
    });
    expect(wrongYear.code).toBe('hall.holiday_wrong_year');
    expect(wrongYear.fields).toEqual({ 'days.1.date': 'hall.holiday_wrong_year' });
    expect(wrongYear.params).toMatchObject({ date: '2028-02-07', year: 2027 });
    const twice = await hall.fail('hall.saveHolidayYear', {
      year: 2027,
      days: [
        { date: '2027-02-06', kind: 'off', note: '春节' },
        { date: '2027-02-06', kind: 'work', note: '' },
      ],
    });
    expect(twice.code).toBe('hall.holiday_duplicate');
    expect((await hall.fail('hall.saveHolidayYear', { year: 2027, days: [{ date: '2027-02-29', kind: 'off' }] })).code).toBe('hall.holiday_bad_date');
    // 2027-02-10 is a Wednesday.
    expect((await hall.fail('hall.saveHolidayYear', { year: 2027, days: [{ date: '2027-02-10', kind: 'work' }] })).code).toBe('hall.holiday_work_on_weekday');
    expect((await hall.fail('hall.saveHolidayYear', { year: 2027, days: [] })).code).toBe('contract.invalid_input');
    expect(await hall.call('hall.listHolidays', {})).toEqual(before);
    expect(yearAudits()).toHaveLength(3);
  });

  it('a grid worker reads the calendar but cannot enter a year', async () => {
    expect((await hall.call('hall.listHolidays', {}, gridWorker)).length).toBe(3);
    expect((await hall.fail('hall.saveHolidayYear', { year: 2028, days: [{ date: '2028-01-01', kind: 'off' }] }, gridWorker)).code).toBe('auth.forbidden');
    expect((await hall.call('hall.listHolidays', {})).map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });
});
