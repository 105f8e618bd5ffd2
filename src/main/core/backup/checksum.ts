import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Hex SHA-256 of a file, read in chunks (a district's file is a gigabyte). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function sha256FileSync(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** `linli-….sqlite.sha256` beside the copy, in `sha256sum`'s format, so it can be checked without Linli. */
export function sidecarOf(file: string): string {
  return `${file}.sha256`;
}

export function writeSidecar(file: string, sha256: string): void {
  fs.writeFileSync(sidecarOf(file), `${sha256}  ${path.basename(file)}\n`, { mode: 0o600 });
}

export function readSidecar(file: string): string | null {
  try {
    const m = /^([0-9a-f]{64})\b/.exec(fs.readFileSync(sidecarOf(file), 'utf8'));
    return m ? m[1] : null;
  } catch {
    return null;
  }
}
