import dayjs from 'dayjs';

/**
 * Instants are stored as UTC; people read them in the hall's time zone (a setting, Asia/Shanghai by
 * default), so a clerk and an exported report agree on what "today" was.
 */
export function formatDateTime(instant: string | null | undefined, timeZone: string): string {
  if (!instant) return '';
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

export function formatDateTimeShort(instant: string | null | undefined, timeZone: string): string {
  if (!instant) return '';
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD HH:mm');
}

/** A long, locale-worded date; the pattern comes from the locale (2026年11月22日 星期日 / Sunday, November 22, 2026). */
export function formatLongDate(instant: Date | string, timeZone: string, pattern: string): string {
  return dayjs(instant).tz(timeZone).format(pattern);
}

export function fromNow(instant: string): string {
  return dayjs(instant).fromNow();
}

export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}
