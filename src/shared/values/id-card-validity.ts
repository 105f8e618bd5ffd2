/**
 * How long a 居民身份证 is valid (《居民身份证法》第5条): 5 years when issued under 16, 10 years at 16–25,
 * 20 years at 26–45, and 长期有效 (long-term, never expires) when issued at 46 or older.
 */
export const LONG_TERM_CARD_AGE = 46;

/** Whole years from a birth date to a day (both YYYY-MM-DD). */
function yearsBetween(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/**
 * Whether someone born on `birthDate` can hold a long-term card on `today`: it was issued when they were
 * 46 or older, so they are at least 46 now.
 */
export function canHoldLongTermCard(birthDate: string, today: string): boolean {
  return yearsBetween(birthDate, today) >= LONG_TERM_CARD_AGE;
}

/** Only a 居民身份证 is ever issued 长期有效 (permits and passports run for fixed terms). */
export function canBeLongTerm(docType: string): boolean {
  return docType === '居民身份证';
}
