import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import { idFor, makeHousehold, makePlaces, residentInput } from './fixture';

/**
 * 暂不登记到户 and 未登记到户: the reason given for saving someone without a household is kept while they
 * have none, shown on their page, listed for follow-up, and forgotten once they are placed; the history
 * keeps it. The ID owner look-up answers before any save.
 */
let hall: TestHall;
let places: Awaited<ReturnType<typeof makePlaces>>;
let seq = 0;
const person = (name: string, more: Parameters<typeof residentInput>[0] = {}) =>
  hall.call('residents.create', residentInput({ name, idNumber: idFor('1980-03-03', ++seq * 2), acknowledgeSimilar: true, ...more }));

beforeAll(async () => {
  hall = await openTestHall();
  places = await makePlaces(hall);
});
afterAll(async () => {
  await hall.close();
});

describe('未登记到户', () => {
  it('lists present residents without a household in registration order, with the reason given', async () => {
    const hh = await makeHousehold(hall, 'U-1', places.house('1', '101'));
    const placed = await person('有户', { householdId: hh.id, relationToHead: '户主' });
    const renting = await person('暂住', { houseId: places.house('1', '102'), unplacedReason: '刚租住，房东未确认户号' });
    // Neither a household nor a reason: refused, on the household field (the form's 暂不登记到户 says why).
    const err = await hall.fail('residents.create', residentInput({ name: '没原因', idNumber: idFor('1980-03-03', ++seq * 2), unplacedReason: '' }));
    expect(err).toMatchObject({ code: 'contract.invalid_input', fields: { householdId: 'residents.household_or_reason' } });
    // Someone an import brought in without an address has no reason on record: listed with an empty one.
    const imported = await person('没原因');
    hall.core.services.sqlite.prepare('DELETE FROM resident_unplaced WHERE resident_id = ?').run(imported.id);
    const gone = await person('已迁出', { unplacedReason: '待核实' });
    await hall.call('residents.moveOut', { id: gone.id, on: '2026-11-01' });

    const list = await hall.call('residents.unplaced', {});
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => [r.id, r.reason])).toEqual([
      [renting.id, '刚租住，房东未确认户号'],
      [imported.id, ''],
    ]);
    expect(list.rows.some((r) => r.id === placed.id)).toBe(false);
    expect(list.rows[0]).toMatchObject({ name: '暂住', idMasked: expect.stringContaining('*') });

    const page = await hall.call('residents.get', { id: renting.id });
    expect(page.resident.unplacedReason).toBe('刚租住，房东未确认户号');
    expect(page.timeline[0].detail).toMatchObject({ unplacedReason: '刚租住，房东未确认户号' });
    // A household given with a reason: the reason is moot and not kept.
    const both = await person('有户也写原因', { householdId: hh.id, relationToHead: '子', unplacedReason: '多余' });
    expect((await hall.call('residents.get', { id: both.id })).resident.unplacedReason).toBe('');
  });

  it('pages by registration order, the cursor inside the partial index', async () => {
    for (let i = 0; i < 5; i++) await person(`翻页${i}`, { unplacedReason: `原因${i}` });
    const all: string[] = [];
    let cursor: string | null = null;
    let total: number;
    do {
      const page: Awaited<ReturnType<typeof hall.call<'residents.unplaced'>>> = await hall.call('residents.unplaced', { cursor, limit: 2 });
      expect(page.rows.length).toBeLessThanOrEqual(2);
      all.push(...page.rows.map((r) => r.name));
      cursor = page.nextCursor;
      total = page.total;
    } while (cursor);
    expect(all).toHaveLength(total);
    expect(all.slice(-5)).toEqual(['翻页0', '翻页1', '翻页2', '翻页3', '翻页4']);
  });

  it('placing the person (变更户, or an edit with a household) takes them off the list and forgets the reason', async () => {
    const hh = await makeHousehold(hall, 'U-2', places.house('1', '201'));
    const a = await person('后来入户', { unplacedReason: '等户口迁入' });
    const b = await person('编辑入户', { unplacedReason: '等房东' });
    await hall.call('residents.changeHousehold', { id: a.id, householdId: hh.id, relationToHead: '户主' });
    const detail = (await hall.call('residents.get', { id: b.id })).resident;
    const same = residentInput({ name: '编辑入户', idNumber: detail.idMasked, acknowledgeSimilar: true });
    await hall.call('residents.update', { ...same, id: b.id, householdId: hh.id, relationToHead: '子' });
    const ids = (await hall.call('residents.unplaced', { limit: 200 })).rows.map((r) => r.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect((await hall.call('residents.get', { id: a.id })).resident.unplacedReason).toBe('');
    expect(hall.core.services.sqlite.prepare('SELECT count(*) FROM resident_unplaced WHERE resident_id IN (?, ?)').pluck().get(a.id, b.id)).toBe(0);
    // The history still says why they had no household at first.
    expect((await hall.call('residents.get', { id: a.id })).timeline.at(-1)!.detail).toMatchObject({ unplacedReason: '等户口迁入' });
  });

  it('an edit that sends no reason keeps the one given before', async () => {
    const c = await person('改电话', { unplacedReason: '待核实' });
    const detail = (await hall.call('residents.get', { id: c.id })).resident;
    const edited = residentInput({ name: '改电话', idNumber: detail.idMasked, phone: '13800001111', acknowledgeSimilar: true, unplacedReason: '' });
    await hall.call('residents.update', { ...edited, id: c.id });
    expect((await hall.call('residents.get', { id: c.id })).resident.unplacedReason).toBe('待核实');
  });
});

describe('who holds an ID number already', () => {
  it('names the resident for a number as typed (spaces, lower-case x, a 15-digit number), not for the one being edited', async () => {
    const owner = await person('证件主人', { idNumber: '11010519491231002X' });
    const typed = await hall.call('residents.idOwner', { docType: '居民身份证', idNumber: '110105 19491231 002x' });
    expect(typed).toEqual({ id: owner.id, name: '证件主人', archived: false });
    expect(await hall.call('residents.idOwner', { docType: '港澳台居民居住证', idNumber: '11010519491231002X' })).toMatchObject({ id: owner.id });
    expect(await hall.call('residents.idOwner', { docType: '居民身份证', idNumber: '11010519491231002X', exceptId: owner.id })).toBeNull();
    const old = await person('旧号码', { idNumber: '130503670401001' });
    expect(await hall.call('residents.idOwner', { docType: '居民身份证', idNumber: '130503670401001' })).toMatchObject({ id: old.id });
    expect(await hall.call('residents.idOwner', { docType: '居民身份证', idNumber: '110105194912310021' })).toBeNull();
    const passport = await person('护照持有人', { docType: '护照', idNumber: 'E12345678' });
    expect(await hall.call('residents.idOwner', { docType: '护照', idNumber: 'e1234 5678' })).toMatchObject({ id: passport.id });
    expect(await hall.call('residents.idOwner', { docType: '外国人永久居留证', idNumber: 'E12345678' })).toBeNull();
  });

  it('says when the holder has moved out', async () => {
    const gone = await person('迁走的人', { idNumber: '440524188001010014' });
    await hall.call('residents.moveOut', { id: gone.id, on: '2026-10-01' });
    expect(await hall.call('residents.idOwner', { docType: '居民身份证', idNumber: '440524188001010014' })).toEqual({
      id: gone.id,
      name: '迁走的人',
      archived: true,
    });
  });
});
