import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * Just enough of the ZIP format to read an XLSX: the entry names (is this a workbook at all?) and one
 * entry's bytes, piece by piece (xml-parts.ts parses each part as it is inflated). Inflating runs on
 * libuv's thread pool, and each piece is small, so a large sheet does not hold up the thread that reads it.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const PIECE = 64 * 1024;
const MARK = 0xffffffff;

export function zipEntries(buf: Buffer): ZipEntry[] | null {
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const entry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    if (!zip64Sizes(buf, p, p + 46 + nameLength, extraLength, entry)) return null;
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Some writers mark an entry's sizes or offset as 0xFFFFFFFF and give them in a ZIP64 extra field (id 1),
 * whose 8-byte values stand in the order uncompressed size, compressed size, local header offset, each
 * only if its central-directory field is marked.
 */
function zip64Sizes(buf: Buffer, header: number, extra: number, extraLength: number, entry: ZipEntry): boolean {
  const marked = [buf.readUInt32LE(header + 24) === MARK, entry.compressedSize === MARK, entry.localHeaderOffset === MARK];
  if (!marked.some(Boolean)) return true;
  for (let q = extra; q + 4 <= extra + extraLength; ) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 1) {
      let at = q + 4;
      const next = () => {
        if (at + 8 > q + 4 + size) return -1;
        const v = Number(buf.readBigUInt64LE(at));
        at += 8;
        return v;
      };
      if (marked[0] && next() < 0) return false;
      if (marked[1] && (entry.compressedSize = next()) < 0) return false;
      if (marked[2] && (entry.localHeaderOffset = next()) < 0) return false;
      return true;
    }
    q += 4 + size;
  }
  return false;
}

/** One entry's bytes, inflated, in pieces of at most 64 KiB. */
export async function* entryChunks(buf: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const p = entry.localHeaderOffset;
  if (buf.readUInt32LE(p) !== LOCAL) throw new Error(`Bad local header for ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += PIECE) yield data.subarray(i, i + PIECE);
    return;
  }
  if (entry.method !== 8) throw new Error(`Unsupported compression ${entry.method} for ${entry.name}`);
  const inflater = Readable.from([data]).pipe(createInflateRaw({ chunkSize: PIECE }));
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } finally {
    inflater.destroy();
  }
}
