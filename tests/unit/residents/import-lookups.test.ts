import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { lookupSql, RegistryLookups } from '../../../src/main/core/features/residents/import/lookups';
import { makePlaces } from './places-fixture';
import { idFor, makeHousehold, residentInput } from './fixture';
import { idLookupHash } from '../../../src/main/core/features/residents/prepare';

/**
 * The import asks these once per row (a 100,000-row file: hundreds of thousands of calls). Each must be
 * an index search on the large tables; the grids and compounds are small, and searched by their keys.
 */
let hall: TestHall;

beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(async () => {
  await hall.close();
});

function planOf(sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x');
  return (hall.core.services.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('import look-ups', () => {
  it('are each an index search, never a scan of a large table or a sort', () => {
    for (const [name, sql] of Object.entries(lookupSql)) {
      const p = planOf(sql);
      expect(p, `${name}\n${p}`).not.toMatch(/SCAN (residents|households|houses|buildings|resident_tags)\b|TEMP B-TREE/);
      // Grids are a few dozen and asked for once per name (name OR code: a scan of that small table).
      if (name !== 'gridByName' && name !== 'activeGrids') expect(p, `${name}\n${p}`).toMatch(/SEARCH/);
      // …and whether there are none, one or several: at most two rows of it.
      if (name === 'activeGrids') expect(sql).toMatch(/LIMIT 2$/);
    }
  });

  it('a building named within its compound is searched by compound and name together', () => {
    expect(planOf(lookupSql.buildingInCompound)).toMatch(/SEARCH b USING INDEX \S+ \(compound_id=\? AND name=\?\)/);
  });

  it('finds a building by compound and name, refuses an unknown one, and asks for each building once', async () => {
    const { building, house } = await makePlaces(hall);
    const view = await hall.call('residents.buildingView', { buildingId: building.id });
    const [a, b] = view.cells;
    const lookups = new RegistryLookups(hall.core.services.sqlite);
    const statements = lookups as unknown as { q: { buildingInCompound: { all: (...args: unknown[]) => unknown[] } } };
    let asked = 0;
    const all = statements.q.buildingInCompound.all.bind(statements.q.buildingInCompound);
    statements.q.buildingInCompound.all = (...args: unknown[]) => (asked++, all(...args));

    const first = lookups.place('幸福小区', '3栋', a.unit, a.room);
    expect(first.ok && first.place.houseId).toBe(house(a.unit, a.room));
    const second = lookups.place('幸福小区', '3栋', b.unit, b.room);
    expect(second.ok && second.place.houseId).toBe(house(b.unit, b.room));
    expect(asked).toBe(1);
    expect(lookups.place('没有这个小区', '3栋', a.unit, a.room)).toMatchObject({ ok: false, code: 'import.unknown_compound' });
    expect(lookups.place('幸福小区', '99栋', a.unit, a.room)).toMatchObject({ ok: false, code: 'import.unknown_building', params: { building: '99栋' } });
    expect(lookups.place('', '3栋', a.unit, a.room)).toMatchObject({ ok: true });
  });

  it("finds a batch's residents by hash in one query, as the per-row look-up finds them", async () => {
    const stored = [idFor('1971-02-03', 71), idFor('1972-03-04', 72)];
    for (const [i, idNumber] of stored.entries()) await hall.call('residents.create', residentInput({ name: `批量${i}`, idNumber }));
    const hash = (n: string) => idLookupHash(hall.core.services.secrets, '居民身份证', n);
    const [a, b] = stored.map(hash);
    const absent = hash(idFor('1973-04-05', 73));
    const lookups = new RegistryLookups(hall.core.services.sqlite);
    const perRow = [a, b, absent].map((h) => lookups.residentByHash(h));
    expect(perRow[0]?.name).toBe('批量0');
    expect(perRow[2]).toBeUndefined();

    const statements = lookups as unknown as { q: { byHash: { get: (...args: unknown[]) => unknown } } };
    let asked = 0;
    const get = statements.q.byHash.get.bind(statements.q.byHash);
    statements.q.byHash.get = (...args: unknown[]) => (asked++, get(...args));
    lookups.findByHashes([a, b, absent]);
    expect([a, b, absent].map((h) => lookups.residentByHash(h))).toEqual(perRow);
    expect(asked).toBe(0);
    // Each answer is a copy of its own, as a query's would be.
    expect(lookups.residentByHash(a)).not.toBe(lookups.residentByHash(a));
    // A hash the batch did not name, and any once the batch is forgotten, are asked for as before.
    const other = await hall.call('residents.create', residentInput({ name: '批量2', idNumber: idFor('1974-05-06', 74) }));
    expect(lookups.residentByHash(hash(idFor('1974-05-06', 74)))?.id).toBe(other.id);
    expect(asked).toBe(1);
    lookups.forgetAhead();
    expect(lookups.residentByHash(a)).toEqual(perRow[0]);
    expect(asked).toBe(2);
  });

  it("finds a batch's households by 户号 in one query, as household() finds them one by one", async () => {
    const stored = await makeHousehold(hall, 'B-1', null);
    const numbers = ['B-1', 'B-404', 'B-1'];
    const oneByOne = new RegistryLookups(hall.core.services.sqlite);
    const expected = numbers.map((n) => oneByOne.household(n));
    expect(expected[0]?.id).toBe(stored.id);
    expect(expected[1]).toBeNull();

    const lookups = new RegistryLookups(hall.core.services.sqlite);
    const statements = lookups as unknown as { q: { household: { get: (...args: unknown[]) => unknown } } };
    let asked = 0;
    const get = statements.q.household.get.bind(statements.q.household);
    statements.q.household.get = (...args: unknown[]) => (asked++, get(...args));
    lookups.findHouseholds(numbers);
    expect(numbers.map((n) => lookups.household(n))).toEqual(expected);
    expect(asked).toBe(0);
    expect(lookups.household('B-2')).toBeNull();
    expect(asked).toBe(1);
  });

  it("finds a batch's places with their houses in one query, each answered as place() answers it", async () => {
    const own = await openTestHall();
    try {
      const { building } = await makePlaces(own);
      const [a, b] = (await own.call('residents.buildingView', { buildingId: building.id })).cells;
      const places = [
        { compound: '幸福小区', building: '3栋', unit: a.unit, room: a.room },
        // The same house spelled another way, and again as first spelled.
        { compound: '幸福小区', building: '３号楼', unit: `${a.unit}单元`, room: `${a.room}室` },
        { compound: '幸福小区', building: '3栋', unit: a.unit, room: a.room },
        { compound: '幸福小区', building: '3栋', unit: b.unit, room: b.room },
        { compound: '', building: '3栋', unit: b.unit, room: b.room },
        { compound: '幸福小区', building: '3栋', unit: a.unit, room: '9999' },
        { compound: '幸福小区', building: '99栋', unit: a.unit, room: a.room },
        { compound: '没有这个小区', building: '3栋', unit: a.unit, room: a.room },
      ];
      const oneByOne = new RegistryLookups(own.core.services.sqlite);
      const expected = places.map((p) => oneByOne.place(p.compound, p.building, p.unit, p.room));
      expect(expected.map((r) => r.ok)).toEqual([true, true, true, true, true, false, false, false]);

      const lookups = new RegistryLookups(own.core.services.sqlite);
      const statements = lookups as unknown as { q: { house: { get: (...args: unknown[]) => unknown } } };
      let asked = 0;
      const get = statements.q.house.get.bind(statements.q.house);
      statements.q.house.get = (...args: unknown[]) => (asked++, get(...args));
      lookups.findPlaces(places);
      expect(places.map((p) => lookups.place(p.compound, p.building, p.unit, p.room))).toEqual(expected);
      expect(asked).toBe(0);
      // A place the batch did not name is still asked for on its own.
      expect(lookups.place('幸福小区', '3栋', b.unit, '8888')).toMatchObject({ ok: false, code: 'import.unknown_house' });
      expect(asked).toBe(1);
    } finally {
      await own.close();
    }
  });
});
