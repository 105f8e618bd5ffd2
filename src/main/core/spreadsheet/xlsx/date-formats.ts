/**
 * Which of a workbook's number formats show a date or a time (Excel's built-in format ids, and the
 * workbook's own format codes), and an Excel serial number as the date the importer keeps (YYYY-MM-DD).
 * A number cell whose style has a date format is read as a date.
 */
import type { CellValue } from '../sheet';

/**
 * Excel's built-in date and time formats: 14–22, 45–47, and the East Asian locales' 27–36 and 50–58
 * (a Chinese Excel saves 2026年1月5日 as format 31 and 2026年1月 as 57, with no format code in the file).
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Does a number format code show a date or a time: a y, m, d, h or s token outside quoted text, escaped
 * characters (\x), padding and fill (_x, *x) and [...] sections ([Red], [$-804], [DBNum1]) — except the
 * elapsed-time sections [h], [mm], [ss]. Literal 年月日 only ever stand beside such tokens.
 */
export function isDateFormat(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      if (end < 0) return false;
      if (/^(h+|m+|s+)$/i.test(code.slice(i + 1, end))) return true;
      i = end;
    } else if (/[ymdhsYMDHS]/.test(ch)) {
      return true;
    }
  }
  return false;
}

/** An Excel serial number as a date, exactly as exceljs turned one into a Date (and the reader into YYYY-MM-DD). */
export function serialDate(serial: number, date1904: boolean): CellValue {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? null : { date: d.toISOString().slice(0, 10) };
}
