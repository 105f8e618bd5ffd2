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
const person = (name: string, birth: string, more: Parameters<typeof residentInput>[0] = {}) =>
  hall.call('residents.create', residentInput({ name, idNumber: idFor(birth, ++seq * 2), ...more }));

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
    expect(now.rows.map((m) => [m.resident.name, m.turning, m.birthday])).toEqual([
      ['七十岁', 70, '2026-11-01'],
      ['九十岁', 90, '2026-11-05'],
      ['百岁', 100, '2026-11-15'],
      ['八十岁', 80, '2026-11-22'],
      ['六十岁', 60, '2026-11-30'],
    ]);
    expect(now.rows[0].resident).toMatchObject({ age: 70, idMasked: expect.stringContaining('***') });
    expect(now.total).toBe(5);
    expect(now.byAge).toEqual([60, 70, 80, 90, 100].map((turning) => ({ turning, count: 1 })));
    const next = await hall.call('residents.milestones', { month: 'next' });
    expect(next.byAge).toEqual([{ turning: 60, count: 1 }]);
    expect(next.rows.map((m) => [m.resident.name, m.turning, m.birthday])).toEqual([['下月六十', 60, '2026-12-01']]);
  });

  it('across the year end, and a 29 February birthday in a common year', async () => {
    const saved = hall.clock.t;
    await setClock('2025-12-20T02:00:00Z');
    // Next month is January 2026: nobody. Then February 2026 (not a leap year) from January.
    expect(await hall.call('residents.milestones', { month: 'next' })).toEqual({ rows: [], nextCursor: null, total: 0, byAge: [] });
    await setClock('2026-01-20T02:00:00Z');
    const feb = await hall.call('residents.milestones', { month: 'next' });
    expect(feb.rows.map((m) => [m.resident.name, m.turning, m.birthday])).toEqual([['闰日', 70, '2026-02-28']]);
    await setClock(saved);
  });

  it('ID cards expiring within N days, and residence permits due for endorsement', async () => {
    const soon = await person('证将到期', '1980-01-01', { idCardExpiresOn: '2026-12-01' });
    const expired = await person('证已过期', '1980-01-02', { idCardExpiresOn: '2026-11-01' });
    await person('证还早', '1980-01-03', { idCardExpiresOn: '2027-06-01' });
    const last = await person('证今天到期', '1980-01-04', { idCardExpiresOn: '2026-11-22' });
    const longAgo = await person('证早已过期', '1980-01-05', { idCardExpiresOn: '2019-05-01' });
    const gone = await person('过期已迁出', '1980-01-06', { idCardExpiresOn: '2020-05-01' });
    await hall.call('residents.moveOut', { id: gone.id, on: '2026-06-01' });
    // Cards already expired come first (the oldest first), marked; then today's and the next ones.
    const ids = await hall.call('residents.idCardsExpiring', { withinDays: 60 });
    expect(ids.total).toBe(4);
    expect(ids.expired).toBe(2);
    expect(ids.rows.map((r) => [r.id, r.expiresOn, r.expired])).toEqual([
      [longAgo.id, '2019-05-01', true],
      [expired.id, '2026-11-01', true],
      [last.id, '2026-11-22', false],
      [soon.id, '2026-12-01', false],
    ]);
    // The default window is 180 days: 2027-06-01 is 191 days away.
    expect((await hall.call('residents.idCardsExpiring', {})).total).toBe(4);
    expect((await hall.call('residents.idCardsExpiring', { withinDays: 200 })).total).toBe(5);
    const permit = await person('居住证签注', '1990-01-01', { status: '居住证', permitExpiresOn: '2026-12-10' });
    await person('居住证还早', '1990-01-02', { status: '居住证', permitExpiresOn: '2027-02-01' });
    await person('户籍不算', '1990-01-03', { status: '户籍', permitExpiresOn: '2026-12-10' });
    const permits = await hall.call('residents.permitsDue', { withinDays: 30 });
    expect(permits.total).toBe(1);
    expect(permits.rows.map((r) => [r.id, r.dueOn, r.status])).toEqual([[permit.id, '2026-12-10', '居住证']]);
  });
});

/** Every page of a reminder list, following the cursor; checks each page's size and the total on each. */
async function walk<R>(page: (cursor: string | null) => Promise<{ rows: R[]; nextCursor: string | null; total: number }>, limit: number): Promise<R[]> {
  const out: R[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const p = await page(cursor);
    out.push(...p.rows);
    expect(p.rows.length).toBeLessThanOrEqual(limit);
    if (!p.nextCursor) {
      expect(out).toHaveLength(p.total);
      return out;
    }
    expect(p.rows).toHaveLength(limit);
    cursor = p.nextCursor;
  }
  throw new Error('too many pages');
}

describe('proactive lists, paged', () => {
  let own: TestHall;
  let n = 0;
  const add = (name: string, birth: string, more: Parameters<typeof residentInput>[0] = {}) =>
    own.call('residents.create', residentInput({ name, idNumber: idFor(birth, ++n * 2), acknowledgeSimilar: true, ...more }));
  beforeAll(async () => {
    own = await openTestHall(); // 2026-11-22
    // Milestones in November 2026 on the same days in different years, and several on one date (ties in the
    // order they were registered: the rowid; their uuidv7 ids are in the same order).
    for (const [age, days] of [
      [60, ['03', '03', '17', '30']],
      [70, ['03', '17']],
      [80, ['01', '03', '03', '30']],
      [90, ['17']],
      [100, ['03', '28']],
    ] as const)
      for (const day of days) await add(`整寿${age}`, `${2026 - age}-11-${day}`);
    await add('不是整寿', '1965-11-03');
    const statuses = ['居住证', '户籍'] as const;
    for (let i = 0; i < 11; i++) {
      const on = `2026-12-${String(1 + (i % 4)).padStart(2, '0')}`;
      await add(`证${i}`, `1980-01-${String(1 + i).padStart(2, '0')}`, { idCardExpiresOn: on, status: statuses[i % 2], permitExpiresOn: on });
    }
  }, 60_000);
  afterAll(async () => {
    await own.close();
  });

  it('milestones page by birthday, then birth date, then registration order, with the total and counts per age on every page', async () => {
    const all = await walk(async (cursor) => own.call('residents.milestones', { month: 'this', cursor, limit: 2 }), 2);
    const key = (m: (typeof all)[number]) => [m.birthday, m.resident.birthDate, m.resident.id] as const;
    const sorted = [...all].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0].localeCompare(y[0]) || x[1]!.localeCompare(y[1]!) || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    });
    expect(all.map((m) => m.resident.id)).toEqual(sorted.map((m) => m.resident.id));
    expect(all).toHaveLength(13);
    expect(new Set(all.map((m) => m.resident.id)).size).toBe(13);
    expect(all.map((m) => `${m.birthday.slice(8)}:${m.turning}`)).toEqual([
      '01:80',
      '03:100',
      '03:80',
      '03:80',
      '03:70',
      '03:60',
      '03:60',
      '17:90',
      '17:70',
      '17:60',
      '28:100',
      '30:80',
      '30:60',
    ]);
    const first = await own.call('residents.milestones', { month: 'this', limit: 5 });
    expect(first.total).toBe(13);
    expect(first.byAge).toEqual([
      { turning: 60, count: 4 },
      { turning: 70, count: 2 },
      { turning: 80, count: 4 },
      { turning: 90, count: 1 },
      { turning: 100, count: 2 },
    ]);
  });

  it('refuses a milestone cursor from another month', async () => {
    const first = await own.call('residents.milestones', { month: 'this', limit: 2 });
    expect((await own.fail('residents.milestones', { month: 'next', cursor: first.nextCursor })).fields).toEqual({ cursor: 'residents.bad_cursor' });
  });

  it('ID cards and permits page by date, then registration order; permits only for 居住证', async () => {
    const cards = await walk(async (cursor) => own.call('residents.idCardsExpiring', { withinDays: 60, cursor, limit: 3 }), 3);
    expect(cards).toHaveLength(11);
    const cardOrder = [...cards].sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || (a.id < b.id ? -1 : 1));
    expect(cards.map((r) => r.id)).toEqual(cardOrder.map((r) => r.id));
    const permits = await walk(async (cursor) => own.call('residents.permitsDue', { withinDays: 30, cursor, limit: 2 }), 2);
    expect(permits).toHaveLength(6);
    expect(permits.every((r) => r.status === '居住证')).toBe(true);
    const permitOrder = [...permits].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.id < b.id ? -1 : 1));
    expect(permits.map((r) => r.id)).toEqual(permitOrder.map((r) => r.id));
    // A shorter window has fewer: 1–8 December is 9–16 days away.
    expect((await own.call('residents.idCardsExpiring', { withinDays: 9, limit: 50 })).total).toBe(3);
  });

  it('expired ID cards are paged before the others, the cursor crossing from one to the other', async () => {
    for (let i = 0; i < 5; i++) await add(`过期${i}`, `1970-02-${String(1 + i).padStart(2, '0')}`, { idCardExpiresOn: `2025-0${1 + (i % 3)}-15` });
    const cards = await walk(async (cursor) => own.call('residents.idCardsExpiring', { withinDays: 60, cursor, limit: 3 }), 3);
    expect(cards).toHaveLength(16);
    expect(cards.slice(0, 5).every((r) => r.expired)).toBe(true);
    expect(cards.slice(5).some((r) => r.expired)).toBe(false);
    expect(cards.map((r) => r.expiresOn)).toEqual([...cards.map((r) => r.expiresOn)].sort());
    expect((await own.call('residents.idCardsExpiring', { withinDays: 60, limit: 3 })).expired).toBe(5);
  });
});
