/** The weekday of a calendar date in the reader's language (周四 / Thu), read as that date, in no time zone. */
export function weekdayOf(date: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
