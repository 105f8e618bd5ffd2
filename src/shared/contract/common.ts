import { z } from 'zod';

// Value schemas every area's contract uses: calendar dates, ids, keyset cursors and page sizes.

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'contract.date_format');
export const optionalDate = isoDate.nullable().default(null);
export const id = z.string().min(1).max(64);
/** Opaque keyset cursor returned by a list; pass it back for the next page. */
export const cursor = z.string().max(500).nullable().default(null);
export const pageLimit = z.number().int().min(1).max(200).default(50);

/** One page of a keyset-paged list. */
export interface Page<T> {
  rows: T[];
  nextCursor: string | null;
}
