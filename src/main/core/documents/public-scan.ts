import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/errors';
import { idCheckChar, isValidProvinceCode } from '../../../shared/values/id-number';
import { maskIdNumber, maskPhone } from '../../../shared/values/mask';
import { toHalfWidth } from '../../../shared/values/normalize';

// A public output (公示 on the notice board, a website page) must carry no ID number, phone or address. The
// check reads the rendered file back, not the model: whatever an author put in a cell, a caption or a QR
// caption is found where it ended up. Masked values (110105********002X, 138****5678) do not match.

export type FindingKind = 'idNumber' | 'phone' | 'address';
export interface Finding {
  kind: FindingKind;
  /** The value masked, so that the error itself does not repeat what it refuses. */
  masked: string;
}

const SEP = '[ \\u00a0-]?';
/**
 * 18 characters, together or grouped as printed (110105 19491231 002X): only the usual groupings, so that a
 * row of small numbers in a table is not read as one.
 */
const ID18 = new RegExp(`(?<![0-9A-Za-z])(\\d{6}${SEP}\\d{8}${SEP}\\d{3}[\\dXx])(?![0-9A-Za-z])`, 'g');
const ID15 = /(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])/g;
/** Mainland mobiles: 1[3-9] and nine more digits, also written 138 1234 5678 or +86-138-1234-5678. */
const PHONE = new RegExp(`(?<![0-9])(?:\\+?86${SEP})?(1[3-9]\\d${SEP}\\d{4}${SEP}\\d{4})(?![0-9])`, 'g');
const NUM = '[0-9一二三四五六七八九十]+';
/**
 * A household's address: a building with a room (3栋2单元301室, 3号楼301, 5幢1单元502), a unit with a room
 * (2单元301), a room alone (301室) or the 3-2-301 shorthand. A building alone (3栋加装电梯) is not a person's home.
 */
const ADDRESS = new RegExp(
  [
    `${NUM}\\s*(?:栋|幢|号楼|座)\\s*(?:${NUM}\\s*单元\\s*)?\\d{2,4}\\s*(?:室|号|房)?`,
    `${NUM}\\s*单元\\s*\\d{2,4}`,
    `(?<![0-9])\\d{3,4}\\s*室`,
    `(?<![0-9-])\\d{1,3}-\\d{1,2}-\\d{3,4}(?![0-9-])`,
  ].join('|'),
  'g',
);

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return y >= 1800 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

function is18(id: string): boolean {
  return isValidProvinceCode(id.slice(0, 2)) && validDate(id.slice(6, 14)) && idCheckChar(id.slice(0, 17)) === id[17].toUpperCase();
}

/** A 15-digit (pre-1999) number has no check digit: a province and a real 19YYMMDD birth date make one. */
function is15(id: string): boolean {
  return isValidProvinceCode(id.slice(0, 2)) && validDate(`19${id.slice(6, 12)}`);
}

export function findPersonalData(rawText: string): Finding[] {
  const text = toHalfWidth(rawText);
  const found: Finding[] = [];
  // Where an ID number was found, its digits are not read again as a phone (19491231 002 looks like one).
  const taken: [number, number][] = [];
  const inId = (m: RegExpMatchArray) => taken.some(([a, b]) => m.index! < b && m.index! + m[0].length > a);
  for (const m of text.matchAll(ID18)) {
    const id = m[1].replace(/[^\dXx]/g, '');
    if (!is18(id)) continue;
    found.push({ kind: 'idNumber', masked: maskIdNumber(id.toUpperCase()) });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(ID15)) {
    if (!is15(m[1])) continue;
    found.push({ kind: 'idNumber', masked: `${m[1].slice(0, 6)}******${m[1].slice(12)}` });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(PHONE)) if (!inId(m)) found.push({ kind: 'phone', masked: maskPhone(m[1].replace(/\D/g, '')) });
  for (const m of text.matchAll(ADDRESS)) if (!inId(m)) found.push({ kind: 'address', masked: m[0].replace(/\d/g, '*') });
  return found;
}

/** Refuses a public output that holds personal data, naming the first kind found (masked). */
export function assertNoPersonalData(text: string, what: string): void {
  const found = findPersonalData(text);
  if (found.length === 0) return;
  const first = found[0];
  throw new AppError('reports.public_personal_data', `${what} is public and contains ${found.length} personal value(s), first a ${first.kind}`, {
    params: { kind: first.kind, value: first.masked, count: found.length },
  });
}

// ---- reading the rendered file back as text ----

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** Text of HTML or of an Office XML part: block ends become line breaks, the runs of one paragraph join up. */
export function markupText(markup: string): string {
  return decodeEntities(
    markup
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/(p|div|tr|h\d|li|w:p|si|c|row|td|th|caption)>|<br\s*\/?>|<w:(br|tab)\b[^>]*\/>/gi, '\n')
      .replace(/<\/(td|th|w:tc)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** The XML parts of an Office file (DOCX, XLSX), concatenated as text. */
function officeText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('not a zip'));
      const parts: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.xml$/i.test(entry.fileName) || /^(\[Content_Types\]|_rels\/|docProps\/)|\/_rels\/|styles\.xml$|theme/i.test(entry.fileName)) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            parts.push(markupText(Buffer.concat(chunks).toString('utf8')));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(parts.join('\n')));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function pdftotext(bytes: Uint8Array, o: { range?: [number, number]; drawingOrder?: boolean }): Promise<string | null> {
  const args = ['-enc', 'UTF-8', ...(o.drawingOrder ? ['-raw'] : []), ...(o.range ? ['-f', String(o.range[0]), '-l', String(o.range[1])] : []), '-', '-'];
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (err, stdout) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') resolve(null);
      else if (err) reject(err);
      else resolve(stdout);
    });
    child.stdin?.on('error', () => undefined); // a missing binary closes stdin; the callback reports it
    child.stdin?.end(Buffer.from(bytes));
  });
}

/** Pages read by one pdftotext: a longer PDF (its page count known) is read in ranges, one per core, at once. */
const PAGES_PER_READER = 400;

/**
 * pdftotext (poppler) reads the PDF as printed. Where it is not installed (a Windows desk) this is null and the
 * caller scans the text the PDF was made from. `drawingOrder`: the text as drawn (-raw, about 40% less work than
 * laying it out again), for the direct writer's PDFs, which draw each cell's lines in reading order with at least
 * its padding (3 mm) before the next cell, read as a space. Chromium's PDFs are laid out again: read raw, one of
 * the public-scan tests' three values was lost.
 */
export async function pdfText(bytes: Uint8Array, o: { pages?: number; drawingOrder?: boolean } = {}): Promise<string | null> {
  const readers = o.pages ? Math.min(availableParallelism(), Math.ceil(o.pages / PAGES_PER_READER)) : 1;
  if (!o.pages || readers < 2) return pdftotext(bytes, o);
  const per = Math.ceil(o.pages / readers);
  const parts = await Promise.all(
    Array.from({ length: readers }, (_, i) => pdftotext(bytes, { range: [i * per + 1, Math.min(o.pages!, (i + 1) * per)], drawingOrder: o.drawingOrder })),
  );
  return parts.some((t) => t === null) ? null : parts.join('');
}

export type ScannedFormat = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html';

/** The text a PDF was made from: the printed page's, or the document's for the direct writer. */
export interface SourceText {
  text: string;
  /** Already checked by the caller (while the PDF was being written). */
  checked?: boolean;
  /** The PDF's pages, when known: a long PDF is then read back on every core. */
  pages?: number;
  /**
   * Drawn in reading order, cell by cell with padding between (the direct writer's): read back in drawing order.
   */
  drawnInReadingOrder?: boolean;
}

/**
 * Scans a rendered public file and refuses it if it holds personal data. A PDF's `source` text is checked too:
 * a value wrapped inside a narrow cell is whole there, and where pdftotext is missing it is all there is.
 */
export async function scanPublicOutput(format: ScannedFormat, bytes: Uint8Array, what: string, source?: SourceText): Promise<void> {
  switch (format) {
    case 'pdf': {
      // pdftotext starts reading while the source text is checked here.
      const reading = pdfText(bytes, { pages: source?.pages, drawingOrder: source?.drawnInReadingOrder });
      try {
        if (source && !source.checked) assertNoPersonalData(source.text, what);
      } catch (err) {
        reading.catch(() => undefined);
        throw err;
      }
      const text = await reading;
      if (text === null && source === undefined) throw new Error('pdftotext is not installed: a public PDF cannot be checked');
      if (text !== null) assertNoPersonalData(text, what);
      return;
    }
    case 'docx':
    case 'xlsx':
      return assertNoPersonalData(await officeText(bytes), what);
    case 'csv':
      return assertNoPersonalData(new TextDecoder().decode(bytes), what);
    case 'html':
      return assertNoPersonalData(markupText(new TextDecoder().decode(bytes)), what);
  }
}
