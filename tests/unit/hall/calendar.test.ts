import { describe, expect, it } from 'vitest';
import { shippedHolidayYears, workingCalendar } from '../../../src/main/core/features/hall/calendar';
import { addDays } from '../../../src/main/core/time/calendar';

const shipped = workingCalendar(shippedHolidayYears);

describe('the shipped working-day calendar (DOMAIN §9: the 2025 and 2026 notices)', () => {
  it('2026-09-30 + 5 working days is 2026-10-13: 10/1–10/7 off, 10/10 (Saturday) a make-up day', () => {
    expect(shipped.addWorkingDays('2026-09-30', 5)).toBe('2026-10-13');
    expect(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13'].every(shipped.isWorkingDay)).toBe(true);
    expect(shipped.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('2026-02-13 + 3 is 2026-02-25: 2/14 (Saturday) works, 2/15–2/23 are 春节', () => {
    expect(shipped.addWorkingDays('2026-02-13', 3)).toBe('2026-02-25');
    expect(shipped.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(shipped.isWorkingDay(d), d).toBe(false);
    expect(shipped.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('2025-01-24 + 2 is 2025-01-27: Sunday 1/26 is a make-up working day', () => {
    expect(shipped.isWorkingDay('2025-01-26')).toBe(true);
    expect(shipped.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
    expect(shipped.addWorkingDays('2025-01-24', 2)).toBe('2025-01-27');
  });

  it('0 working days is the day itself (即办), even a holiday', () => {
    expect(shipped.addWorkingDays('2026-03-11', 0)).toBe('2026-03-11');
    expect(shipped.addWorkingDays('2026-10-01', 0)).toBe('2026-10-01');
  });

  it('a Friday + 1 in an ordinary week is the Monday; the day of the event is never counted', () => {
    expect(shipped.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16');
    expect(shipped.addWorkingDays('2026-03-16', 1)).toBe('2026-03-17');
    expect(shipped.addWorkingDays('2026-03-14', 1)).toBe('2026-03-16'); // from a Saturday
  });

  it('a limit counted from inside a holiday starts after it (第203条 by construction)', () => {
    expect(shipped.addWorkingDays('2026-10-01', 1)).toBe('2026-10-08');
    expect(shipped.addWorkingDays('2025-10-01', 1)).toBe('2025-10-09');
    expect(shipped.isWorkingDay('2025-10-11')).toBe(true);
  });

  it('counts across the end of a year and into the next', () => {
    // 2025-12-31 (Wed) + 1: 2026-01-01..03 off, 01-04 (Sunday) works.
    expect(shipped.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(shipped.addWorkingDays('2025-12-31', 2)).toBe('2026-01-05');
  });

  it('every shipped day is listed once, sorted, in its year; make-up days fall on weekends', () => {
    expect(shippedHolidayYears.map((y) => y.year)).toEqual([2025, 2026]);
    for (const y of shippedHolidayYears) {
      const dates = y.days.map((d) => d.date);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d.startsWith(`${y.year}-`))).toBe(true);
      for (const d of y.days.filter((x) => x.kind === 'work')) expect([0, 6]).toContain(new Date(`${d.date}T00:00:00Z`).getUTCDay());
      expect(y.days.every((d) => d.note.length > 0)).toBe(true);
    }
    const y2025 = shippedHolidayYears[0].days;
    expect(y2025.filter((d) => d.kind === 'off')).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(y2025.filter((d) => d.kind === 'work').map((d) => d.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    const y2026 = shippedHolidayYears[1].days;
    expect(y2026.filter((d) => d.kind === 'off')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(y2026.filter((d) => d.kind === 'work').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y2026.find((d) => d.date === '2026-02-17')?.note).toBe('春节');
    expect(y2026.find((d) => d.date === '2026-10-05')?.note).toBe('国庆节');
  });

  it('knows 2025 and 2026 only; an unknown year is counted with weekends alone', () => {
    expect(shipped.knows(2025)).toBe(true);
    expect(shipped.knows(2026)).toBe(true);
    expect(shipped.knows(2027)).toBe(false);
    // 2027-10-01 is a Friday: with no notice it is an ordinary working day.
    expect(shipped.isWorkingDay('2027-10-01')).toBe(true);
    expect(shipped.addWorkingDays('2027-09-30', 2)).toBe('2027-10-04');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after today up to and including the due day', () => {
    expect(shipped.workingDaysBetween('2026-09-30', '2026-10-13')).toBe(5);
    expect(shipped.workingDaysBetween('2026-02-13', '2026-02-25')).toBe(3);
    expect(shipped.workingDaysBetween('2026-03-13', '2026-03-16')).toBe(1);
    expect(shipped.workingDaysBetween('2026-03-13', '2026-03-15')).toBe(0); // due on a Sunday: no working day left before it
  });

  it('is 0 on the due day and negative after it', () => {
    expect(shipped.workingDaysBetween('2026-10-13', '2026-10-13')).toBe(0);
    expect(shipped.workingDaysBetween('2026-10-14', '2026-10-13')).toBe(-1);
    // Due 9/30, today 10/8: the working days after 9/30 up to 10/8 are 10/8 alone.
    expect(shipped.workingDaysBetween('2026-10-08', '2026-09-30')).toBe(-1);
    expect(shipped.workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5);
  });

  it('agrees with counting day by day, in both directions, across both years and beyond', () => {
    const slow = (from: string, to: string) => {
      let n = 0;
      if (to >= from) for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) n += shipped.isWorkingDay(d) ? 1 : 0;
      else for (let d = addDays(to, 1); d <= from; d = addDays(d, 1)) n -= shipped.isWorkingDay(d) ? 1 : 0;
      return n;
    };
    for (let i = 0; i < 400; i++) {
      const from = addDays('2024-11-20', (i * 37) % 900);
      const to = addDays('2024-11-20', (i * 53 + 11) % 900);
      expect(shipped.workingDaysBetween(from, to), `${from} → ${to}`).toBe(slow(from, to));
    }
  });

  it('is the inverse of addWorkingDays', () => {
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 3)) {
      for (const n of [1, 5, 20]) expect(shipped.workingDaysBetween(d, shipped.addWorkingDays(d, n)), `${d} + ${n}`).toBe(n);
    }
  });

  it('answers a page of 200 tickets many times over without noticeable cost', () => {
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += shipped.workingDaysBetween('2026-06-15', addDays('2024-01-01', i % 1500));
    expect(Number.isFinite(sum)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('a year entered at the hall', () => {
  it('replaces the shipped year as a whole', () => {
    const entered = workingCalendar([shippedHolidayYears[0], { year: 2026, source: 'added', days: [{ date: '2026-03-16', kind: 'off', note: '更正' }] }]);
    // The shipped 国庆节 is gone with the shipped year; the entered holiday counts.
    expect(entered.isWorkingDay('2026-10-01')).toBe(true);
    expect(entered.isWorkingDay('2026-10-10')).toBe(false);
    expect(entered.addWorkingDays('2026-03-13', 1)).toBe('2026-03-17');
    expect(entered.knows(2026)).toBe(true);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => shipped.addWorkingDays('2026-03-13', -1)).toThrow(RangeError);
    expect(() => shipped.addWorkingDays('2026-03-13', 1.5)).toThrow(RangeError);
  });
});
