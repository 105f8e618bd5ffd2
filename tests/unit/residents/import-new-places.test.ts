import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestHall, sourceWorker, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { commit, csv, makeId } from '../../fixtures/residents/support';
import { floorOfRoom } from '../../../src/main/core/features/residents/import/new-places';
import type { ImportPreview } from '../../../src/shared/contract/residents/imports';

/**
 * A new community's first import (issue #11 §1): its register names compounds, buildings and rooms the
 * registry does not have yet, has no 小区 or 人员类别 column, and heads its columns 公民身份号码 / 户籍性质 / 楼栋.
 */
let hall: TestHall;

const count = (sql: string, ...params: unknown[]) => (hall.core.services.sqlite.prepare(sql).get(...params) as { n: number }).n;
const a = makeId('150203', '1960-02-03', 11);
const b = makeId('150203', '1962-04-05', 12);
const c = makeId('150203', '1990-06-07', 13);
const d = makeId('150203', '1985-08-09', 14);
const register = csv([
  ['姓名', '公民身份号码', '户籍性质', '楼栋', '单元', '房号', '户号', '与户主关系'],
  ['周大', a, '本地', '3栋', '1', '301', 'TH-1', '户主'],
  ['吴二', b, '本地', '3栋', '1', '301', 'TH-1', '配偶'],
  ['郑三', c, '外地', '5号楼', '2单元', '1203', '', ''],
  ['王四', d, '', '5号楼', '', '101室', '', ''],
]);

async function preview(body: string, extra: Record<string, unknown> = {}): Promise<ImportPreview> {
  return hall.call('residents.importPreview', { fileName: '花名册.csv', contentBase64: Buffer.from(body).toString('base64'), ...extra });
}

describe('the first import into a community with no places', () => {
  beforeEach(async () => {
    hall = await openTestHall();
  });
  afterEach(() => hall.close());

  it('recognises 公民身份号码 / 户籍性质 / 楼栋 and reads 本地 / 外地 as 户籍 / 流动人口', async () => {
    const p = await preview(register, { constants: { compound: '泰和小区' } });
    expect(p.mapping).toMatchObject({ idNumber: '公民身份号码', status: '户籍性质', building: '楼栋', unit: '单元', room: '房号' });
    expect(p.unmappedHeaders).toEqual([]);
    expect(p.constants).toEqual({ compound: '泰和小区' });
  });

  it('lists the places the file names that do not exist, and refuses the rows until they are created', async () => {
    const p = await preview(register, { constants: { compound: '泰和小区', status: '户籍' } });
    expect(p.counts).toEqual({ add: 0, update: 0, unchanged: 0, reject: 4 });
    expect(p.rows[0].problems[0]).toMatchObject({ field: 'compound', code: 'import.unknown_compound', params: { compound: '泰和小区' } });
    // Each refused row shows the address it names.
    expect(p.rows.map((r) => r.address)).toEqual(['泰和小区3栋1单元301', '泰和小区3栋1单元301', '泰和小区5栋2单元1203', '泰和小区5栋101']);
    expect(p.createPlaces).toBe(false);
    expect(p.newPlaces).toEqual({
      grids: ['未分网格'],
      compounds: ['泰和小区'],
      buildings: ['泰和小区3栋', '泰和小区5栋'],
      houses: ['泰和小区3栋1单元301', '泰和小区5栋2单元1203', '泰和小区5栋101'],
      houseCount: 3,
    });
    expect(count('SELECT count(*) AS n FROM compounds')).toBe(0);
  });

  it('creates them in the import, in its transaction, with a grid when the registry has none, and places the people', async () => {
    const p = await preview(register, { constants: { compound: '泰和小区' }, createPlaces: true });
    expect(p.counts).toEqual({ add: 3, update: 0, unchanged: 0, reject: 1 });
    // 王四's 户籍性质 is empty: 人员类别 is required for a new person.
    expect(p.rows.find((r) => r.name === '王四')!.problems).toEqual([{ row: 5, field: 'status', code: 'import.required' }]);
    expect(p.rows.find((r) => r.name === '郑三')!.address).toBe('泰和小区5栋2单元1203');
    // Nothing is written by the preview.
    expect(count('SELECT count(*) AS n FROM buildings')).toBe(0);

    const end = await commit(hall, p.importId);
    expect(end.done?.summary).toEqual({ added: 3, updated: 0, unchanged: 0, rejected: 1 });
    const rows = hall.core.services.sqlite
      .prepare(
        `SELECT r.name, r.status, c.name AS compound, b.name AS building, b.floors, h.unit, h.room, h.floor, h.address_key, g.name AS grid
           FROM residents r JOIN houses h ON h.id = r.house_id JOIN buildings b ON b.id = h.building_id AND b.id = r.building_id
           JOIN compounds c ON c.id = b.compound_id JOIN grids g ON g.id = b.grid_id AND g.id = r.grid_id ORDER BY r.name`,
      )
      .all();
    expect(rows).toEqual([
      {
        name: '吴二',
        status: '户籍',
        compound: '泰和小区',
        building: '3',
        floors: 3,
        unit: '1',
        room: '301',
        floor: 3,
        address_key: '3-1-301',
        grid: '未分网格',
      },
      {
        name: '周大',
        status: '户籍',
        compound: '泰和小区',
        building: '3',
        floors: 3,
        unit: '1',
        room: '301',
        floor: 3,
        address_key: '3-1-301',
        grid: '未分网格',
      },
      {
        name: '郑三',
        status: '流动人口',
        compound: '泰和小区',
        building: '5',
        floors: 12,
        unit: '2',
        room: '1203',
        floor: 12,
        address_key: '5-2-1203',
        grid: '未分网格',
      },
    ]);
    // The room only 王四 (refused) named is not made; the household is in its house; the audit says what was made.
    expect(count("SELECT count(*) AS n FROM houses WHERE room = '101'")).toBe(0);
    expect(count("SELECT count(*) AS n FROM households h JOIN houses o ON o.id = h.house_id WHERE h.number = 'TH-1' AND o.room = '301'")).toBe(1);
    const audit = hall.core.services.sqlite.prepare("SELECT after_json FROM audit_log WHERE action = 'residents.import'").get() as { after_json: string };
    expect(JSON.parse(audit.after_json).placesMade).toEqual({ grids: 1, compounds: 1, buildings: 2, houses: 2 });
    // …and the people are in the 楼盘表.
    const buildings = await hall.call('residents.listBuildings', {});
    const five = buildings.find((x) => x.name === '5')!;
    const view = await hall.call('residents.buildingView', { buildingId: five.id });
    expect(view.cells.find((x) => x.room === '1203')).toMatchObject({ unit: '2', floor: 12, occupants: 1 });
    expect(view.floors[0]).toBe(12);
  });

  it("one value for every row: 人员类别 = 户籍 and 小区 given, as the CLI's --set does", async () => {
    const body = csv([
      ['姓名', '公民身份号码', '楼栋', '房号'],
      ['周大', a, '3', '301'],
    ]);
    const p = await preview(body, { constants: { compound: '泰和小区', status: '户籍' }, createPlaces: true });
    expect(p.counts.add).toBe(1);
    await commit(hall, p.importId);
    expect(hall.core.services.sqlite.prepare('SELECT status FROM residents').get()).toEqual({ status: '户籍' });
  });

  it('a compound spelled otherwise is mapped to the existing one, and its existing building and room are used', async () => {
    const places = await makePlaces(hall);
    const body = csv([
      ['小区', '姓名', '公民身份号码', '户籍性质', '楼栋', '单元', '房号'],
      ['幸福', '周大', a, '户籍', '3', '1', '101'],
    ]);
    const unmapped = await preview(body);
    expect(unmapped.newPlaces.compounds).toEqual(['幸福']);
    const p = await preview(body, { compoundAliases: { 幸福: '幸福小区' } });
    expect(p.newPlaces).toMatchObject({ compounds: [], buildings: [], houseCount: 0 });
    expect(p.rows[0]).toMatchObject({ action: 'add', address: '幸福小区3栋1单元101' });
    await commit(hall, p.importId);
    expect(hall.core.services.sqlite.prepare('SELECT house_id FROM residents').get()).toEqual({ house_id: places.house('1', '101') });
    expect(count('SELECT count(*) AS n FROM compounds')).toBe(1);
  });

  it('a new building goes into the grid the row names; with several grids and none named, the row says so', async () => {
    await makePlaces(hall);
    await hall.call('residents.saveGrid', { code: 'G02', name: '第二网格', workerUserId: null, workerName: '', workerPhone: '', complaintPhone: '' });
    const body = csv([
      ['小区', '姓名', '公民身份号码', '户籍性质', '楼栋', '房号', '网格'],
      ['幸福小区', '周大', a, '户籍', '8', '101', '第二网格'],
      ['幸福小区', '吴二', b, '户籍', '9', '101', ''],
    ]);
    const p = await preview(body, { createPlaces: true });
    expect(p.rows.find((r) => r.name === '吴二')!.problems).toEqual([
      { row: 3, field: 'grid', code: 'import.grid_needed', params: { building: '幸福小区9栋' } },
    ]);
    await commit(hall, p.importId);
    const grid = hall.core.services.sqlite.prepare("SELECT g.name FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.name = '8'").get();
    expect(grid).toEqual({ name: '第二网格' });
  });

  it('a grid the file names is made with a code of its own where an archived grid holds that code', async () => {
    const old = await hall.call('residents.saveGrid', {
      code: '东区',
      name: '旧东区',
      workerUserId: null,
      workerName: '',
      workerPhone: '',
      complaintPhone: '',
    });
    hall.core.services.sqlite.prepare('UPDATE grids SET archived = 1 WHERE id = ?').run(old.id);
    const body = csv([
      ['小区', '姓名', '公民身份号码', '户籍性质', '楼栋', '房号', '网格'],
      ['泰和小区', '周大', a, '户籍', '3', '301', '东区'],
    ]);
    const p = await preview(body, { createPlaces: true });
    expect(p.newPlaces.grids).toEqual(['东区']);
    const end = await commit(hall, p.importId);
    expect(end.done?.summary).toMatchObject({ added: 1 });
    expect(hall.core.services.sqlite.prepare('SELECT g.code, g.name FROM residents r JOIN grids g ON g.id = r.grid_id').get()).toEqual({
      code: '东区-2',
      name: '东区',
    });
  });

  it('keeps the planned ids when the commit plans again after a change, and uses a place made in between', async () => {
    const p = await preview(register, { constants: { compound: '泰和小区', status: '户籍' }, createPlaces: true });
    // Meanwhile a clerk creates the compound by hand.
    const made = await hall.call('residents.saveCompound', { name: '泰和小区' });
    const end = await commit(hall, p.importId);
    expect(end.failed?.error).toBeUndefined();
    expect(end.done?.summary).toMatchObject({ added: 4, rejected: 0 });
    expect(count('SELECT count(*) AS n FROM compounds')).toBe(1);
    expect(count('SELECT count(*) AS n FROM buildings WHERE compound_id = ?', made.id)).toBe(2);
  });
});

describe('the commit in a worker thread (its own connection) creates the planned places too', () => {
  it('compound, grid, buildings and rooms, with the people placed', async () => {
    hall = await openTestHall({ workers: { importCommit: sourceWorker('src/main/core/features/residents/import/commit-worker.ts') } });
    try {
      const p = await preview(register, { constants: { compound: '泰和小区', status: '户籍' }, createPlaces: true });
      const end = await commit(hall, p.importId);
      expect(end.done?.summary).toEqual({ added: 4, updated: 0, unchanged: 0, rejected: 0 });
      expect(
        count(
          'SELECT count(*) AS n FROM residents r JOIN houses h ON h.id = r.house_id JOIN buildings b ON b.id = h.building_id JOIN grids g ON g.id = b.grid_id',
        ),
      ).toBe(4);
      expect(count('SELECT count(*) AS n FROM houses')).toBe(3);
    } finally {
      await hall.close();
    }
  });
});

describe('floorOfRoom', () => {
  it.each([
    ['301', 3],
    ['1203', 12],
    ['12', 1],
    ['A01', 1],
    ['101-1', 1],
    ['0101', 1],
    ['20001', 200],
    ['99901', 1],
  ] as const)('%s → %d', (room, floor) => {
    expect(floorOfRoom(room)).toBe(floor);
  });
});
