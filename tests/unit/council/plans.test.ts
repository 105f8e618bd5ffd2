import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { meetingsPageQuery } from '../../../src/main/core/features/council/repository';
import { followUpQuery } from '../../../src/main/core/features/council/actions-handlers';

/** The council's lists read an index in order: no full scan of meetings or action items, no sort. */

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(async () => {
  await hall.close();
});

function plan(q: { compile(): { sql: string; parameters: readonly unknown[] } }): string {
  const { sql, parameters } = q.compile();
  const rows = hall.core.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('query plans: council', () => {
  it('the follow-up list reads the partial index by due date, first page and next', () => {
    const db = hall.core.services.db;
    for (const after of [null, { k: '2026-12-01', i: 42 }]) {
      const p = plan(followUpQuery({ db }, after, 51));
      expect(p).toMatch(/SEARCH a USING INDEX council_action_followup|SCAN a USING INDEX council_action_followup/);
      expect(p).not.toMatch(/TEMP B-TREE|SCAN council_action_items|SCAN a$/m);
    }
  });

  it('the meetings list reads the date index, or the body index for one body', () => {
    const db = hall.core.services.db;
    for (const after of [null, { k: '2026-12-01', i: 42 }]) {
      const all = plan(meetingsPageQuery(db, null, after, 51));
      expect(all).toMatch(/USING INDEX council_meetings_date/);
      expect(all).not.toMatch(/TEMP B-TREE/);
      const one = plan(meetingsPageQuery(db, 'body-1', after, 51));
      expect(one).toMatch(/USING INDEX council_meetings_body/);
      expect(one).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('query plans: council registers', () => {
  it('the 议事事项清单 reads its date index newest first, without a sort', async () => {
    const { issuesPageQuery } = await import('../../../src/main/core/features/council/registers-handlers');
    const db = hall.core.services.db;
    for (const after of [null, { k: '2026-12-01', i: 42 }]) {
      const p = plan(issuesPageQuery({ db }, after, 51));
      expect(p).toMatch(/USING INDEX council_issues_raised/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    }
  });
});
