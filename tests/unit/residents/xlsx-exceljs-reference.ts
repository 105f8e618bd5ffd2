import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../src/shared/errors';
import { SheetCollector } from '../../../src/main/core/spreadsheet/collect';
import { Slicer } from '../../../src/main/core/spreadsheet/slices';
import { entryChunks, PART_CAPS, zipEntries, type ZipEntry } from '../../../src/main/core/spreadsheet/xlsx/zip';
import type { CellValue, HeaderTest, Sheet, SheetSink } from '../../../src/main/core/spreadsheet/sheet';

/** Reading holds the thread at most about this long at a time. */
const READ_SLICE_MS = 20;

interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  ref: string;
}

/*
 * The XLSX reader as it was before read-xlsx.ts parsed the XML itself (exceljs' streaming reader), kept
 * here unchanged but for its imports and name, as the reference the new reader is compared with.
 */

/**
 * Reads an XLSX with exceljs' streaming reader (a 100,000-row sheet never sits in memory as a workbook,
 * and parsing yields to the event loop between chunks). The sheet taken is the first whose first rows
 * hold a recognised header; if none does, the first sheet with content, its first row as the header.
 *
 * Formulas give their cached result; a formula without one is kept as such (the row mapper reports it).
 * Merged cells: a merge that touches the header row is refused (import.merged_header: a merged header
 * hides which column is which); a merge in the data (a 户号 or address merged down a family's rows) is
 * filled with its value, as "unmerge and fill" does in Excel.
 *
 * With a sink, the rows go to it as they are read and the sheet returned has none.
 */
export async function readXlsxWithExceljs(buf: Buffer, isHeader: HeaderTest, sink?: SheetSink): Promise<Sheet> {
  const entries = await zipEntries(buf);
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new AppError('import.not_spreadsheet', 'The ZIP file is not an Excel workbook');
  }
  const collector = (name: string | null, firstRowIsHeader: boolean) =>
    new SheetCollector(
      isHeader,
      firstRowIsHeader,
      sink && { onStart: (headerRow, headers) => sink.start({ format: 'xlsx', sheetName: name, headerRow, headers }), onRow: (row) => sink.row(row) },
    );
  const first = await readSheets(buf, entries, (_id, name) => collector(name, false));
  if (first.sheet) return first.sheet;
  const withContent = first.firstWithContent;
  if (withContent === null) throw new AppError('import.empty', 'The workbook has no rows');
  const again = await readSheets(buf, entries, (id, name) => (id === withContent ? collector(name, true) : null));
  if (!again.sheet) throw new AppError('import.empty', 'The workbook has no rows');
  return again.sheet;
}

async function readSheets(
  buf: Buffer,
  entries: ZipEntry[],
  collectorFor: (sheetId: string, sheetName: string | null) => SheetCollector | null,
): Promise<{ sheet: Sheet | null; firstWithContent: string | null }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let firstWithContent: string | null = null;
  for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { id: string | number; name: string }>) {
    const id = String(ws.id);
    const collector = collectorFor(id, ws.name ?? null);
    if (!collector) continue;
    let filler: MergeFiller | null = null;
    // exceljs hands over every row it has parsed without a pause (a whole inflated piece at a time), and
    // the collector's stream drafts rows as they come: this lets other work run between pieces.
    const slicer = new Slicer(READ_SLICE_MS);
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      if (slicer.due()) await slicer.pause();
      const cells = rowCells(row);
      filler?.apply(row.number, cells);
      if (!collector.push(row.number, cells)) break;
      if (collector.state === 'reading' && !filler) {
        const merges = await sheetMerges(buf, entries, id);
        const hit = merges.find((m) => m.r1 <= collector.headerRow && collector.headerRow <= m.r2);
        if (hit)
          throw new AppError('import.merged_header', `The header row has merged cells ${hit.ref}`, { params: { row: collector.headerRow, range: hit.ref } });
        filler = new MergeFiller(merges.filter((m) => m.r1 > collector.headerRow));
      }
    }
    if (collector.state === 'reading') {
      collector.finish();
      return {
        sheet: { format: 'xlsx', sheetName: ws.name ?? null, headerRow: collector.headerRow, headers: collector.headers, rows: collector.rows },
        firstWithContent,
      };
    }
    if (collector.sawContent) firstWithContent ??= id;
  }
  return { sheet: null, firstWithContent };
}

function rowCells(row: ExcelJS.Row): CellValue[] {
  const values = row.values as unknown[];
  const cells: CellValue[] = [];
  for (let i = 1; i < values.length; i++) cells.push(convert(values[i]));
  return cells;
}

/** exceljs' cell values → the few kinds the importer distinguishes. */
function convert(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { date: v.toISOString().slice(0, 10) };
  if (typeof v !== 'object') return String(v);
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { formula: String(o.formula ?? o.sharedFormula ?? '') };
    const r = o.result;
    if (typeof r === 'object' && r !== null && 'error' in r) return { error: String((r as { error: unknown }).error) };
    return convert(r);
  }
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((p) => p.text ?? '').join('');
  if ('error' in o) return { error: String(o.error) };
  if ('text' in o) return convert(o.text);
  return null;
}

async function sheetMerges(buf: Buffer, entries: ZipEntry[], sheetId: string): Promise<MergeRange[]> {
  const entry = entries.find((e) => e.name === `xl/worksheets/sheet${sheetId}.xml`);
  if (!entry) return [];
  const part = await mergeCellsElement(buf, entry);
  if (!part) return [];
  const out: MergeRange[] = [];
  for (const m of part.matchAll(/<mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    out.push({ c1: columnIndex(m[1]), r1: Number(m[2]), c2: columnIndex(m[3]), r2: Number(m[4]), ref: `${m[1]}${m[2]}:${m[3]}${m[4]}` });
  }
  return out;
}

const OPEN = Buffer.from('<mergeCells');
const CLOSE = Buffer.from('</mergeCells>');

/**
 * The sheet's <mergeCells> element (it follows <sheetData>, at the end), found while the sheet is
 * inflated piece by piece: a 100,000-row sheet is never held whole (65 MB of XML), and no step takes long.
 */
async function mergeCellsElement(_buf: Buffer, entry: ZipEntry): Promise<string | null> {
  let carry = Buffer.alloc(0);
  let found: Buffer[] | null = null;
  for await (const chunk of entryChunks(entry, PART_CAPS.sheet)) {
    if (found) {
      found.push(chunk);
    } else {
      const window = Buffer.concat([carry, chunk]);
      const at = window.indexOf(OPEN);
      if (at < 0) {
        carry = window.subarray(Math.max(0, window.length - OPEN.length + 1));
        continue;
      }
      found = [window.subarray(at)];
    }
    const text = Buffer.concat(found);
    const end = text.indexOf(CLOSE);
    if (end >= 0) return text.toString('utf8', 0, end + CLOSE.length);
    found = [text];
  }
  return found ? Buffer.concat(found).toString('utf8') : null;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Fills merged data cells with their top-left value. Merges are taken in row order and dropped once
 * passed, so a sheet with thousands of merged households costs little per row.
 */
class MergeFiller {
  private readonly pending: MergeRange[];
  private active: { m: MergeRange; value: CellValue }[] = [];

  constructor(merges: MergeRange[]) {
    this.pending = [...merges].sort((a, b) => b.r1 - a.r1); // popped from the end, lowest row first
  }

  apply(rowNumber: number, cells: CellValue[]): void {
    while (this.pending.length && this.pending[this.pending.length - 1].r1 <= rowNumber) {
      const m = this.pending.pop()!;
      if (m.r2 >= rowNumber) this.active.push({ m, value: m.r1 === rowNumber ? (cells[m.c1] ?? null) : null });
    }
    if (!this.active.length) return;
    this.active = this.active.filter((a) => a.m.r2 >= rowNumber);
    for (const a of this.active) {
      for (let c = a.m.c1; c <= a.m.c2; c++) {
        while (cells.length <= c) cells.push(null);
        cells[c] = a.value;
      }
    }
  }
}
