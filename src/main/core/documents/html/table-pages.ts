import type { Block, DocumentModel } from '../model';
import { pageSetup, typeArea } from './page-setup';

// Why long tables are printed one page at a time: Chromium lays a table that spans many pages out again for
// each page it fragments into, so one table of N rows costs about N² (measured: 20,000 notice rows printed in
// 15 s as one table, 5 s as page-sized tables; 25,000 and more failed with "Printing failed"). A table of
// more than a few pages is therefore cut here into tables of one page each, every one with its header row,
// so Chromium never fragments a long table. Each row's height is estimated from its text and the column
// widths (fixed, table-layout: fixed), erring tall, so that a page's rows are known to fit on it.

type Layout = DocumentModel['layout'];
type TableBlock = Extract<Block, { kind: 'table' }>;
type Cell = string | number | null;

const PT_MM = 25.4 / 72;
/** The table text of each layout (styles.ts: `.grid` font size, line height, cell padding). */
const GRID_TEXT: Record<Layout, { fontPt: number; lineHeight: number; padYMm: number; padXMm: number }> = {
  official: { fontPt: 12, lineHeight: 1.5, padYMm: 1.6, padXMm: 3 },
  form: { fontPt: 11, lineHeight: 1.6, padYMm: 1.6, padXMm: 3 },
  poster: { fontPt: 16, lineHeight: 1.5, padYMm: 4, padXMm: 6 },
};
/** A cell's collapsed border (0.75 pt); the table's 2 mm margins above and below. */
const BORDER_MM = 0.75 * PT_MM;
const TABLE_MARGINS_MM = 2 * 2;

/** A table longer than this many pages is cut into pages; a shorter one flows as before. */
export const PAGED_AFTER_PAGES = 2;

export interface TablePaging {
  layout: Layout;
  /** The type area in mm. */
  area: { width: number; height: number };
}

export function tablePaging(doc: Pick<DocumentModel, 'layout' | 'paper' | 'orientation'>): TablePaging {
  return { layout: doc.layout, area: typeArea(pageSetup(doc)) };
}

/** Text width in ems, erring wide: a CJK or full-width character is 1 em, anything else 0.55 em (Latin digits are about 0.5). */
function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return ems;
}

/** Each column's width for text in mm: its share of the type area less the padding and a border. */
export function columnTextMm(block: TableBlock, paging: TablePaging): number[] {
  const t = GRID_TEXT[paging.layout];
  const widths = block.columns.map((c) => Math.max(1, c.width ?? 10));
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.max(1, (paging.area.width * w) / sum - t.padXMm - BORDER_MM));
}

/**
 * A row's height in mm, rounded up to 0.1 mm: its tallest cell's lines, padding and a border. A wrapped line
 * may end up to one em short (the next character or word did not fit), so a line is counted as one em less.
 */
export function rowHeightMm(cells: Cell[], columnMm: number[], layout: Layout, leastMm = 0): number {
  const t = GRID_TEXT[layout];
  const emMm = t.fontPt * PT_MM;
  let lines = 1;
  columnMm.forEach((width, i) => {
    const text = cells[i] === null || cells[i] === undefined ? '' : String(cells[i]);
    const ems = textEms(text);
    const perLine = width / emMm;
    if (ems > perLine) lines = Math.max(lines, Math.ceil(ems / Math.max(1, perLine - 1)));
  });
  const height = lines * t.fontPt * t.lineHeight * PT_MM + t.padYMm + BORDER_MM;
  return Math.ceil(Math.max(height, leastMm) * 10) / 10;
}

/**
 * Whether a table is long enough to be cut into pages (pageTable would not return null), measuring rows only
 * until it is: the first hundred rows of a notice of 50,000 decide it.
 */
export function isLongTable(block: TableBlock, paging: TablePaging, text: (cells: Cell[]) => string[]): boolean {
  const { columnMm, room, totalsMm } = pageRoom(block, paging, text);
  let total = totalsMm;
  for (const row of block.rows) {
    total += rowHeightMm(text(row), columnMm, paging.layout, block.rowHeightMm);
    if (total > room * PAGED_AFTER_PAGES) return true;
  }
  return false;
}

/** A table's columns' text widths, the height a page leaves for its rows, and its totals row's height, in mm. */
function pageRoom(block: TableBlock, paging: TablePaging, text: (cells: Cell[]) => string[]): { columnMm: number[]; room: number; totalsMm: number } {
  const columnMm = columnTextMm(block, paging);
  const headMm = rowHeightMm(
    block.columns.map((c) => c.header),
    columnMm,
    paging.layout,
  );
  const line = rowHeightMm([], columnMm, paging.layout);
  // The caption (one line) is reserved on every page, and one row spare for rounding in the browser.
  const room = paging.area.height - TABLE_MARGINS_MM - headMm - line * 2;
  return { columnMm, room, totalsMm: block.totals ? rowHeightMm(text(block.totals), columnMm, paging.layout) : 0 };
}

export interface TablePage {
  /** Indexes of `block.rows` on this page. */
  start: number;
  end: number;
  /** The last page also carries the totals row. */
  totals: boolean;
}

/**
 * The table's rows as pages, or null when the table is short enough to flow as one
 * table. `text(cell, column)` is the cell as printed (fen as yuan).
 */
export function pageTable(block: TableBlock, paging: TablePaging, text: (cells: Cell[]) => string[]): { pages: TablePage[] } | null {
  const { columnMm, room, totalsMm } = pageRoom(block, paging, text);
  const heights = block.rows.map((r) => rowHeightMm(text(r), columnMm, paging.layout, block.rowHeightMm));
  const total = heights.reduce((a, b) => a + b, 0) + totalsMm;
  if (total <= room * PAGED_AFTER_PAGES) return null;
  const pages: TablePage[] = [];
  let start = 0;
  let used = 0;
  heights.forEach((h, i) => {
    if (i > start && used + h > room) {
      pages.push({ start, end: i, totals: false });
      start = i;
      used = 0;
    }
    used += h;
  });
  // The totals row goes with the last rows; if it does not fit, the last row goes with it to a page of its own.
  if (block.totals && used + totalsMm > room && block.rows.length - start > 1) {
    pages.push({ start, end: block.rows.length - 1, totals: false });
    start = block.rows.length - 1;
  }
  pages.push({ start, end: block.rows.length, totals: Boolean(block.totals) });
  return { pages };
}
