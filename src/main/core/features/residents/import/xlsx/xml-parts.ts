/**
 * Reading one part of the workbook (an XML file in the ZIP) as a stream of XML events: htmlparser2 in
 * XML mode, fed the part piece by piece as zip.ts inflates it, yielding to the event loop between pieces.
 * Also the small helpers every part's handler uses: element names without their namespace prefix, and
 * text with its line ends made \n.
 */
import { StringDecoder } from 'node:string_decoder';
import { Parser, type Handler } from 'htmlparser2';
import type { Slicer } from '../slices';
import { entryChunks, type ZipEntry } from './zip';

/** Element names without their namespace prefix (some writers emit <x:row>, <x:c>). */
export function localName(name: string): string {
  if (name.length < 3) return name; // c, v, f, t, is: the names a sheet is made of
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** XML ends lines with \n (a file may hold \r\n or \r). */
export function lines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

/**
 * Feeds one part to an XML parser piece by piece, decoding UTF-8 across the pieces' edges. After each
 * piece `afterPiece` runs (the sheet hands its rows on there); false stops reading the part.
 */
export async function parsePart(buf: Buffer, entry: ZipEntry, slicer: Slicer, handler: Partial<Handler>, afterPiece?: () => boolean | Promise<boolean>): Promise<void> {
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
