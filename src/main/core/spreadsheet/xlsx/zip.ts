import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '../../../../shared/errors';

/**
 * The ZIP an XLSX is, read with yauzl (a maintained reader: ZIP64, damaged directories, names): the entry
 * names (is this a workbook at all?) and one entry's bytes, inflated piece by piece (xml-parts.ts parses
 * each part as it comes). Inflating runs on libuv's thread pool in 64 KiB pieces, so a large sheet does not
 * hold up the thread that reads it.
 *
 * A ZIP can hold a part that inflates to far more than the file (a "zip bomb": a few hundred KiB of
 * sharedStrings.xml becoming one 1.2 GB string). Every part has a cap on its inflated size, checked on
 * the size the directory declares before anything is inflated and on the bytes as they come (a directory
 * may lie); over it the file is refused as too large or damaged (import.too_large), never read on until
 * memory runs out.
 */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** The raw (still compressed) bytes, and how to inflate them. */
  open(): Promise<NodeJS.ReadableStream>;
  method: number;
}

const PIECE = 64 * 1024;
const MiB = 1024 * 1024;

/**
 * Inflated size caps by part. A sheet of 200,000 rows (MAX_ROWS) of 30 inline-text cells stays well under
 * 1 GiB; a shared-strings table of as many distinct texts under 256 MiB; the workbook, its relationships
 * and styles are a few KiB in any file people make.
 */
export const PART_CAPS = { sheet: 1024 * MiB, sharedStrings: 256 * MiB, other: 32 * MiB } as const;
export type PartKind = keyof typeof PART_CAPS;

/** The entries of a ZIP, or null when the bytes are not a ZIP that can be read. */
export async function zipEntries(buf: Buffer): Promise<ZipEntry[] | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    return null;
  }
  const entries: ZipEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({
          name: e.fileName,
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          method: e.compressionMethod,
          open: () => zip.openReadStreamPromise(e, { decodeFileData: false }),
        });
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch {
    return null;
  }
  return entries;
}

function tooLarge(entry: ZipEntry, cap: number): AppError {
  return new AppError('import.too_large', `${entry.name} inflates to more than ${cap} bytes`, { params: { part: entry.name, max: Math.round(cap / MiB) } });
}

/** One entry's bytes, inflated, in pieces of at most 64 KiB; more than `cap` bytes is refused. */
export async function* entryChunks(entry: ZipEntry, cap: number = PART_CAPS.other): AsyncGenerator<Buffer> {
  if (entry.uncompressedSize > cap) throw tooLarge(entry, cap);
  if (entry.method !== 0 && entry.method !== 8) throw new AppError('import.not_spreadsheet', `Unsupported compression ${entry.method} for ${entry.name}`);
  let raw: NodeJS.ReadableStream;
  try {
    raw = await entry.open();
  } catch (err) {
    throw damaged(entry, err);
  }
  const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: PIECE }));
  let total = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      total += chunk.length;
      // The directory may understate the size: count what actually comes out.
      if (total > cap) throw tooLarge(entry, cap);
      if (entry.method === 0) {
        for (let i = 0; i < chunk.length; i += PIECE) yield chunk.subarray(i, i + PIECE);
      } else yield chunk;
    }
  } catch (err) {
    throw damaged(entry, err);
  } finally {
    (source as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    (raw as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}

/** A part that cannot be inflated (bad data, a truncated file) is a damaged workbook, said in words. */
function damaged(entry: ZipEntry, err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('import.damaged', `${entry.name} cannot be read: ${(err as Error).message}`, { params: { part: entry.name } });
}
