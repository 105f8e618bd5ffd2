import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { compiledMilestoneQueries, milestoneCountQuery, milestoneKeysQuery } from '../../../src/main/core/features/residents/reminders';
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
