/**
 * Reading one part of the workbook (an XML file in the ZIP) as a stream of XML events: htmlparser2 in
 * XML mode, fed the part piece by piece as zip.ts inflates it, yielding to the event loop between pieces.
 * Also the small helpers every part's handler uses: element names without their namespace prefix, and
 * text with its line ends made \n.
 */
import { StringDecoder } from 'node:string_decoder';
import { Parser, type Handler } from 'htmlparser2';
import { AppError } from '../../../../shared/errors';
import type { Slicer } from '../slices';
import { entryChunks, PART_CAPS, type PartKind, type ZipEntry } from './zip';

/** Element names without their namespace prefix (some writers emit <x:row>, <x:c>). */
export function localName(name: string): string {
  if (name.length < 3) return name; // c, v, f, t, is: the names a sheet is made of
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * A cell's text longer than this is not a register's (Excel stops at 32,767 characters): the file is
 * refused as too large or damaged instead of one string growing until memory runs out.
 */
export const MAX_TEXT_CHARS = 1_000_000;
/** …and a shared-strings table longer than this in all (a 200,000-row register holds a few tens of millions). */
export const MAX_SHARED_CHARS = 128 * 1024 * 1024;

/** `text` + `more`, refused once a single cell's text passes MAX_TEXT_CHARS. */
export function appendText(text: string, more: string, part: string): string {
  if (text.length + more.length > MAX_TEXT_CHARS)
    throw new AppError('import.too_large', `A text in ${part} is longer than ${MAX_TEXT_CHARS} characters`, { params: { part, max: 1 } });
  return text + more;
}

/** XML ends lines with \n (a file may hold \r\n or \r). */
export function lines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * Feeds one part to an XML parser piece by piece, decoding UTF-8 across the pieces' edges, inflating at
 * most the cap of its kind (zip.ts). After each piece `afterPiece` runs (the sheet hands its rows on
 * there); false stops reading the part.
 */
export async function parsePart(
  entry: ZipEntry,
  kind: PartKind,
  slicer: Slicer,
  handler: Partial<Handler>,
  afterPiece?: () => boolean | Promise<boolean>,
): Promise<void> {
  const parser = new Parser(handler, { xmlMode: true, decodeEntities: true });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of entryChunks(entry, PART_CAPS[kind])) {
    parser.write(decoder.write(chunk));
    if (afterPiece && !(await afterPiece())) return;
    if (slicer.due()) await slicer.pause();
  }
  parser.write(decoder.end());
  parser.end();
  if (afterPiece) await afterPiece();
}
