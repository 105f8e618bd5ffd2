import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import {
  compareMilestones,
  compiledMilestoneQueries,
  firstInOrder,
  milestoneCountQuery,
  milestoneKeysQuery,
} from '../../../src/main/core/features/residents/reminders';
import type { Keyset } from '../../../src/main/core/db/keyset';

/**
 * The milestones handler runs its queries compiled once per shape and filled with each call's values
 * (compiledMilestoneQueries). For every month and cursor (each age's range starting at its month, after
 * the cursor's day, after the cursor itself or at its day), that must be exactly the query built for the
 * call: the same SQL, the same parameters, never an earlier call's values.
 */

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(async () => {
  await hall.close();
});

describe('milestone queries compiled once per shape (reminders.ts compiledMilestoneQueries)', () => {
  it('are, for every month, cursor and page size, the queries built for that call', () => {
    const db = hall.core.services.db;
    const cursors: (Keyset | null)[] = [
      null,
      { k: '1966-11-17', i: 7 },
      { k: '1926-11-01', i: 1 },
      { k: '1956-02-29', i: 123456 },
      { k: '1936-12-31', i: 42 },
      { k: '2000-11-05', i: 9 },
    ];
    // Twice over, so that the second pass runs on templates compiled for other values.
    for (let pass = 0; pass < 2; pass++)
      for (const [year, month] of [
        [2026, '11'],
        [2027, '01'],
        [2024, '02'],
      ] as const)
        for (const after of cursors)
          for (const limit of [1, 50]) {
            const got = compiledMilestoneQueries(db, year, month, after, limit);
            const keys = milestoneKeysQuery(year, month, after, limit).compile(db);
            const counts = milestoneCountQuery(year, month).compile(db);
            const what = JSON.stringify({ year, month, after, limit });
            expect(got.keys, what).toEqual({ sql: keys.sql, parameters: [...keys.parameters] });
            expect(got.counts, what).toEqual({ sql: counts.sql, parameters: [...counts.parameters] });
          }
  });
});

describe('the first milestone keys of a page (reminders.ts firstInOrder)', () => {
  it('are the first rows of all the keys sorted, whether they come as runs (the five ranges) or in any order', () => {
    let seed = 7;
    const pick = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const day = () => String(1 + pick(3)).padStart(2, '0');
    for (let round = 0; round < 200; round++) {
      // Up to five ranges, one per milestone year, each in birthday order as its query reads it.
      const runs = [1966, 1956, 1946, 1936, 1926]
        .slice(0, 1 + pick(5))
        .map((year) => Array.from({ length: pick(8) }, () => ({ birth_date: `${year}-11-${day()}`, row_no: 1 + pick(1000) })).sort(compareMilestones));
      const inRuns = runs.flat();
      const shuffled = [...inRuns].sort(() => pick(3) - 1);
      const take = 1 + pick(12);
      const want = [...inRuns].sort(compareMilestones).slice(0, take);
      expect(firstInOrder(inRuns, compareMilestones, take), `round ${round}`).toEqual(want);
      expect(firstInOrder(shuffled, compareMilestones, take), `round ${round}, shuffled`).toEqual(want);
    }
    expect(firstInOrder([], compareMilestones, 5)).toEqual([]);
  });
});
