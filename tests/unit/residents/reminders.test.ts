import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPassword, openTestHall, type TestHall } from '../support/core';
import { idFor, residentInput } from './fixture';

let hall: TestHall;
let seq = 0;
/** Moves the test clock (a jump locks the session, as an idle desk would) and signs back in. */
async function setClock(iso: string | number) {
  hall.clock.t = typeof iso === 'number' ? iso : Date.parse(iso);
  await hall.call('auth.unlock', { password: adminPassword });
}
const person = (name: string, birth: string, more: Parameters<typeof residentInput>[0] = {}) => hall.call('residents.create', residentInput({ name, idNumber: idFor(birth, ++seq * 2), ...more }));

beforeAll(async () => {
  hall = await openTestHall(); // the clock reads 2026-11-22 in Shanghai
  await person('六十岁', '1966-11-30');
  await person('七十岁', '1956-11-01');
  await person('八十岁', '1946-11-22');
  await person('九十岁', '1936-11-05');
  await person('百岁', '1926-11-15');
  await person('六十一岁', '1965-11-05');
  await person('下月六十', '1966-12-01');
  const gone = await person('已迁出七十', '1956-11-10');
  await hall.call('residents.moveOut', { id: gone.id, on: '2026-06-01' });
  await person('闰日', '1956-02-29');
});
afterAll(async () => {
  await hall.close();
});

describe('proactive lists', () => {
  it('milestone birthdays this month and next (60/70/80/90/100), present residents only', async () => {
    const now = await hall.call('residents.milestones', { month: 'this' });
    expect(now.map((m) => [m.resident.name, m.turning, m.birthday])).toEqual([
      ['七十岁', 70, '2026-11-01'],
      ['九十岁', 90, '2026-11-05'],
      ['百岁', 100, '2026-11-15'],
      ['八十岁', 80, '2026-11-22'],
      ['六十岁', 60, '2026-11-30'],
    ]);
    expect(now[0].resident).toMatchObject({ age: 70, idMasked: expect.stringContaining('***') });
    const next = await hall.call('residents.milestones', { month: 'next' });
    expect(next.map((m) => [m.resident.name, m.turning, m.birthday])).toEqual([['下月六十', 60, '2026-12-01']]);
  });

  it('across the year end, and a 29 February birthday in a common year', async () => {
    const saved = hall.clock.t;
    await setClock('2025-12-20T02:00:00Z');
    // Next month is January 2026: nobody. Then February 2026 (not a leap year) from January.
    expect(await hall.call('residents.milestones', { month: 'next' })).toEqual([]);
    await setClock('2026-01-20T02:00:00Z');
    const feb = await hall.call('residents.milestones', { month: 'next' });
    expect(feb.map((m) => [m.resident.name, m.turning, m.birthday])).toEqual([['闰日', 70, '2026-02-28']]);
    await setClock(saved);
  });

  it('ID cards expiring within N days, and residence permits due for endorsement', async () => {
    const soon = await person('证将到期', '1980-01-01', { idCardExpiresOn: '2026-12-01' });
    await person('证已过期', '1980-01-02', { idCardExpiresOn: '2026-11-01' });
    await person('证还早', '1980-01-03', { idCardExpiresOn: '2027-03-01' });
    const last = await person('证今天到期', '1980-01-04', { idCardExpiresOn: '2026-11-22' });
    const ids = await hall.call('residents.idCardsExpiring', { withinDays: 60 });
    expect(ids.map((r) => [r.id, r.expiresOn])).toEqual([
      [last.id, '2026-11-22'],
      [soon.id, '2026-12-01'],
    ]);
    const permit = await person('居住证签注', '1990-01-01', { status: '居住证', permitExpiresOn: '2026-12-10' });
    await person('居住证还早', '1990-01-02', { status: '居住证', permitExpiresOn: '2027-02-01' });
    await person('户籍不算', '1990-01-03', { status: '户籍', permitExpiresOn: '2026-12-10' });
    const permits = await hall.call('residents.permitsDue', { withinDays: 30 });
    expect(permits.map((r) => [r.id, r.dueOn, r.status])).toEqual([[permit.id, '2026-12-10', '居住证']]);
  });
});
