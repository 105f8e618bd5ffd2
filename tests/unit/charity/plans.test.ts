import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { explainer } from '../residents/fixture';
import {
  applicationsPageQuery,
  batchesQuery,
  donationsPageQuery,
  donorsPageQuery,
  noticesQuery,
  receiptsPageQuery,
} from '../../../src/main/core/features/charity/list-queries';
import { citableResolutionsQuery } from '../../../src/main/core/features/council/citing';

/** Every charity list reads an index in its order: no scan of the table, no sort. */
let hall: TestHall;
let plan: ReturnType<typeof explainer>;
beforeAll(async () => {
  hall = await openTestHall();
  plan = explainer(hall);
});
afterAll(() => hall.close());

const db = () => hall.core.services.db;
function expectIndexed(q: { compile(): { sql: string; parameters: readonly unknown[] } }, index: string, what: string) {
  const p = plan(q.compile());
  expect(p, what).not.toMatch(/TEMP B-TREE/);
  expect(p, what).not.toMatch(/SCAN charity_[a-z_]+$/m);
  expect(p, what).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}\\b|USING INTEGER PRIMARY KEY|USING PRIMARY KEY`));
}

describe('query plans: charity lists', () => {
  it('donors by name, with a prefix and from a cursor', () => {
    expectIndexed(donorsPageQuery(db(), { query: '', cursor: null, limit: 50 }), 'charity_donors_name', 'all donors');
    expectIndexed(donorsPageQuery(db(), { query: '幸福', cursor: null, limit: 50 }), 'charity_donors_name', 'a prefix');
    expectIndexed(donorsPageQuery(db(), { query: '', cursor: JSON.stringify(['王', 'x']), limit: 50 }), 'charity_donors_name', 'next page');
  });

  it('donations newest first, one donor’s, within dates', () => {
    expectIndexed(donationsPageQuery(db(), { cursor: null, limit: 50 }), 'charity_donations_received', 'all');
    expectIndexed(
      donationsPageQuery(db(), { from: '2026-01-01', to: '2026-01-31', cursor: JSON.stringify(['2026-01-20', 'x']), limit: 50 }),
      'charity_donations_received',
      'a month',
    );
    expectIndexed(donationsPageQuery(db(), { donorId: 'd', cursor: null, limit: 50 }), 'charity_donations_donor', 'a donor');
  });

  it('receipts of a year by number, applications by status, notices and batches', () => {
    expectIndexed(receiptsPageQuery(db(), { year: 2026, cursor: '10', limit: 50 }), 'sqlite_autoindex_charity_receipts_\\d', 'receipts');
    expectIndexed(applicationsPageQuery(db(), { status: 'reviewed', cursor: null, limit: 50 }), 'charity_aid_status', 'approval queue');
    expectIndexed(applicationsPageQuery(db(), { cursor: null, limit: 50 }), 'sqlite_autoindex_charity_aid_applications_1', 'all applications');
    expectIndexed(noticesQuery(db()), 'charity_notices_published', 'notices');
    expectIndexed(batchesQuery(db(), 'open'), 'charity_batches_status', 'open batches');
  });

  it('the council’s resolutions an aid review may cite, newest first, searched or not', () => {
    for (const query of ['', '取暖']) {
      const p = plan(citableResolutionsQuery(db(), query, 200).compile());
      expect(p, query).toMatch(/SCAN r USING INDEX sqlite_autoindex_council_resolutions_\d/);
      expect(p, query).not.toMatch(/TEMP B-TREE/);
      expect(p, query).toMatch(/SEARCH m USING INDEX sqlite_autoindex_council_meetings_1/);
    }
  });
});
