import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../../src/shared/contract';
import { openTestHall, type TestHall } from '../support/core';
import { idFor, makePlaces, residentInput, tagId } from './fixture';
import { commit, csv, preview } from '../../fixtures/residents/support';

/**
 * A grid's list of a tag is read from the tag's links alone (each carrying its resident's grid, migration
 * 0017), so every way a resident changes grid or tag must reach the links: a move to a house in another
 * grid, a building put in another grid, tags set and unset, and an import (new people, and people it moves).
 * After each, the list walked page by page is the truth read from residents themselves.
 */

let hall: TestHall;
let grid1: string;
let grid2: string;
let gaoling: string;
let compound: string;
let building1: string;
let room1: (unit: string, room: string) => string;
let room2: (room: string) => string;

beforeAll(async () => {
  hall = await openTestHall();
  const p = await makePlaces(hall);
  grid1 = p.grid.id;
  compound = p.compound.id;
  building1 = p.building.id;
  room1 = p.house;
  grid2 = (await hall.call('residents.saveGrid', { code: 'G02', name: '第二网格' })).id;
  const b2 = await hall.call('residents.saveBuilding', { compoundId: compound, gridId: grid2, name: '5栋', floors: 3, layout: { units: 0, roomsPerFloor: 3 } });
  const view2 = await hall.call('residents.buildingView', { buildingId: b2.id });
  room2 = (room) => view2.cells.find((c) => c.room === room)!.houseId;
  gaoling = await tagId(hall, '高龄');
  const names = ['周老', '艾老', '丁老', '张老', '安老', '赵老', '白老', '钱老'];
  for (const [i, name] of names.entries())
    await hall.call(
      'residents.create',
      residentInput({
        name,
        idNumber: idFor(`19${30 + i}-0${1 + (i % 9)}-1${i}`, 500 + i),
        houseId: i % 2 === 0 ? room1('1', `${1 + (i % 6)}01`) : room2(`${1 + (i % 3)}0${1 + (i % 3)}`),
        tagIds: i % 4 === 3 ? [] : [gaoling],
        acknowledgeSimilar: true,
      }),
    );
}, 60_000);
afterAll(() => hall.close());

/** The grid's residents with the tag, from residents and the links' existence only, in the list's order. */
function truth(gridId: string, sort: 'name' | 'birthDate', direction: 'asc' | 'desc'): string[] {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const order = sort === 'name' ? `r.name_pinyin ${dir}, r.name ${dir}, r.id ${dir}` : `r.birth_date ${dir}, r.id ${dir}`;
  const rows = hall.core.services.sqlite
    .prepare(
      `SELECT r.id FROM residents r WHERE r.archived = 0 AND r.grid_id = ?
         AND EXISTS (SELECT 1 FROM resident_tags rt WHERE rt.resident_id = r.id AND rt.tag_id = ?) ORDER BY ${order}`,
    )
    .all(gridId, gaoling) as { id: string }[];
  return rows.map((r) => r.id);
}

async function walk(f: Input<'residents.list'>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const r: Output<'residents.list'> = await hall.call('residents.list', { ...f, cursor, limit: 2 });
    seen.push(...r.rows.map((x) => x.id));
    cursor = r.nextCursor;
  } while (cursor);
  return seen;
}

async function expectListsInStep(what: string) {
  const stale = hall.core.services.sqlite
    .prepare('SELECT count(*) FROM resident_tags rt JOIN residents r ON r.id = rt.resident_id WHERE rt.grid_id IS NOT r.grid_id')
    .pluck()
    .get();
  expect(stale, what).toBe(0);
  for (const gridId of [grid1, grid2]) {
    for (const sort of ['name', 'birthDate'] as const)
      for (const direction of ['asc', 'desc'] as const) {
        const input = { gridId, tagId: gaoling, sort, direction, archived: 'active' as const };
        expect(await walk(input), `${what} ${JSON.stringify(input)}`).toEqual(truth(gridId, sort, direction));
      }
    const { count } = await hall.call('residents.count', { gridId, tagId: gaoling });
    expect(count, `${what}: count`).toBe(truth(gridId, 'name', 'asc').length);
  }
}

const idOf = (name: string) => (hall.core.services.sqlite.prepare('SELECT id FROM residents WHERE name = ?').get(name) as { id: string }).id;

describe("a grid's list of a tag follows every change of grid or tag", () => {
  it('as created', async () => {
    expect(truth(grid1, 'name', 'asc').length).toBeGreaterThan(1);
    expect(truth(grid2, 'name', 'asc').length).toBeGreaterThan(1);
    await expectListsInStep('created');
  });

  it('a resident moved to a house in another grid', async () => {
    const id = idOf('艾老');
    const before = (await hall.call('residents.get', { id })).resident;
    expect(before.gridId).toBe(grid2);
    await hall.call('residents.update', {
      ...residentInput({ name: before.name, idNumber: '', docType: '其他', birthDate: before.birthDate, houseId: room1('2', '301'), tagIds: [gaoling] }),
      id,
      acknowledgeSimilar: true,
    });
    expect(truth(grid1, 'name', 'asc')).toContain(id);
    await expectListsInStep('moved');
  });

  it('a building put in another grid', async () => {
    await hall.call('residents.saveBuilding', { id: building1, compoundId: compound, gridId: grid2, name: '3栋', floors: 6 });
    expect(truth(grid1, 'name', 'asc')).toEqual([]);
    await expectListsInStep('building regridded');
    await hall.call('residents.saveBuilding', { id: building1, compoundId: compound, gridId: grid1, name: '3栋', floors: 6 });
    await expectListsInStep('building back');
  });

  it('tags set and unset', async () => {
    await hall.call('residents.setTags', { id: idOf('张老'), tagIds: [gaoling] });
    await hall.call('residents.setTags', { id: idOf('周老'), tagIds: [] });
    expect(truth(grid1, 'name', 'asc')).not.toContain(idOf('周老'));
    await expectListsInStep('retagged');
  });

  it('an import: a new person with the tag, and a person it moves to another grid', async () => {
    const dingId = idFor('1932-03-12', 502);
    const file = csv([
      ['姓名', '身份证号码', '人员类型', '小区', '楼栋', '单元', '房号', '户号', '与户主关系', '标签', '网格'],
      ['孙老', idFor('1928-07-08', 601), '户籍', '幸福小区', '3栋', '2单元', '601', 'GT-1', '户主', '高龄', '第一网格'],
      ['丁老', dingId, '户籍', '幸福小区', '5栋', '', '302', 'GT-2', '户主', '高龄', '第二网格'],
    ]);
    const p = await preview(hall, '网格标签.csv', file);
    expect(p.counts, JSON.stringify(p.rows)).toMatchObject({ add: 1, update: 1, reject: 0 });
    const end = await commit(hall, p.importId);
    expect(end.failed).toBeUndefined();
    expect(truth(grid1, 'name', 'asc')).toContain(idOf('孙老'));
    expect(truth(grid2, 'name', 'asc')).toContain(idOf('丁老'));
    await expectListsInStep('imported');
  });
});
