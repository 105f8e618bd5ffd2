import { sql, type RawBuilder } from 'kysely';
import { AppError, ErrorCodes } from '../../../shared/errors';

/**
 * Keyset paging for every list: a page ends at its last row's position, and the next page starts after it,
 * so a deep page costs what the first does (no OFFSET). The helpers here make and read that position.
 *
 * A keyset position: the last row's sort key, a second key where the order has one (a name, after its
 * pinyin), and the tie-breaker: the row's rowid where the order is an index (every SQLite index entry ends
 * in it, migration 0008), else a record's id. Opaque to the renderer (base64url JSON).
 */
export interface Keyset {
  k: string | null;
  n?: string;
  i: string | number;
}

export function encodeCursor(sort: string, key: Keyset): string {
  return Buffer.from(JSON.stringify(key.n === undefined ? { s: sort, k: key.k, i: key.i } : { s: sort, k: key.k, n: key.n, i: key.i }), 'utf8').toString(
    'base64url',
  );
}

/**
 * Reads a cursor made for the same sort (with the second key when `withSecond`); anything else is refused
 * rather than silently restarting, with `badCursor` as the cursor field's error code (an area may name its own).
 */
export function decodeCursor(raw: string | null, sort: string, withSecond = false, badCursor = 'contract.bad_cursor'): Keyset | null {
  if (raw === null) return null;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { s?: unknown; k?: unknown; n?: unknown; i?: unknown };
    if (v.s === sort && (typeof v.i === 'string' || Number.isSafeInteger(v.i)) && (v.k === null || typeof v.k === 'string')) {
      const i = v.i as string | number;
      if (!withSecond && v.n === undefined) return { k: v.k, i };
      if (withSecond && typeof v.n === 'string' && typeof v.k === 'string') return { k: v.k, n: v.n, i };
    }
  } catch {
    // fall through
  }
  throw new AppError(ErrorCodes.invalidInput, 'The page cursor is not valid', { fields: { cursor: badCursor } });
}

/**
 * SQLite's BINARY collation compares UTF-8 bytes, which is code point order; JavaScript's < compares UTF-16
 * units. The two differ only between surrogates (U+D800–DFFF, characters beyond U+FFFF) and U+E000–FFFF,
 * so those units are shifted into code point order before comparing. No allocation: it runs in sorts.
 * With `from`, the two texts are compared from that unit on, as their slices would be (without making them).
 */
export function compareText(a: string, b: string, from = 0): number {
  const n = Math.min(a.length, b.length);
  for (let i = from; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return Math.max(0, a.length - from) - Math.max(0, b.length - from);
}

/** (key, second key, tie) order with NULL keys first, as SQLite sorts them ascending (rowids as numbers). */
export function compareKeyset(a: Keyset, b: Keyset): number {
  if (a.k !== b.k) {
    if (a.k === null) return -1;
    if (b.k === null) return 1;
    const c = compareText(a.k, b.k);
    if (c !== 0) return c;
  }
  if (a.n !== b.n) {
    const c = compareText(a.n ?? '', b.n ?? '');
    if (c !== 0) return c;
  }
  return compareTie(a.i, b.i);
}

/** Two tie-breakers of the same kind: rowids compared as numbers, ids as text. */
export function compareTie(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** The upper bound of a prefix range: `col >= p AND col < p || MAX`. */
export const PREFIX_END = '\u{10FFFF}';

/**
 * `col IN (…)` for any number of ids as one bound parameter: a JSON array read by json_each, so a page or
 * a list of thousands is one statement, and SQLite probes the column's index once per id.
 */
export function inList<T extends string | number>(ids: Iterable<T>): RawBuilder<T> {
  return inJsonList<T>(JSON.stringify([...new Set(ids)]));
}

/** The same for ids already written as a JSON array (jsonList): a query shape's value (query-shape.ts). */
export function inJsonList<T extends string | number>(json: string): RawBuilder<T> {
  return sql<T>`(SELECT value FROM json_each(${json}))`;
}

/** Ids as the JSON array inJsonList reads (a repeated id costs nothing: IN reads it as a set). */
export function jsonList(ids: Iterable<string | number>): string {
  return JSON.stringify(Array.isArray(ids) ? ids : [...ids]);
}
