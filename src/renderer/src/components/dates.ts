import dayjs from 'dayjs';

/**
 * Reads a date typed at the keyboard: 2026-03-01, 2026/3/1, 2026.3.1 or 20260301. Returns YYYY-MM-DD,
 * or null when it is not a real calendar date (2026-02-30 is refused rather than rolled over).
 */
export function parseTypedDate(input: string): string | null {
  const s = input.trim();
  const m = s.match(/^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (s.length === 8 || /[-/.年]/.test(s)) {
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    const parsed = dayjs(iso);
    return parsed.isValid() && parsed.format('YYYY-MM-DD') === iso ? iso : null;
  }
  return null;
}

export function monthRange(today = dayjs()): { from: string; to: string } {
  return { from: today.startOf('month').format('YYYY-MM-DD'), to: today.endOf('month').format('YYYY-MM-DD') };
}
