import { afterEach, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { seedCouncil } from '../../../src/main/core/features/council/seed';

let hall: TestHall;
afterEach(async () => {
  await hall?.close();
});

const actor = { id: null, name: 'linli seed' };

describe('council demo data', () => {
  it('a year of meetings with rolls, votes, numbered resolutions, action items and signed minutes, incl. a quarterly 低保 review', async () => {
    hall = await openTestHall();
    const counts = await seedCouncil(hall.core.services, { seed: 'test', actor });
    expect(counts).toMatchObject({ bodies: 5, meetings: 23, minutes: 22 });
    expect(counts.actionItems).toBeGreaterThan(30);
    const sqlite = hall.core.services.sqlite;
    const list = await hall.call('council.listMeetings', { limit: 50 });
    expect(list.rows).toHaveLength(23);
    expect(list.rows[0].state).toBe('notified');
    expect(list.rows.slice(1).every((m) => m.state === 'closed')).toBe(true);

    const reviews = list.rows.filter((m) => m.bodyKind === 'dibao_panel');
    expect(reviews).toHaveLength(4);
    const review = await hall.call('council.getMeeting', { id: reviews[0].id });
    expect(review.motions[0]).toMatchObject({
      method: 'secret',
      threshold: 'two_thirds_present',
      state: 'decided',
      recusals: [expect.objectContaining({ reason: '申请人亲属' })],
    });
    const present = review.roll
      .filter((r) => r.status === 'present')
      .map((r) => r.name)
      .sort();
    expect(review.minutes[0].signatures.map((s) => s.name).sort()).toEqual(present);

    // Resolution numbers run 1, 2, 3 … in each year without gaps.
    const byYear = sqlite.prepare('SELECT year, count(*) AS n, max(seq) AS top FROM council_resolutions GROUP BY year').all() as {
      year: number;
      n: number;
      top: number;
    }[];
    for (const y of byYear) expect(y.top).toBe(y.n);
    // The roll of a held meeting is frozen, and its minutes are signed.
    expect(() => sqlite.prepare('DELETE FROM council_roll').run()).toThrow(/council.roll_frozen/);
    expect((await hall.call('council.followUp', { limit: 200 })).rows.length).toBeGreaterThan(0);
    expect(sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'council.seed'").get()).toEqual({ n: 1 });

    expect(await seedCouncil(hall.core.services, { seed: 'test', actor })).toMatchObject({ meetings: 0, bodies: 0 });
  });

  it('the benchmark shape: many meetings of one committee, each with its action items', async () => {
    hall = await openTestHall();
    const counts = await seedCouncil(hall.core.services, { seed: 'bench', actor, bulk: { meetings: 50, actionsPerMeeting: 20 } });
    expect(counts).toMatchObject({ bodies: 1, meetings: 50, actionItems: 1000 });
  });
});
