import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { compiledPageQueries, pageQueries, pagesByTag, tagPageQueries, type ListFilter } from '../../../src/main/core/features/residents/people/list';
import type { Keyset } from '../../../src/main/core/db/keyset';

/**
 * The list handler runs its page queries compiled once per shape and filled with each call's values
 * (compiledPageQueries). Whatever the filters, sort, archive choice and cursor, that must be exactly the
 * query built for the call itself: the same SQL, the same parameters, never an earlier call's values.
 */

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(async () => {
  await hall.close();
});

const filters: Partial<ListFilter>[] = [
  {},
  { gridId: 'g1' },
  { buildingId: 'b1' },
  { status: '户籍' },
  { tagId: 't1' },
  { tagId: 't1', ageMin: 60, ageMax: 90 },
  { tagId: 't1', gridId: 'g1' },
  { ageMin: 60 },
  { ageMax: 17 },
  { ageMin: 18, ageMax: 59, gridId: 'g1' },
  { buildingId: 'b1', gridId: 'g1', status: '流动人口', tagId: 't1', ageMax: 17 },
  { status: '居住证', tagId: 't1' },
];
const cursors: (Keyset | null)[] = [
  null,
  { k: 'zhangsan', n: '张三', i: 7 },
  { k: '1980-01-01', i: 7 },
  { k: null, i: 7 },
  { k: '1980-01-01', i: 'resident-id' },
];

/** The same filter with other values everywhere (ids, status, ages, cursor, page size, day). */
function otherValues(f: ListFilter, after: Keyset | null): { f: ListFilter; after: Keyset | null } {
  const g = { ...f };
  if (g.gridId) g.gridId = 'g2';
  if (g.buildingId) g.buildingId = 'b2';
  if (g.tagId) g.tagId = 't2';
  if (g.status) g.status = g.status === '户籍' ? '流动人口' : '户籍';
  if (g.ageMin !== undefined) g.ageMin += 1;
  if (g.ageMax !== undefined) g.ageMax += 2;
  const other = after && {
    ...after,
    k: after.k === null ? null : `${after.k}x`,
    ...(after.n === undefined ? {} : { n: `${after.n}乙` }),
    i: typeof after.i === 'number' ? after.i + 100 : `${after.i}-2`,
  };
  return { f: g, after: other };
}

describe('a page query compiled once per shape (people/list.ts compiledPageQueries)', () => {
  it('is, for every filter, sort, direction, archive choice and cursor, the query built for that call', () => {
    const db = hall.core.services.db;
    let checked = 0;
    for (const base of filters)
      for (const sort of ['name', 'birthDate'] as const)
        for (const direction of ['asc', 'desc'] as const)
          for (const archived of ['active', 'archived', 'all'] as const)
            for (const after of cursors) {
              if (sort === 'name' && after && after.n === undefined) continue;
              if (sort === 'birthDate' && after?.n !== undefined) continue;
              const f = { archived, sort, direction, ...base } as ListFilter;
              // The first call compiles the shape; the second, with other values, is filled from it.
              for (const [input, cursor, today, limit] of [
                [f, after, '2026-11-22', 50],
                [otherValues(f, after).f, otherValues(f, after).after, '2027-03-01', 20],
              ] as const) {
                const byTag = pagesByTag(input);
                const built = (byTag ? tagPageQueries(input, today, cursor, limit) : pageQueries(input, today, cursor, limit)).map((g) =>
                  g.map((q) => q.compile(db)),
                );
                const compiled = compiledPageQueries(db, input, byTag, today, cursor, limit);
                expect(compiled, JSON.stringify({ input, cursor })).toEqual(built.map((g) => g.map((q) => ({ sql: q.sql, parameters: [...q.parameters] }))));
                checked++;
              }
            }
    expect(checked).toBeGreaterThan(500);
  });
});
