import { AppError } from '../../../shared/errors';
import { cellText, HEADER_SEARCH_ROWS, isBlankRow, MAX_ROWS, type CellValue, type HeaderTest, type SheetRow } from './sheet';

/**
 * Takes a sheet's rows in order and finds the header among the first non-empty ones (a title or a note
 * may stand above it), then keeps the data rows, or hands each to a stream as it comes. Blank rows are
 * skipped but keep their numbers, so every message names the row the spreadsheet shows. More than
 * MAX_ROWS data rows is refused while reading.
 */
export class SheetCollector {
  headerRow = 0;
  headers: string[] = [];
  readonly rows: SheetRow[] = [];
  private seen = 0;
  private count = 0;
  /** 'no_header': the first rows named no known column; the caller may read again taking the first row. */
  state: 'seeking' | 'reading' | 'no_header' = 'seeking';

  constructor(
    private readonly isHeader: HeaderTest,
    private readonly firstRowIsHeader = false,
    /** Rows go here as they come (and are not kept); `onStart` hears of the header first. */
    private readonly stream?: { onStart(headerRow: number, headers: string[]): void; onRow(row: SheetRow): void },
  ) {}

  /** Returns false once the collector needs no more rows from this sheet. */
  push(row: number, cells: CellValue[]): boolean {
    if (this.state === 'no_header') return false;
    if (isBlankRow(cells)) return true;
    if (this.state === 'seeking') {
      const texts = cells.map((c) => cellText(c).trim());
      if (this.firstRowIsHeader || this.isHeader(texts)) {
        this.headerRow = row;
        this.headers = trimTrailingEmpty(texts);
        this.state = 'reading';
        this.stream?.onStart(row, this.headers);
        return true;
      }
      this.seen++;
      if (this.seen >= HEADER_SEARCH_ROWS) this.state = 'no_header';
      return this.state === 'seeking';
    }
    if (this.count >= MAX_ROWS) throw new AppError('import.too_many_rows', `More than ${MAX_ROWS} rows`, { params: { max: MAX_ROWS } });
    this.count++;
    if (this.stream) this.stream.onRow({ row, cells });
    else this.rows.push({ row, cells });
    return true;
  }

  /** Did the sheet hold anything at all (for the "empty" refusal)? */
  get sawContent(): boolean {
    return this.state !== 'seeking' || this.seen > 0;
  }

  /** After the last row: a header was found, and there are data rows under it. */
  finish(): void {
    if (this.state !== 'reading') return;
    if (this.count === 0) throw new AppError('import.header_only', 'The file has a header but no rows', { params: { row: this.headerRow } });
  }
}

function trimTrailingEmpty(texts: string[]): string[] {
  let n = texts.length;
  while (n > 0 && texts[n - 1] === '') n--;
  return texts.slice(0, n);
}
