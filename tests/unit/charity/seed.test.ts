import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { seedCharity } from '../../../src/main/core/features/charity/seed';
import { charityChain } from '../../../src/main/core/features/charity/chain';
import { scanPublicText } from '../../../src/main/core/features/charity/public-scan';
import { seedResidents } from '../../../src/main/core/features/residents/seed/seed';

/** The demo's year of charity activity: consistent books, every stage present, a notice per closed month. */
let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
  await seedResidents(hall.core.services, { residents: 300, seed: 't', actor: { id: null, name: 'test' } });
  await seedCharity(hall.core.services, { seed: 't' });
}, 120_000);
afterAll(() => hall.close());

const one = <T>(sql: string) => hall.core.services.sqlite.prepare(sql).get() as T;

describe('charity seeder', () => {
  it('writes a year whose chain verifies, whose funds never go below zero, with eleven closed months and their notices', async () => {
    const v = charityChain.verify(hall.core.services.sqlite);
    expect(v.ok).toBe(true);
    expect(v.count).toBeGreaterThan(200);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM charity_periods').n).toBe(11);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM charity_notices').n).toBe(11);
    const funds = await hall.call('charity.listFunds', {});
    expect(funds.every((f) => f.balance >= 0)).toBe(true);
    const statuses = (hall.core.services.sqlite.prepare('SELECT DISTINCT status FROM charity_aid_applications').all() as { status: string }[]).map(
      (r) => r.status,
    );
    expect(statuses).toEqual(expect.arrayContaining(['acknowledged', 'rejected']));
    // Maker and checker always differ.
    expect(one<{ n: number }>('SELECT count(*) AS n FROM charity_aid_applications WHERE decided_by = created_by').n).toBe(0);
    const dash = await hall.call('charity.dashboard', {});
    expect(dash.pledgesBehind.length).toBeGreaterThan(0);
    expect(dash.topDonors.length).toBeGreaterThan(0);
    // Only this month's applications still wait; the year's others were decided and paid.
    expect(dash.awaitingApproval).toBeLessThanOrEqual(6);
    // The annual report's figures add up: each fund's closing is its opening plus income less expenditure.
    const year = Number((await hall.call('charity.listPeriods', {}))[0].month.slice(0, 4));
    const annual = await hall.call('charity.annualSummary', { year });
    expect(annual.funds.length).toBeGreaterThan(0);
    for (const f of annual.funds) expect(f.openingFen + f.incomeFen - f.expenseFen).toBe(f.closingFen);
    expect(annual.income.cashFen + annual.income.goodsFen).toBe(annual.funds.reduce((s, f) => s + f.incomeFen, 0));
    expect(annual.aid.length).toBeGreaterThan(0);
    // Goods went out of the store as aid (booked out of 捐赠物资 at their value), and no item went below zero.
    const stock = await hall.call('charity.stock', {});
    expect(stock.some((i) => i.givenOut > 0)).toBe(true);
    expect(stock.every((i) => i.inStock >= 0)).toBe(true);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM charity_lines WHERE account_code = '1401' AND credit > 0").n).toBeGreaterThan(0);
    // Each closed month has its cash count and bank statement; one month's till was short, and says why.
    const recons = await hall.call('charity.listReconciliations', { limit: 50 });
    expect(recons.rows).toHaveLength(11);
    expect(recons.rows.filter((r) => r.differenceFen !== 0)).toHaveLength(1);
    // Every published notice is free of IDs, phones and addresses.
    for (const n of await hall.call('charity.listNotices', {})) expect(scanPublicText(JSON.stringify(n.body))).toEqual([]);
    // Each notice's expenditure table (goods at their book value included) adds up to the funds' expenditure.
    for (const n of await hall.call('charity.listNotices', {}))
      expect(
        n.body.expenditure.reduce((s, e) => s + e.amountFen, 0),
        n.title,
      ).toBe(n.body.totals.expenseFen);
    expect((await hall.call('charity.listNotices', {})).some((n) => n.body.expenditure.some((e) => e.purpose.includes('物资：')))).toBe(true);
  });
});
