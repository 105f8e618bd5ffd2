import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestHall, type TestHall } from '../support/core';
import type { ResidentHit } from '../../../src/shared/contract/residents';
import { idFor, makeHousehold, makePlaces, phoneFor, residentInput } from './fixture';

let hall: TestHall;
const people: Record<string, { id: string }> = {};
const zhangId = idFor('1985-07-15', 123);

beforeAll(async () => {
  hall = await openTestHall();
  const p = await makePlaces(hall);
  const hh = await makeHousehold(hall, 'H-1', p.house('2', '501'));
  people.zhangsan = await hall.call('residents.create', residentInput({ name: '张三', idNumber: zhangId, phone: phoneFor(1234), householdId: hh.id }));
  people.zhangsanfeng = await hall.call(
    'residents.create',
    residentInput({ name: '张三丰', idNumber: idFor('1950-01-02', 11), phone: phoneFor(5678), houseId: p.house('1', '501') }),
  );
  people.zhaosi = await hall.call('residents.create', residentInput({ name: '赵四', idNumber: idFor('1970-03-04', 21), houseId: p.house('1', '301') }));
  people.shan = await hall.call('residents.create', residentInput({ name: '单雄信', idNumber: idFor('1960-05-06', 31) }));
  people.zeng = await hall.call('residents.create', residentInput({ name: '曾国藩', idNumber: idFor('1940-11-26', 41) }));
  people.gone = await hall.call('residents.create', residentInput({ name: '张三', idNumber: idFor('1930-08-08', 51), acknowledgeSimilar: true }));
  await hall.call('residents.moveOut', { id: people.gone.id, on: '2026-01-01' });
});
afterAll(async () => {
  await hall.close();
});

const searchAll = async (q: string, more: { includeArchived?: boolean; limit?: number } = {}) => hall.call('residents.search', { q, ...more });
/** The resident hits (households found by 户号 have tests of their own, below). */
const search = async (q: string, more: { includeArchived?: boolean; limit?: number } = {}) =>
  (await searchAll(q, more)).filter((h): h is ResidentHit => h.type === 'resident');
const names = async (q: string) => (await search(q)).map((h) => `${h.name}:${h.matchedBy}${h.archived ? ':archived' : ''}`);

describe('residents.search', () => {
  it('finds by Chinese name prefix, the archived last', async () => {
    expect(await names('张三')).toEqual(['张三:name', '张三丰:name', '张三:name:archived']);
    expect(await names('张')).toEqual(['张三:name', '张三丰:name', '张三:name:archived']);
    expect((await search('张三', { includeArchived: false })).map((h) => h.archived)).toEqual([false, false]);
  });

  it('finds by pinyin initials and full pinyin, polyphonic surnames read as surnames', async () => {
    expect(await names('zs')).toEqual(['张三:initials', '赵四:initials', '张三丰:initials', '张三:initials:archived']);
    expect(await names('zhangsan')).toEqual(['张三:pinyin', '张三丰:pinyin', '张三:pinyin:archived']);
    expect(await names('ZhangSanF')).toEqual(['张三丰:pinyin']);
    expect(await names('sxx')).toEqual(['单雄信:initials']);
    expect(await names('shanx')).toEqual(['单雄信:pinyin']);
    expect(await names('单')).toEqual(['单雄信:name']);
    expect(await names('zgf')).toEqual(['曾国藩:initials']);
  });

  it('finds by the full ID number (18 digits, lower-case x, or the old 15 digits) and by its last 4–6 characters', async () => {
    expect(await names(zhangId)).toEqual(['张三:id']);
    expect((await search(zhangId.slice(-4))).map((h) => [h.id, h.matchedBy])).toContainEqual([people.zhangsan.id, 'id_suffix']);
    expect((await search(zhangId.slice(-6))).map((h) => [h.id, h.matchedBy])).toEqual([[people.zhangsan.id, 'id_suffix']]);
    const withX = await hall.call('residents.create', residentInput({ name: '王叉', idNumber: '11010519491231002X' }));
    expect((await search('11010519491231002x')).map((h) => h.id)).toEqual([withX.id]);
    expect((await search('002x')).map((h) => h.id)).toEqual([withX.id]);
    const old = await hall.call('residents.create', residentInput({ name: '孙旧证', idNumber: '130503670401001' }));
    expect((await search('130503670401001')).map((h) => [h.id, h.matchedBy])).toEqual([[old.id, 'id']]);
  });

  it('finds by the whole phone number, mobile or landline, however it is written', async () => {
    expect((await search(phoneFor(1234))).map((h) => [h.id, h.matchedBy])).toEqual([[people.zhangsan.id, 'phone']]);
    expect((await search(`+86 ${phoneFor(5678)}`)).map((h) => [h.id, h.matchedBy])).toEqual([[people.zhangsanfeng.id, 'phone']]);
    // Same last four, another number: not a hit.
    expect(await search('13900001234')).toEqual([]);
    const fixed = await hall.call('residents.create', residentInput({ name: '钱固话', idNumber: idFor('1975-02-03', 61), phone: '010-66661234' }));
    expect((await search('01066661234')).map((h) => [h.id, h.matchedBy])).toEqual([[fixed.id, 'phone']]);
    expect((await search('(010)6666-1234')).map((h) => h.id)).toEqual([fixed.id]);
    expect((await search('010-66661234', { includeArchived: false })).map((h) => h.id)).toEqual([fixed.id]);
  });

  it("finds by the phone number's last four digits", async () => {
    const hits = await search('5678');
    expect(hits.map((h) => [h.name, h.matchedBy])).toContainEqual(['张三丰', 'phone_suffix']);
    expect(hits[0].phoneMasked).toBe('138****5678');
  });

  it('finds by address in the forms people type', async () => {
    for (const q of ['3栋2单元501', '3-2-501', '3幢2单元501室', '幸福小区3栋2单元501', '３栋２单元５０１']) {
      const hits = await search(q);
      expect(
        hits.map((h) => [h.name, h.matchedBy, h.address]),
        q,
      ).toEqual([['张三', 'address', '幸福小区3栋2单元501']]);
    }
    // No unit: every unit's 501 in building 3.
    expect((await search('3栋501')).map((h) => h.name).sort()).toEqual(['张三', '张三丰'].sort());
    expect(await search('9栋2单元501')).toEqual([]);
    expect(await search('别的小区3栋2单元501')).toEqual([]);
  });

  it('respects the limit and returns nothing for nonsense', async () => {
    expect(await search('张', { limit: 1 })).toHaveLength(1);
    expect(await searchAll('qqqq')).toEqual([]);
    expect(await searchAll('!')).toEqual([]);
  });
});
