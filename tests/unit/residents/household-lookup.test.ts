import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdHit } from '../../../src/shared/contract/residents';
import { householdsByNumberQuery, numberSpellings } from '../../../src/main/core/features/residents/household-lookup';
import { openTestHall, type TestHall } from '../support/core';
import { explainer, idFor, makeHousehold, makePlaces, residentInput } from './fixture';

let hall: TestHall;
let plan: ReturnType<typeof explainer>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  hall = await openTestHall();
  plan = explainer(hall);
  const p = await makePlaces(hall);
  for (const [number, house] of [
    ['H-3-2-501', p.house('2', '501')],
    ['H-3-2-502', p.house('2', '502')],
    ['H-3-1-101', p.house('1', '101')],
    ['1203', p.house('1', '102')],
    ['120', null],
    ['12', null],
  ] as const) {
    ids[number] = (await makeHousehold(hall, number, house)).id;
  }
  const head = await hall.call(
    'residents.create',
    residentInput({ name: '户主甲', idNumber: idFor('1970-05-06', 11), householdId: ids['H-3-2-501'], relationToHead: '户主' }),
  );
  await hall.call(
    'residents.create',
    residentInput({ name: '成员乙', idNumber: idFor('1972-05-06', 22), householdId: ids['H-3-2-501'], relationToHead: '配偶' }),
  );
  const gone = await hall.call(
    'residents.create',
    residentInput({ name: '已迁出', idNumber: idFor('1990-05-06', 33), householdId: ids['H-3-2-501'], relationToHead: '子' }),
  );
  await hall.call('residents.moveOut', { id: gone.id, on: '2026-03-01' });
  ids.head = head.id;
});
afterAll(async () => {
  await hall.close();
});

const find = async (number: string, more: { limit?: number } = {}) => hall.call('residents.findHousehold', { number, ...more });
const numbers = async (number: string, more: { limit?: number } = {}) => (await find(number, more)).map((h) => h.number);

describe('residents.findHousehold', () => {
  it('finds a household by its whole number, with its head, present members and address', async () => {
    expect(await find('H-3-2-501')).toEqual([
      {
        id: ids['H-3-2-501'],
        number: 'H-3-2-501',
        houseId: expect.any(String),
        buildingId: expect.any(String),
        address: '幸福小区3栋2单元501',
        headName: '户主甲',
        members: 2,
        archived: false,
      },
    ]);
  });

  it('lists the exact number first, then the numbers that start with it, in number order', async () => {
    expect(await numbers('12')).toEqual(['12', '120', '1203']);
    expect(await numbers('120')).toEqual(['120', '1203']);
    expect(await numbers('H-3')).toEqual(['H-3-1-101', 'H-3-2-501', 'H-3-2-502']);
    expect(await numbers('H-3', { limit: 2 })).toEqual(['H-3-1-101', 'H-3-2-501']);
  });

  it('reads the number as people type it: lower case, full-width, spaces around', async () => {
    expect(await numbers('h-3-2-501')).toEqual(['H-3-2-501']);
    expect(await numbers(' Ｈ－３－２－５０２ ')).toEqual(['H-3-2-502']);
    expect(numberSpellings(' h-1 ')).toEqual(['h-1', 'H-1']);
  });

  it('a household without a house has no address; an unknown number finds nothing', async () => {
    expect(await find('120', { limit: 1 })).toEqual([
      expect.objectContaining({ number: '120', houseId: null, buildingId: null, address: '', headName: null, members: 0 }),
    ]);
    expect(await find('H-9')).toEqual([]);
  });

  it('refuses an empty number with a clear error', async () => {
    const err = await hall.fail('residents.findHousehold', { number: '  ' });
    expect(err).toMatchObject({ code: 'contract.invalid_input', fields: { number: 'residents.household_number_required' } });
  });

  it('each look-up is one range of the number index, no scan and no sort', () => {
    for (const match of ['exact', 'prefix'] as const)
      for (const archived of [0, 1, null] as const) {
        const q = householdsByNumberQuery('H-3', match, archived, 20).compile(hall.core.services.db as never);
        const p = plan(q);
        expect(p, `${match} ${archived}`).toContain(
          match === 'exact' ? 'USING INDEX sqlite_autoindex_households_2 (number=?)' : 'USING INDEX sqlite_autoindex_households_2 (number>? AND number<?)',
        );
        expect(p).not.toMatch(/SCAN households|TEMP B-TREE/);
      }
  });
});

describe('Ctrl+K finds households by 户号', () => {
  const households = async (q: string) => (await hall.call('residents.search', { q })).filter((h): h is HouseholdHit => h.type === 'household');

  it('a whole number is an exact hit listed before residents; a beginning comes after them', async () => {
    const hits = await hall.call('residents.search', { q: 'H-3-2-501' });
    expect(hits[0]).toMatchObject({
      type: 'household',
      id: ids['H-3-2-501'],
      number: 'H-3-2-501',
      matchedBy: 'household',
      headName: '户主甲',
      members: 2,
      address: '幸福小区3栋2单元501',
    });
    expect((await households('h-3-2')).map((h) => [h.number, h.matchedBy])).toEqual([
      ['H-3-2-501', 'household_prefix'],
      ['H-3-2-502', 'household_prefix'],
    ]);
    expect((await households('12')).map((h) => [h.number, h.matchedBy])).toEqual([
      ['12', 'household'],
      ['120', 'household_prefix'],
      ['1203', 'household_prefix'],
    ]);
  });

  it('a beginning without a digit (a name, pinyin) lists no households; the limit counts both kinds', async () => {
    expect(await households('H')).toEqual([]);
    expect((await households('H-3')).map((h) => h.number)).toEqual(['H-3-1-101', 'H-3-2-501', 'H-3-2-502']);
    expect(await hall.call('residents.search', { q: '12', limit: 2 })).toHaveLength(2);
  });
});
