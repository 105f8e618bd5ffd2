import { AppError } from '../../../shared/errors';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { HeaderTest, Sheet, SheetSink } from './sheet';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/**
 * Reads an uploaded file by what it is, not by its name: an XLSX (a ZIP holding a workbook), a CSV or
 * tab-separated text, or a clear refusal. An OLE compound file is either a password-protected workbook
 * (Excel encrypts OOXML into an "EncryptedPackage" stream) or a legacy .xls; both are refused with a
 * message that says what to do. With a sink, the rows go to it as they are read (see SheetSink).
 */
export async function readSpreadsheet(bytes: Buffer, isHeader: HeaderTest, sink?: SheetSink): Promise<Sheet> {
  if (bytes.length === 0) throw new AppError('import.empty', 'The file is empty');
  if (startsWith(bytes, CFB)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw new AppError('import.encrypted', 'The workbook is password-protected');
    throw new AppError('import.legacy_xls', 'An Excel 97-2003 (.xls) file');
  }
  if (startsWith(bytes, ZIP)) return readXlsx(bytes, isHeader, sink);
  if (looksBinary(bytes)) throw new AppError('import.not_spreadsheet', 'The file is neither XLSX nor CSV');
  return readCsv(bytes, isHeader, sink);
}

/** NUL bytes (outside UTF-16 text) or a known binary signature: not text. */
function looksBinary(buf: Uint8Array): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return false;
  const head = Buffer.from(buf.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-' || head.startsWith('\x89PNG') || head.startsWith('\xff\xd8\xff') || head.startsWith('GIF8') || head.startsWith('{\\rtf')) return true;
  const n = Math.min(buf.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return controls > n / 100;
}
