import { describe, expect, it } from 'vitest';
import { keyOf, mergePage, type SortKeys } from '../../../src/main/core/features/residents/people/list';
import { compareKeyset } from '../../../src/main/core/db/keyset';

/**
 * mergePage takes each part as already in the page's order (one archived value's ranges, read in scan
 * order) and merges the parts head by head instead of sorting them. Its page must be exactly the first
 * `limit` rows of all parts sorted, with `more` when any row is left over: checked here against a sort, on
 * parts with NULL birth dates, equal keys (the tie decides), characters beyond U+FFFF and a link's text ids.
 */

const names = ['', 'a', 'ai', 'an', 'zhang', 'zhao', '𠀀', '\uE000', 'zhang'];
const dates = [null, '1940-01-01', '1960-05-05', '1960-05-05', '2001-12-31'];

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((s / 2 ** 31) * n);
  };
}

function rowsOf(pick: (n: number) => number, count: number, tie: 'rowid' | 'id', offset: number): SortKeys[] {
  return Array.from({ length: count }, (_, i) => {
    const name = names[pick(names.length)];
    return {
      id: `r-${offset + i}`,
      name,
      name_pinyin: name,
      birth_date: dates[pick(dates.length)],
      ...(tie === 'rowid' ? { row_no: offset + i } : {}),
    };
  });
}

describe('mergePage', () => {
  it('is the first rows of every part sorted, for one part or two, both orders, with or without more', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const pick = random(seed);
      const sort = pick(2) ? 'name' : 'birthDate';
      const direction = pick(2) ? 'asc' : 'desc';
      const sign = direction === 'asc' ? 1 : -1;
      const tie = pick(2) ? 'rowid' : 'id';
      const limit = 1 + pick(8);
      const byKey = (a: SortKeys, b: SortKeys) => sign * compareKeyset(keyOf(a, sort), keyOf(b, sort));
      // Each part as the ranges give it: sorted, at most limit + 1 rows.
      const parts = Array.from({ length: 1 + pick(2) }, (_, p) => rowsOf(pick, pick(limit + 2), tie, p * 1000).sort(byKey));
      const want = parts.flat().sort(byKey);
      const got = mergePage(parts, sort, direction, limit);
      const what = JSON.stringify({ seed, sort, direction, tie, limit });
      expect(
        got.rows.map((r) => r.id),
        what,
      ).toEqual(want.slice(0, limit).map((r) => r.id));
      expect(got.more, what).toBe(want.length > limit);
    }
  });

  it('gives no rows and no more for empty parts', () => {
    expect(mergePage([[]], 'name', 'asc', 5)).toEqual({ rows: [], more: false });
    expect(mergePage([[], []], 'birthDate', 'desc', 5)).toEqual({ rows: [], more: false });
  });
});
