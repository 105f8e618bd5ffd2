import { StringDecoder } from 'node:string_decoder';
import { Parser, type Handler } from 'htmlparser2';
import { AppError } from '../../../../../shared/errors';
import { SheetCollector } from './collect';
import { Slicer } from './slices';
import { entryChunks, zipEntries, type ZipEntry } from './zip';
import type { CellValue, HeaderTest, Sheet, SheetSink } from './sheet';

/** Reading holds the thread at most about this long at a time. */
const READ_SLICE_MS = 20;

interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  ref: string;
}

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
  const entries = zipEntries(buf);
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new AppError('import.not_spreadsheet', 'The ZIP file is not an Excel workbook');
  }
  const slicer = new Slicer(READ_SLICE_MS);
  const book = await readWorkbook(buf, entries, slicer);
  const collector = (name: string | null, firstRowIsHeader: boolean) =>
    new SheetCollector(isHeader, firstRowIsHeader, sink && { onStart: (headerRow, headers) => sink.start({ format: 'xlsx', sheetName: name, headerRow, headers }), onRow: (row) => sink.row(row) });
  const first = await readSheets(book, slicer, (_index, name) => collector(name, false));
  if (first.sheet) return first.sheet;
  const withContent = first.firstWithContent;
  if (withContent === null) throw new AppError('import.empty', 'The workbook has no rows');
  const again = await readSheets(book, slicer, (index, name) => (index === withContent ? collector(name, true) : null));
  if (!again.sheet) throw new AppError('import.empty', 'The workbook has no rows');
  return again.sheet;
}

// ---------------------------------------------------------------------------------------------------
// The workbook: its sheets in order, the shared strings, which cell styles are dates

interface Workbook {
  buf: Buffer;
  /** In the workbook's order, each with its part's path (through xl/_rels/workbook.xml.rels). */
  sheets: { name: string | null; path: string }[];
  entry(path: string): ZipEntry | undefined;
  date1904: boolean;
  strings: (string | null)[];
  /** By cell style index (a cell's `s`): does its number format show a date or a time? */
  dateStyles: boolean[];
}

async function readWorkbook(buf: Buffer, entries: ZipEntry[], slicer: Slicer): Promise<Workbook> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const entry = (path: string) => byName.get(path) ?? byLowerName.get(path.toLowerCase());

  const rels = new Map<string, { type: string; path: string }>();
  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  if (relsEntry) {
    await parsePart(buf, relsEntry, slicer, {
      onopentag(name, a) {
        if (localName(name) !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
        rels.set(a.Id, { type: a.Type ?? '', path: partPath('xl/', a.Target) });
      },
    });
  }
  const relPath = (typeSuffix: string) => [...rels.values()].find((r) => r.type.endsWith(typeSuffix))?.path;

  let date1904 = false;
  const sheets: Workbook['sheets'] = [];
  await parsePart(buf, entry('xl/workbook.xml')!, slicer, {
    onopentag(name, a) {
      const local = localName(name);
      if (local === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (local !== 'sheet') return;
      const rel = rels.get(relationshipId(a) ?? '');
      if (rel) sheets.push({ name: a.name ?? null, path: rel.path });
    },
  });

  const stringsEntry = entry(relPath('/sharedStrings') ?? 'xl/sharedStrings.xml');
  const strings = new SharedStrings();
  if (stringsEntry) await parsePart(buf, stringsEntry, slicer, strings);

  const stylesEntry = entry(relPath('/styles') ?? 'xl/styles.xml');
  const styles = new CellStyles();
  if (stylesEntry) await parsePart(buf, stylesEntry, slicer, styles);

  return { buf, sheets, entry, date1904, strings: strings.strings, dateStyles: styles.dateStyles() };
}

/** The r:id of a <sheet> (the prefix bound to the relationships namespace is usually, not always, "r"). */
function relationshipId(attrs: Record<string, string>): string | undefined {
  if (attrs['r:id'] !== undefined) return attrs['r:id'];
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(':id')) return v;
  return undefined;
}

/** A relationship's target as a path in the ZIP: relative to the workbook's folder, or absolute. */
export function partPath(base: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Element names without their namespace prefix (some writers emit <x:row>, <x:c>). */
function localName(name: string): string {
  if (name.length < 3) return name; // c, v, f, t, is: the names a sheet is made of
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** XML ends lines with \n (a file may hold \r\n or \r). */
function lines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * Feeds one part to an XML parser piece by piece, decoding UTF-8 across the pieces' edges. After each
 * piece `afterPiece` runs (the sheet hands its rows on there); false stops reading the part.
 */
async function parsePart(buf: Buffer, entry: ZipEntry, slicer: Slicer, handler: Partial<Handler>, afterPiece?: () => boolean | Promise<boolean>): Promise<void> {
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entryChunks(buf, entry)) {
    parser.write(decoder.write(chunk));
    if (afterPiece && !(await afterPiece())) return;
    if (slicer.due()) await slicer.pause();
  }
  parser.write(decoder.end());
  parser.end();
  if (afterPiece) await afterPiece();
}

/** xl/sharedStrings.xml: each <si> as its text; rich text runs joined, phonetic runs (<rPh>) left out. */
class SharedStrings implements Partial<Handler> {
  readonly strings: (string | null)[] = [];
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private text = '';

  onopentagname(name: string): void {
    switch (localName(name)) {
      case 'si':
        this.inItem = true;
        this.phonetic = 0;
        this.text = '';
        break;
      case 't':
        if (this.inItem && this.phonetic === 0) this.inText = true;
        break;
      case 'rPh':
        if (this.inItem) this.phonetic++;
        break;
    }
  }

  ontext(data: string): void {
    if (this.inText) this.text += data;
  }

  onclosetag(name: string): void {
    switch (localName(name)) {
      case 't':
        this.inText = false;
        break;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        break;
      case 'si':
        // An empty item is an empty cell (as exceljs read it).
        if (this.inItem) this.strings.push(this.text === '' ? null : lines(this.text));
        this.inItem = false;
        break;
    }
  }
}

/** xl/styles.xml: the number format of each cell style (<cellXfs>), and the workbook's own formats. */
class CellStyles implements Partial<Handler> {
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inFormats = false;
  private inCellXfs = false;

  onopentag(name: string, a: Record<string, string>): void {
    switch (localName(name)) {
      case 'numFmts':
        this.inFormats = true;
        break;
      case 'numFmt':
        if (this.inFormats && a.numFmtId !== undefined) this.formats.set(parseInt(a.numFmtId, 10), a.formatCode ?? '');
        break;
      case 'cellXfs':
        this.inCellXfs = true;
        break;
      case 'xf':
        if (this.inCellXfs) this.xfFormats.push(parseInt(a.numFmtId ?? '0', 10) || 0);
        break;
    }
  }

  onclosetag(name: string): void {
    const local = localName(name);
    if (local === 'numFmts') this.inFormats = false;
    if (local === 'cellXfs') this.inCellXfs = false;
  }

  dateStyles(): boolean[] {
    return this.xfFormats.map((id) => {
      const code = this.formats.get(id);
      return code === undefined ? isBuiltInDateFormat(id) : isDateFormat(code);
    });
  }
}

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

// ---------------------------------------------------------------------------------------------------
// Sheets

async function readSheets(book: Workbook, slicer: Slicer, collectorFor: (index: number, sheetName: string | null) => SheetCollector | null): Promise<{ sheet: Sheet | null; firstWithContent: number | null }> {
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
    await parsePart(book.buf, entry, slicer, rows, async () => {
      for (const row of rows.take()) {
        if (slicer.due()) await slicer.pause();
        filler?.apply(row.row, row.cells);
        if (!collector.push(row.row, row.cells)) return false;
        if (collector.state === 'reading' && !filler) {
          const merges = await sheetMerges(book.buf, entry);
          const hit = merges.find((m) => m.r1 <= collector.headerRow && collector.headerRow <= m.r2);
          if (hit) throw new AppError('import.merged_header', `The header row has merged cells ${hit.ref}`, { params: { row: collector.headerRow, range: hit.ref } });
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

/** Where a cell's text goes. */
const Into = { Nothing: 0, Value: 1, Formula: 2, InlineText: 3 } as const;
/** Whose attributes are coming. */
const Opening = { Other: 0, Row: 1, Cell: 2 } as const;

/**
 * A worksheet's <sheetData> as rows of cells. Attributes are taken as they come (no object per element),
 * and a cell's value is made when the cell closes. A row's cells run up to its last cell with a value.
 */
class SheetRows implements Partial<Handler> {
  private queue: { row: number; cells: CellValue[] }[] = [];
  private inData = false;
  private inRow = false;
  private rowNumber = 0;
  private rowRef: string | null = null;
  private cells: CellValue[] = [];
  private nextColumn = 0;
  private opening: number = Opening.Other;

  private inCell = false;
  private ref: string | null = null;
  private type: string | null = null;
  private style: string | null = null;
  private hasValue = false;
  private value = '';
  private hasFormula = false;
  private formula = '';
  private hasInline = false;
  private inline = '';
  private phonetic = 0;
  private into: number = Into.Nothing;

  constructor(private readonly book: Workbook) {}

  /** The rows read since the last call. */
  take(): { row: number; cells: CellValue[] }[] {
    const rows = this.queue;
    this.queue = [];
    return rows;
  }

  onopentagname(name: string): void {
    this.opening = Opening.Other;
    switch (localName(name)) {
      case 'c':
        if (!this.inRow) return;
        this.inCell = true;
        this.opening = Opening.Cell;
        this.ref = this.type = this.style = null;
        this.hasValue = this.hasFormula = this.hasInline = false;
        this.value = this.formula = this.inline = '';
        this.phonetic = 0;
        return;
      case 'v':
        if (!this.inCell) return;
        this.hasValue = true;
        this.value = '';
        this.into = Into.Value;
        return;
      case 'f':
        if (!this.inCell) return;
        this.hasFormula = true;
        this.formula = '';
        this.into = Into.Formula;
        return;
      case 'is':
        if (!this.inCell) return;
        this.hasInline = true;
        this.inline = '';
        return;
      case 't':
        if (this.inCell && this.hasInline && this.phonetic === 0) this.into = Into.InlineText;
        return;
      case 'rPh':
        if (this.inCell) this.phonetic++;
        return;
      case 'row':
        if (!this.inData) return;
        this.inRow = true;
        this.opening = Opening.Row;
        this.rowRef = null;
        this.cells = [];
        this.nextColumn = 0;
        return;
      case 'sheetData':
        this.inData = true;
        return;
    }
  }

  onattribute(name: string, value: string): void {
    if (this.opening === Opening.Cell) {
      if (name === 'r') this.ref = value;
      else if (name === 't') this.type = value;
      else if (name === 's') this.style = value;
    } else if (this.opening === Opening.Row && name === 'r') {
      this.rowRef = value;
    }
  }

  ontext(data: string): void {
    switch (this.into) {
      case Into.Value:
        this.value += data;
        break;
      case Into.Formula:
        this.formula += data;
        break;
      case Into.InlineText:
        this.inline += data;
        break;
    }
  }

  onclosetag(name: string): void {
    switch (localName(name)) {
      case 'v':
      case 'f':
      case 't':
        this.into = Into.Nothing;
        return;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        return;
      case 'c':
        if (!this.inCell) return;
        this.inCell = false;
        this.into = Into.Nothing;
        this.endCell();
        return;
      case 'row':
        if (!this.inRow) return;
        this.inRow = false;
        this.endRow();
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  private endCell(): void {
    const column = this.ref === null ? -1 : refColumn(this.ref);
    const at = column >= 0 ? column : this.nextColumn;
    this.nextColumn = at + 1;
    const v = this.cellValue();
    if (v === null) return;
    const cells = this.cells;
    while (cells.length < at) cells.push(null);
    cells[at] = v;
  }

  private endRow(): void {
    const n = this.rowRef === null ? NaN : parseInt(this.rowRef, 10);
    this.rowNumber = n > 0 ? n : this.rowNumber + 1;
    this.queue.push({ row: this.rowNumber, cells: this.cells });
  }

  private cellValue(): CellValue {
    if (!this.hasFormula) return this.cached();
    const cached = this.hasValue || this.hasInline ? this.cached() : null;
    return cached === null ? { formula: this.formula } : cached;
  }

  /** The cell's value as the file holds it (for a formula, its last result). */
  private cached(): CellValue {
    const text = this.value;
    switch (this.type) {
      case 's': {
        if (!this.hasValue) return null;
        return this.book.strings[parseInt(text, 10)] ?? null;
      }
      case 'inlineStr':
        if (this.hasInline) return lines(this.inline);
        return this.hasValue ? lines(text) : null;
      case 'str':
        return this.hasValue ? lines(text) : null;
      case 'b':
        if (!this.hasValue || text === '') return null;
        return Number(text) !== 0 && text.trim() !== 'false';
      case 'e':
        return this.hasValue ? { error: text } : null;
      case 'd':
        if (!this.hasValue || text === '') return null;
        return /^\d{4}-\d\d-\d\d/.test(text) ? { date: text.slice(0, 10) } : text;
      default: {
        if (!this.hasValue) return null;
        const n = parseFloat(text);
        if (Number.isNaN(n)) return null;
        const style = this.style === null ? 0 : parseInt(this.style, 10);
        return this.book.dateStyles[style] ? serialDate(n, this.book.date1904) : n;
      }
    }
  }
}

/** "C5" → 2; -1 without column letters. */
function refColumn(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

// ---------------------------------------------------------------------------------------------------
// Merged cells

async function sheetMerges(buf: Buffer, entry: ZipEntry): Promise<MergeRange[]> {
  const part = await mergeCellsElement(buf, entry);
  if (!part) return [];
  const out: MergeRange[] = [];
  for (const m of part.matchAll(/<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\sref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    out.push({ c1: columnIndex(m[1]), r1: Number(m[2]), c2: columnIndex(m[3]), r2: Number(m[4]), ref: `${m[1]}${m[2]}:${m[3]}${m[4]}` });
  }
  return out;
}

const NAME = Buffer.from('mergeCells');
const LT = 0x3c;
const COLON = 0x3a;
const SLASH = 0x2f;
const PREFIX_MAX = 32;

/** Where "<mergeCells" or "<prefix:mergeCells" starts in the window, and its prefix. */
function findOpen(window: Buffer): { at: number; prefix: string } | null {
  for (let i = window.indexOf(NAME); i >= 1; i = window.indexOf(NAME, i + 1)) {
    if (window[i - 1] === LT) return { at: i - 1, prefix: '' };
    if (window[i - 1] !== COLON) continue;
    let j = i - 2;
    while (j > 0 && j > i - PREFIX_MAX && window[j] !== LT && window[j] !== SLASH && window[j] > 0x20) j--;
    if (window[j] === LT) return { at: j, prefix: window.toString('latin1', j + 1, i) };
  }
  return null;
}

/**
 * The sheet's <mergeCells> element (it follows <sheetData>, at the end), found while the sheet is
 * inflated piece by piece: a 100,000-row sheet is never held whole (65 MB of XML), and no step takes long.
 */
async function mergeCellsElement(buf: Buffer, entry: ZipEntry): Promise<string | null> {
  const keep = NAME.length + PREFIX_MAX;
  let carry = Buffer.alloc(0);
  let found: Buffer[] | null = null;
  let close: Buffer | null = null;
  for await (const chunk of entryChunks(buf, entry)) {
    if (found) {
      found.push(chunk);
    } else {
      const window = Buffer.concat([carry, chunk]);
      const open = findOpen(window);
      if (!open) {
        carry = window.subarray(Math.max(0, window.length - keep));
        continue;
      }
      found = [window.subarray(open.at)];
      close = Buffer.from(`</${open.prefix}mergeCells>`);
    }
    const text = Buffer.concat(found);
    const end = text.indexOf(close!);
    if (end >= 0) return text.toString('utf8', 0, end + close!.length);
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
