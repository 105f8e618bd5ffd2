import type { CellValue, ReportColumn } from './model';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Integer fen → yuan text. Money is never divided as a float: the sign, the
 * whole yuan and the remaining fen are separated with integer arithmetic so
 * 0.1 + 0.2 style artefacts can never reach a printed receipt.
 */
export function formatFen(fen: number, grouping = true): string {
  if (!Number.isFinite(fen)) return '';
  const n = Math.round(fen); // fen should already be integral; tolerate upstream sloppiness
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  const yuanText = grouping ? yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan.toString();
  return `${n < 0 ? '-' : ''}${yuanText}.${cents.toString().padStart(2, '0')}`;
}

// Intl.DateTimeFormat construction is slow; reports format thousands of cells.
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(date: Date, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23', // 'hour12: false' can yield "24:00" at midnight in some engines
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(date)) out[p.type] = p.value;
  return out;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** ISO instant → `YYYY-MM-DD` as seen in the time zone. Date-only strings are calendar dates and pass through. */
export function formatDate(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  if (DATE_ONLY.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = partsIn(d, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** ISO instant → `YYYY-MM-DD HH:mm` in the time zone; unparseable text is shown as is rather than hidden. */
export function formatDateTime(value: string, timeZone = DEFAULT_TIME_ZONE): string {
  if (DATE_ONLY.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const p = partsIn(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Display text of one cell, shared by every renderer so PDF, DOCX and XLSX agree. */
export function formatCell(value: CellValue | undefined, column: ReportColumn, timeZone = DEFAULT_TIME_ZONE): string {
  if (value === null || value === undefined) return '';
  switch (column.kind ?? 'text') {
    case 'fen':
      return typeof value === 'number' ? formatFen(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? String(Math.trunc(value)) : String(value);
    case 'date':
      return typeof value === 'string' ? formatDate(value, timeZone) : String(value);
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value, timeZone) : String(value);
    default:
      return String(value);
  }
}

/** Fills a localised page label ('第 {n} 页'); labels without `{n}` get the number appended. */
export function fillLabel(label: string, n: string | number): string {
  return label.includes('{n}') ? label.split('{n}').join(String(n)) : `${label} ${n}`;
}

/** Columns whose values are numbers: right-aligned by default, never formula-guarded. */
export function isNumericColumn(column: ReportColumn): boolean {
  return column.kind === 'fen' || column.kind === 'integer';
}
