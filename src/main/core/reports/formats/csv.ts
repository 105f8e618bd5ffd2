import type { CellValue, ReportColumn, TableReport } from '../model';
import { DEFAULT_TIME_ZONE, formatCell, formatFen, isNumericColumn } from '../format-cell';

// Excel on Chinese Windows reads BOM-less CSV as GBK and shows mojibake.
export const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** RFC 4180: quote when the text holds a separator, quote or line break; double inner quotes. */
export function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Spreadsheets execute cells starting with = + - @ (and tab/CR, which some
 * strip first) as formulas; a resident's name must never become one. Numeric
 * columns are exempt so negative amounts stay numbers.
 */
function guard(text: string, col: ReportColumn | null): string {
  if (col && isNumericColumn(col)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: CellValue | undefined, col: ReportColumn, tz: string): string {
  // Fen without thousands separators so spreadsheets parse it as a number.
  if (col.kind === 'fen' && typeof value === 'number') return formatFen(value, false);
  return formatCell(value ?? null, col, tz);
}

export function tableToCsv(report: TableReport): Uint8Array {
  const tz = report.timeZone ?? DEFAULT_TIME_ZONE;
  const cols = report.columns;
  const line = (texts: string[]) => texts.map(quote).join(',');
  const lines = [line(cols.map((c) => guard(c.header, null)))];
  const add = (values: Record<string, CellValue>) => lines.push(line(cols.map((c) => guard(cell(values[c.key], c, tz), c))));
  for (const r of report.rows) add(r);
  if (report.totals) {
    const totals = { ...report.totals };
    const first = cols[0];
    if (first && (totals[first.key] === undefined || totals[first.key] === null)) totals[first.key] = report.labels.total;
    add(totals);
  }
  const body = new TextEncoder().encode(lines.join('\r\n') + '\r\n');
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
