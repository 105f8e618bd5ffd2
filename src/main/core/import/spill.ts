import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';

/**
 * A previewed import's batches, kept on disk between its preview and its commit or error report instead
 * of in the serving process's memory (issue 10: some 180 MB for 100,000 rows, for up to an hour). The
 * preview process writes them as it plans; the commit process reads them back itself; the serving
 * process keeps only this file's reference.
 *
 * The rows hold what the clerk's file held (full ID numbers, phones), so each record is sealed with
 * AES-256-GCM under a key made for this one file and kept only in memory: a file left behind by a crash
 * cannot be read, and a changed byte is refused instead of imported. The file is its owner's only.
 */
export interface SpillRef {
  file: string;
  /** The file's own key (32 bytes), never written anywhere. */
  key: Uint8Array;
  /** Each batch record, in file order, with the rows it holds (first: index among the file's data rows). */
  batches: SpillExtent[];
  /** A last record for the whole import (what the commit needs beside the batches), or null. */
  tail: SpillExtent | null;
}

export interface SpillExtent {
  offset: number;
  length: number;
  first: number;
  count: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'linli-import-';

/** Writes records to a new spill file, one at a time, synchronously (a record is a megabyte or so). */
export class SpillWriter {
  private readonly key = crypto.randomBytes(32);
  private readonly fd: number;
  private offset = 0;
  private readonly batches: SpillExtent[] = [];
  private closed = false;
  readonly file: string;

  constructor(folder = os.tmpdir()) {
    sweepStaleSpills(folder);
    const dir = fs.mkdtempSync(path.join(folder, PREFIX));
    this.file = path.join(dir, 'batches.bin');
    this.fd = fs.openSync(this.file, 'wx', 0o600);
  }

  /** Appends one batch (any structured-cloneable value) holding rows first … first + count - 1. */
  append(value: unknown, rows: { first: number; count: number }): void {
    this.batches.push({ ...this.write(value), ...rows });
  }

  /** Writes the tail record and closes the file: its reference, for whoever reads it back. */
  finish(tail?: unknown): SpillRef {
    const extent = tail === undefined ? null : { ...this.write(tail), first: 0, count: 0 };
    this.close();
    return { file: this.file, key: new Uint8Array(this.key), batches: this.batches, tail: extent };
  }

  /** Closes and deletes the file (a preview that failed or was given up). */
  discard(): void {
    this.close();
    removeSpill({ file: this.file });
  }

  private write(value: unknown): { offset: number; length: number } {
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    // Written as its parts (iv, tag, ciphertext), not first joined into one more copy of a megabyte.
    const body = cipher.update(v8.serialize(value));
    const last = cipher.final();
    const parts = [iv, cipher.getAuthTag(), body, last];
    const length = parts.reduce((n, p) => n + p.length, 0);
    let written = 0;
    while (written < length) written += fs.writevSync(this.fd, unwritten(parts, written), this.offset + written);
    const at = { offset: this.offset, length };
    this.offset += length;
    return at;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** What is left of `parts` after their first `skip` bytes (a short write is taken up where it stopped). */
function unwritten(parts: Buffer[], skip: number): Buffer[] {
  const rest: Buffer[] = [];
  for (const p of parts) {
    if (skip >= p.length) skip -= p.length;
    else {
      rest.push(skip ? p.subarray(skip) : p);
      skip = 0;
    }
  }
  return rest;
}

/** One record read back and opened; throws when the file was changed or cut. */
export function readSpillRecord<T>(ref: Pick<SpillRef, 'file' | 'key'>, extent: Pick<SpillExtent, 'offset' | 'length'>, fd?: number): T {
  const own = fd ?? fs.openSync(ref.file, 'r');
  try {
    const sealed = Buffer.alloc(extent.length);
    if (fs.readSync(own, sealed, 0, extent.length, extent.offset) !== extent.length) throw new Error('import: the kept batches were cut short');
    const decipher = crypto.createDecipheriv('aes-256-gcm', ref.key, sealed.subarray(0, IV_BYTES));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return v8.deserialize(Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])) as T;
  } finally {
    if (fd === undefined) fs.closeSync(own);
  }
}

/** The batch records in order (or those `which` keeps), each read when the caller asks for it. */
export function* readSpillBatches<T>(ref: SpillRef, which: (extent: SpillExtent) => boolean = () => true): Generator<T> {
  const wanted = ref.batches.filter(which);
  // Opened only when a record is wanted: a file let go once nothing in it was needed is never asked for.
  if (!wanted.length) return;
  const fd = fs.openSync(ref.file, 'r');
  try {
    for (const extent of wanted) yield readSpillRecord<T>(ref, extent, fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The tail record, or undefined where there is none. */
export function readSpillTail<T>(ref: SpillRef): T | undefined {
  return ref.tail ? readSpillRecord<T>(ref, ref.tail) : undefined;
}

/** Deletes the spill file and its folder; a file already gone is fine, and one that cannot go now is left for the sweep. */
export function removeSpill(ref: Pick<SpillRef, 'file'>): void {
  if (!path.basename(path.dirname(ref.file)).startsWith(PREFIX)) return;
  try {
    fs.rmSync(path.dirname(ref.file), { recursive: true, force: true });
  } catch {
    // Still open elsewhere (Windows): swept later.
  }
}

/** A spill folder untouched for this long belongs to no preview (they are kept for an hour): a process that ended without removing it. */
const STALE_MS = 2 * 60 * 60 * 1000;

/** Removes spill folders left behind by a process that was killed: unreadable without their key, but disk all the same. */
export function sweepStaleSpills(folder: string, now = Date.now()): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => n.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(folder, name);
    try {
      if (now - fs.statSync(dir).mtimeMs > STALE_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}
