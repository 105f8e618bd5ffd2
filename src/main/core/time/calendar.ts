/**
 * Calendar arithmetic on dates (YYYY-MM-DD strings, no time, no zone) through day numbers, fast enough for
 * a million rows. Instants and the hall's time zone are in zone.ts; "today" in the hall is hall-day.ts.
 */
// Days since 1970-01-01 from a proleptic Gregorian date and back (H. Hinnant's civil calendar algorithms).

export function dayNumber(date: string): number {
  const m = Number(date.slice(5, 7));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dateOfDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  let md = date.slice(4);
  if (md === '-02-29' && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) md = '-02-28';
  return String(y).padStart(4, '0') + md;
}

/** Whole years from `birth` to `on` (age on a date). */
export function yearsBetween(birth: string, on: string): number {
  let years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) years--;
  return years;
}

/** A person's age on a day; null when the birth date is not known. */
export function ageOn(birthDate: string | null, today: string): number | null {
  return birthDate ? yearsBetween(birthDate, today) : null;
}

/**
 * Ages on one day for many birth dates (a page of rows): ageOn with the day's year and month-day read once
 * instead of once per row.
 */
export function agesOn(today: string): (birthDate: string | null) => number | null {
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5);
  return (birthDate) => (birthDate ? year - Number(birthDate.slice(0, 4)) - (monthDay < birthDate.slice(5) ? 1 : 0) : null);
}

/** Days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The month `months` after the one `date` falls in: its year and its month as two digits ("2026", "01"). */
export function monthAfter(date: string, months: number): { year: number; month: string } {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const month = (index % 12) + 1;
  return { year: Math.floor(index / 12), month: month < 10 ? `0${month}` : String(month) };
}

/** Whether a YYYY-MM-DD string names a day that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const month = Number(value.slice(5, 7));
  return month >= 1 && month <= 12 && dateOfDay(dayNumber(value)) === value;
}
