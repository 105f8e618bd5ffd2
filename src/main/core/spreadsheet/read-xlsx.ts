import { AppError } from '../../../shared/errors';
import { SheetCollector } from './collect';
import { Slicer } from './slices';
import { MergeFiller, sheetMerges } from './xlsx/merges';
import { SheetRows } from './xlsx/sheet-rows';
import { readWorkbook, type Workbook } from './xlsx/workbook';
import { parsePart } from './xlsx/xml-parts';
import { zipEntries } from './xlsx/zip';
import type { HeaderTest, Sheet, SheetSink } from './sheet';

/** Reading holds the thread at most about this long at a time. */
const READ_SLICE_MS = 20;

/**
 * Reads an XLSX as a stream of XML events (htmlparser2 in XML mode, fed the sheet as zip.ts inflates it
 * piece by piece): a 100,000-row sheet never sits in memory, neither as a workbook nor as one string, and
 * reading yields to the event loop between pieces. The sheet taken is the first, in the workbook's order,
 * whose first rows hold a recognised header; if none does, the first sheet with content, its first row as
 * the header.
 *
 * Cells become the few kinds the importer tells apart (CellValue): text (shared, inline, a formula's text
 * result), numbers, booleans, errors, and dates, for numbers whose cell style has a date format. Formulas
 * give their cached result; a formula without one is kept as such (the row mapper reports it).
 * Merged cells: a merge that touches the header row is refused (import.merged_header: a merged header
 * hides which column is which); a merge in the data (a 户号 or address merged down a family's rows) is
 * filled with its value, as "unmerge and fill" does in Excel.
 *
 * With a sink, the rows go to it as they are read and the sheet returned has none.
 */
export async function readXlsx(buf: Buffer, isHeader: HeaderTest, sink?: SheetSink): Promise<Sheet> {
  const entries = await zipEntries(buf);
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new AppError('import.not_spreadsheet', 'The ZIP file is not an Excel workbook');
  }
  const slicer = new Slicer(READ_SLICE_MS);
  const book = await readWorkbook(entries, slicer);
  const collector = (name: string | null, firstRowIsHeader: boolean) =>
    new SheetCollector(
      isHeader,
      firstRowIsHeader,
      sink && { onStart: (headerRow, headers) => sink.start({ format: 'xlsx', sheetName: name, headerRow, headers }), onRow: (row) => sink.row(row) },
    );
  const first = await readSheets(book, slicer, (_index, name) => collector(name, false));
  if (first.sheet) return first.sheet;
  const withContent = first.firstWithContent;
  if (withContent === null) throw new AppError('import.empty', 'The workbook has no rows');
  const again = await readSheets(book, slicer, (index, name) => (index === withContent ? collector(name, true) : null));
  if (!again.sheet) throw new AppError('import.empty', 'The workbook has no rows');
  return again.sheet;
}

async function readSheets(
  book: Workbook,
  slicer: Slicer,
  collectorFor: (index: number, sheetName: string | null) => SheetCollector | null,
): Promise<{ sheet: Sheet | null; firstWithContent: number | null }> {
  let firstWithContent: number | null = null;
  for (let index = 0; index < book.sheets.length; index++) {
    const { name, path } = book.sheets[index];
    const entry = book.entry(path);
    if (!entry) continue;
    const collector = collectorFor(index, name);
    if (!collector) continue;
    let filler: MergeFiller | null = null;
    const rows = new SheetRows(book);
    // The parser queues the rows of each piece; they go to the collector between pieces, where reading
    // may wait (for the merges, for other work) and stop.
    await parsePart(entry, 'sheet', slicer, rows, async () => {
      for (const row of rows.take()) {
        if (slicer.due()) await slicer.pause();
        filler?.apply(row.row, row.cells);
        if (!collector.push(row.row, row.cells)) return false;
        if (collector.state === 'reading' && !filler) {
          const merges = await sheetMerges(entry);
          const hit = merges.find((m) => m.r1 <= collector.headerRow && collector.headerRow <= m.r2);
          if (hit)
            throw new AppError('import.merged_header', `The header row has merged cells ${hit.ref}`, { params: { row: collector.headerRow, range: hit.ref } });
          filler = new MergeFiller(merges.filter((m) => m.r1 > collector.headerRow));
        }
      }
      return true;
    });
    if (collector.state === 'reading') {
      collector.finish();
      return { sheet: { format: 'xlsx', sheetName: name, headerRow: collector.headerRow, headers: collector.headers, rows: collector.rows }, firstWithContent };
    }
    if (collector.sawContent) firstWithContent ??= index;
  }
  return { sheet: null, firstWithContent };
}
