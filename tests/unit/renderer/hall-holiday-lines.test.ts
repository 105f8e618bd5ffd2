import { describe, expect, it } from 'vitest';
import { parseHolidayLines } from '../../../src/renderer/src/features/hall/holidays/parse-holiday-lines';
import { holidayRuns } from '../../../src/renderer/src/features/hall/holidays/runs';

/**
 * The lines a clerk pastes from the State Council's notice (录入某年), read into a year's days; and a year's
 * days folded back into the runs the notice speaks of. The 2026 notice (DOMAIN.md §9) is the example.
 */
describe('pasted holiday lines', () => {
  it('reads single days, runs of days and make-up working days, in date order, with their notes', () => {
    const { days, errors } = parseHolidayLines(
      ['2026-02-14 上班 春节调休', '', '  2026-01-01~2026-01-03 放假 元旦  ', '2026-02-15 至 2026-02-23 放假 春节', '2026/1/4，补班'].join('\n'),
      2026,
    );
    expect(errors).toEqual([]);
    expect(days.filter((d) => d.kind === 'off').map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      ...Array.from({ length: 9 }, (_, i) => `2026-02-${String(15 + i).padStart(2, '0')}`),
    ]);
    expect(days.filter((d) => d.kind === 'work')).toEqual([
      { date: '2026-01-04', kind: 'work', note: '' },
      { date: '2026-02-14', kind: 'work', note: '春节调休' },
    ]);
    expect(days[0]).toEqual({ date: '2026-01-01', kind: 'off', note: '元旦' });
  });

  it('names every line it cannot read, by its number, and reads none of a bad line', () => {
    const text = [
      '2027-01-01 放假 元旦',
      '2027-02-30 放假',
      '2027-02-07 休假',
      '2026-10-01 放假 国庆',
      '2027-01-01 放假 重复',
      '2027-02-20~2027-02-10 放假',
      '2027-05-01~2027-06-15 放假',
      `2027-05-01 放假 ${'长'.repeat(41)}`,
      '2027-02-06~2027-02-08 放假 春节',
      '2027-02-08 上班',
    ].join('\n');
    const { days, errors } = parseHolidayLines(text, 2027);
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'date'],
      [3, 'kind'],
      [4, 'year'],
      [5, 'duplicate'],
      [6, 'range'],
      [7, 'range'],
      [8, 'note'],
      [10, 'duplicate'],
    ]);
    expect(errors[1].text).toBe('2027-02-07 休假');
    expect(days.map((d) => d.date)).toEqual(['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08']);
  });

  it('folds a year back into the notice’s runs: consecutive days of one kind and note', () => {
    const { days } = parseHolidayLines(['2026-10-01~2026-10-07 放假 国庆节', '2026-10-10 上班 国庆节调休', '2026-09-20 上班 中秋节调休'].join('\n'), 2026);
    expect(holidayRuns(days)).toEqual([
      { from: '2026-09-20', to: '2026-09-20', days: 1, kind: 'work', note: '中秋节调休' },
      { from: '2026-10-01', to: '2026-10-07', days: 7, kind: 'off', note: '国庆节' },
      { from: '2026-10-10', to: '2026-10-10', days: 1, kind: 'work', note: '国庆节调休' },
    ]);
  });
});
