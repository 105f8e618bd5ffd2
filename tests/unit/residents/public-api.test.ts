import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { findPeople, householdMembers, personSummary } from '../../../src/main/core/features/residents';
import { idFor, makeHousehold, makePlaces, phoneFor, residentInput } from './fixture';

// What other areas (charity, council) use to pick and show a person: the residents area's index.

let hall: TestHall;
const ids: Record<string, string> = {};
const zhangId = idFor('1985-07-15', 123);

beforeAll(async () => {
  hall = await openTestHall();
  const p = await makePlaces(hall);
  const hh = await makeHousehold(hall, 'H-7', p.house('2', '501'));
  ids.head = (
    await hall.call('residents.create', residentInput({ name: '张三', idNumber: zhangId, phone: phoneFor(1234), householdId: hh.id, relationToHead: '户主' }))
  ).id;
  ids.child = (
    await hall.call('residents.create', residentInput({ name: '张小明', idNumber: idFor('2015-03-02', 11), householdId: hh.id, relationToHead: '子' }))
  ).id;
  ids.gone = (
    await hall.call(
      'residents.create',
      residentInput({ name: '张三', idNumber: idFor('1930-08-08', 51), householdId: hh.id, relationToHead: '父亲', acknowledgeSimilar: true }),
    )
  ).id;
  await hall.call('residents.moveOut', { id: ids.gone, on: '2026-01-01' });
});
afterAll(() => hall.close());

describe('the residents area for other areas', () => {
  it('finds people by name (present ones unless asked), with masked numbers only', async () => {
    const found = await findPeople(hall.core.services, '张三');
    expect(found.map((p) => p.id)).toEqual([ids.head]);
    expect(found[0]).toMatchObject({ name: '张三', age: 41, gender: 'male', householdNumber: 'H-7', relationToHead: '户主', archived: false });
    expect(found[0].idMasked).not.toContain(zhangId.slice(6, 14));
    expect(found[0].idMasked).toMatch(/\*/);
    expect(JSON.stringify(found)).not.toContain(zhangId);
    expect(JSON.stringify(found)).not.toContain(phoneFor(1234));
    expect((await findPeople(hall.core.services, '张三', { includeArchived: true })).map((p) => p.id)).toEqual([ids.head, ids.gone]);
    expect(await findPeople(hall.core.services, '李')).toEqual([]);
  });

  it("shows one person by id, with the household's address; nobody for an unknown id", async () => {
    const child = await personSummary(hall.core.services, ids.child);
    expect(child).toMatchObject({ name: '张小明', age: 11, householdNumber: 'H-7', relationToHead: '子' });
    expect(child?.address).toContain('3栋');
    expect(await personSummary(hall.core.services, 'no-such-person')).toBeNull();
  });

  it("lists a household's members, the present first, the moved-out marked", async () => {
    const members = await householdMembers(hall.core.services, (await personSummary(hall.core.services, ids.head))!.householdId!);
    expect(members.map((m) => [m.name, m.archived])).toEqual([
      ['张三', false],
      ['张小明', false],
      ['张三', true],
    ]);
  });
});
