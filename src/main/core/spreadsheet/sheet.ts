/**
 * What a spreadsheet file becomes once read: one sheet, its header row and its data rows, with each cell
 * kept as the file gave it (text, a number, a date, a formula without a cached result, an error), so that
 * the row mapper can tell an ID number typed as text from one Excel turned into a number.
 */

/** A date cell (XLSX date-formatted number), already as YYYY-MM-DD. */
export interface DateCell {
  date: string;
}
/** A formula whose file carries no cached result (a file saved by a tool that does not calculate). */
export interface FormulaCell {
  formula: string;
}
/** #N/A, #REF! and friends. */
export interface ErrorCell {
  error: string;
}
export type CellValue = string | number | boolean | null | DateCell | FormulaCell | ErrorCell;

export interface SheetRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  cells: CellValue[];
}

export interface Sheet {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  /** The header row's number (1-based) and its texts, one per column. */
  headerRow: number;
  headers: string[];
  /** Data rows after the header; rows with no content at all are left out. */
  rows: SheetRow[];
  /** CSV only: how the text was decoded and separated, for the preview and the tests. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le' | 'utf-16be';
  separator?: ',' | '\t' | ';';
}

/** A sheet without its rows: what a reader knows once it has found the header. */
export type SheetHead = Omit<Sheet, 'rows'>;

/**
 * Where a reader hands rows over as it reads them, instead of keeping them (the preview drafts and
 * plans rows while the rest of the file is still being read). `start` comes once, before the first row.
 */
export interface SheetSink {
  start(head: SheetHead): void;
  row(row: SheetRow): void;
}

/** At most this many data rows (100,000 must work; more is refused before anything is prepared). */
export const MAX_ROWS = 200_000;
/** The header is looked for in this many first non-empty rows (titles and notes may stand above it). */
export const HEADER_SEARCH_ROWS = 10;

/** Decides whether a row of texts is the header row (it names enough known columns). */
export type HeaderTest = (texts: string[]) => boolean;

export function isDateCell(v: CellValue): v is DateCell {
  return typeof v === 'object' && v !== null && 'date' in v;
}
export function isFormulaCell(v: CellValue): v is FormulaCell {
  return typeof v === 'object' && v !== null && 'formula' in v;
}
export function isErrorCell(v: CellValue): v is ErrorCell {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** The cell as a person reads it, for headers, the preview and the error report. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateCell(v)) return v.date;
  if (isFormulaCell(v)) return `=${v.formula}`;
  return v.error;
}

/** Numbers as Excel shows them in a General cell: up to 15 significant digits, then scientific. */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15)
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'e')
      .toUpperCase();
  return String(Number(n.toPrecision(15)));
}

export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/** "A", "B", … "AA": the column letters a spreadsheet shows, for messages that name a cell. */
export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
