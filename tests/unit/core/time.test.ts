import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { addDays, addYears, ageOn, agesOn, daysBetween, isRealDate, monthAfter } from '../../../src/main/core/time/calendar';
import { localDayEnd, localDayStart, localToday, offsetModifier } from '../../../src/main/core/time/zone';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('dates and the clock (core/time)', () => {
  it('calendar arithmetic on YYYY-MM-DD', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(daysBetween('2026-11-01', '2026-12-01')).toBe(30);
    expect(daysBetween('2026-12-01', '2026-11-01')).toBe(-30);
    expect(ageOn('1985-11-23', '2026-11-22')).toBe(40);
    expect(ageOn('1985-11-22', '2026-11-22')).toBe(41);
    expect(ageOn(null, '2026-11-22')).toBeNull();
    // A page's ages, the day read once: the same as ageOn for every birth date, around birthdays and 29 February.
    const days = ['2026-11-22', '2024-02-29', '2025-02-28', '2025-03-01', '2026-01-01', '2026-12-31'];
    const births = [null, '1985-11-23', '1985-11-22', '1985-11-21', '2000-02-29', '1999-03-01', '1926-12-31', '2026-01-01', '0900-06-15'];
    for (const day of days) {
      const ageOf = agesOn(day);
      for (const birth of births) expect(ageOf(birth), `${birth} on ${day}`).toBe(ageOn(birth, day));
    }
    expect(monthAfter('2026-11-22', 0)).toEqual({ year: 2026, month: '11' });
    expect(monthAfter('2026-12-31', 1)).toEqual({ year: 2027, month: '01' });
  });

  it('knows a real day from a mistyped one', () => {
    for (const d of ['2026-11-22', '2024-02-29', '2000-02-29']) expect(isRealDate(d)).toBe(true);
    for (const d of ['2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '20261122', '']) expect(isRealDate(d)).toBe(false);
  });

  it("converts instants to the hall's days and back", () => {
    expect(localToday(new Date('2026-11-21T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-22');
    expect(localDayStart('2026-11-22', 'Asia/Shanghai')).toBe('2026-11-21T16:00:00.000Z');
    expect(localDayEnd('2026-11-22', 'Asia/Shanghai')).toBe('2026-11-22T16:00:00.000Z');
    expect(offsetModifier('2026-11-22', 'Asia/Shanghai')).toBe('+480 minutes');
  });

  it('gives the same day as converting with dayjs, across zones, midnights, year ends and DST changes', () => {
    expect(localToday(new Date('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-31');
    expect(localToday(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localToday(new Date('0999-06-01T00:00:00Z'), 'UTC')).toBe('0999-06-01');
    for (const zone of ['Asia/Shanghai', 'Asia/Urumqi', 'UTC', 'America/New_York', 'Pacific/Kiritimati']) {
      for (let t = Date.parse('2026-03-01T00:00:00Z'); t < Date.parse('2026-04-01T00:00:00Z'); t += 3 * 3600_000 + 7 * 60_000) {
        expect(localToday(new Date(t), zone)).toBe(dayjs(t).tz(zone).format('YYYY-MM-DD'));
      }
    }
  });
});
