/**
 * The workbook's parts other than its sheets: xl/workbook.xml (the sheets in order, date1904), its
 * relationships (xl/_rels/workbook.xml.rels: where each sheet, the shared strings and the styles are),
 * the shared strings (xl/sharedStrings.xml) and the cell styles (xl/styles.xml: which styles are dates).
 * readWorkbook gathers them into a Workbook the sheets are read with.
 */
import type { Handler } from 'htmlparser2';
import type { Slicer } from '../slices';
import { isBuiltInDateFormat, isDateFormat } from './date-formats';
import { appendText, lines, localName, MAX_SHARED_CHARS, parsePart } from './xml-parts';
import { AppError } from '../../../../shared/errors';
import type { ZipEntry } from './zip';

export interface Workbook {
  /** In the workbook's order, each with its part's path (through xl/_rels/workbook.xml.rels). */
  sheets: { name: string | null; path: string }[];
  entry(path: string): ZipEntry | undefined;
  date1904: boolean;
  strings: (string | null)[];
  /** By cell style index (a cell's `s`): does its number format show a date or a time? */
  dateStyles: boolean[];
}

export async function readWorkbook(entries: ZipEntry[], slicer: Slicer): Promise<Workbook> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const entry = (path: string) => byName.get(path) ?? byLowerName.get(path.toLowerCase());

  const rels = new Map<string, { type: string; path: string }>();
  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  if (relsEntry) {
    await parsePart(relsEntry, 'other', slicer, {
      onopentag(name, a) {
        if (localName(name) !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
        rels.set(a.Id, { type: a.Type ?? '', path: partPath('xl/', a.Target) });
      },
    });
  }
  const relPath = (typeSuffix: string) => [...rels.values()].find((r) => r.type.endsWith(typeSuffix))?.path;

  let date1904 = false;
  const sheets: Workbook['sheets'] = [];
  await parsePart(entry('xl/workbook.xml')!, 'other', slicer, {
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
  if (stringsEntry) await parsePart(stringsEntry, 'sharedStrings', slicer, strings);

  const stylesEntry = entry(relPath('/styles') ?? 'xl/styles.xml');
  const styles = new CellStyles();
  if (stylesEntry) await parsePart(stylesEntry, 'other', slicer, styles);

  return { sheets, entry, date1904, strings: strings.strings, dateStyles: styles.dateStyles() };
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

/** xl/sharedStrings.xml: each <si> as its text; rich text runs joined, phonetic runs (<rPh>) left out. */
class SharedStrings implements Partial<Handler> {
  readonly strings: (string | null)[] = [];
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private text = '';
  private total = 0;

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
    if (this.inText) this.text = appendText(this.text, data, 'sharedStrings');
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
        if (this.inItem) {
          this.total += this.text.length;
          if (this.total > MAX_SHARED_CHARS)
            throw new AppError('import.too_large', 'The shared strings table is too large', {
              params: { part: 'sharedStrings', max: MAX_SHARED_CHARS / 1024 / 1024 },
            });
          this.strings.push(this.text === '' ? null : lines(this.text));
        }
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
