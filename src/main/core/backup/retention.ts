/**
 * Which automatic backups to keep: the newest of each of the last `daily` days, of each of the last
 * `weekly` ISO weeks and of each of the last `monthly` months (grandfather-father-son). Everything else
 * may be removed. Pure, so it is tested on its own.
 */
export interface Retainable {
  id: string;
  /** Calendar date of the backup in the hall's time zone, YYYY-MM-DD. */
  date: string;
  at: string;
}

export function backupsToKeep(items: Retainable[], keep: { daily: number; weekly: number; monthly: number }): Set<string> {
  const newestFirst = [...items].sort((a, b) => b.at.localeCompare(a.at));
  const kept = new Set<string>();
  keepNewestPer(newestFirst, (i) => i.date, keep.daily, kept);
  keepNewestPer(newestFirst, (i) => isoWeek(i.date), keep.weekly, kept);
  keepNewestPer(newestFirst, (i) => i.date.slice(0, 7), keep.monthly, kept);
  return kept;
}

function keepNewestPer(newestFirst: Retainable[], bucketOf: (i: Retainable) => string, count: number, kept: Set<string>): void {
  const seen = new Set<string>();
  for (const item of newestFirst) {
    const bucket = bucketOf(item);
    if (seen.has(bucket)) continue;
    if (seen.size >= count) break;
    seen.add(bucket);
    kept.add(item.id);
  }
}

/** ISO 8601 week, e.g. 2026-W47. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
