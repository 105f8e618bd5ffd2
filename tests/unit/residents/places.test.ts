import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, openTestHall, type TestHall } from '../support/core';
import { makePlaces } from './places-fixture';
import { idFor, residentInput } from './fixture';
import { cellState } from '../../../src/main/core/features/residents/places/service';
import { houseAddressKey, parseAddressQuery } from '../../../src/main/core/features/residents/address';

let hall: TestHall;
beforeAll(async () => {
  hall = await openTestHall();
});
afterAll(async () => {
  await hall.close();
});

describe('places', () => {
  it('makes a building with its rooms and lists grids, compounds and buildings', async () => {
    const { grid, compound, building } = await makePlaces(hall);
    expect(building).toMatchObject({ name: '3', label: '幸福小区 3栋', compoundName: '幸福小区', gridName: '第一网格', floors: 6 });
    expect((await hall.call('residents.listGrids', {}))[0]).toMatchObject({ id: grid.id, code: 'G01', buildingCount: 1 });
    expect(await hall.call('residents.listCompounds', {})).toEqual([{ id: compound.id, name: '幸福小区' }]);
    expect(await hall.call('residents.listBuildings', { gridId: grid.id })).toHaveLength(1);
    const view = await hall.call('residents.buildingView', { buildingId: building.id });
    expect(view.units).toEqual(['1', '2']);
    expect(view.floors).toEqual([6, 5, 4, 3, 2, 1]);
    expect(view.cells).toHaveLength(24);
    expect(view.cells.every((c) => c.state === 'vacant' && c.occupants === 0)).toBe(true);
    const house = await hall.call('residents.getHouse', { id: view.cells.find((c) => c.unit === '2' && c.room === '501')!.houseId });
    expect(house).toMatchObject({ address: '幸福小区3栋2单元501', unit: '2', floor: 5, room: '501', households: [] });
    const key = hall.core.services.sqlite.prepare('SELECT address_key FROM houses WHERE id = ?').get(house.id) as { address_key: string };
    expect(key.address_key).toBe('3-2-501');
  });

  it('refuses duplicates with field errors and audits each save', async () => {
    const err = await hall.fail('residents.saveGrid', { code: 'G01', name: '又一个' });
    expect(err).toMatchObject({ code: 'residents.grid_code_taken', fields: { code: 'residents.grid_code_taken' } });
    expect((await hall.fail('residents.saveCompound', { name: '幸福小区' })).code).toBe('residents.compound_name_taken');
    const [building] = await hall.call('residents.listBuildings', {});
    expect((await hall.fail('residents.saveBuilding', { compoundId: building.compoundId, gridId: building.gridId, name: '3幢', floors: 3 })).code).toBe(
      'residents.building_name_taken',
    );
    expect((await hall.fail('residents.saveHouse', { buildingId: building.id, unit: '2单元', floor: 5, room: '501室' })).code).toBe('residents.house_exists');
    const audit = await hall.call('audit.list', { limit: 50, area: 'residents' });
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['residents.saveGrid', 'residents.saveCompound', 'residents.saveBuilding']));
  });

  it('renaming a building re-keys its houses; a house without units reads 幸福小区8栋501', async () => {
    const [building] = await hall.call('residents.listBuildings', {});
    const renamed = await hall.call('residents.saveBuilding', {
      id: building.id,
      compoundId: building.compoundId,
      gridId: building.gridId,
      name: '8',
      floors: 6,
    });
    expect(renamed.label).toBe('幸福小区 8栋');
    const keys = hall.core.services.sqlite.prepare("SELECT address_key FROM houses WHERE building_id = ? AND unit = '1' AND room = '101'").get(building.id) as {
      address_key: string;
    };
    expect(keys.address_key).toBe('8-1-101');
    const h = await hall.call('residents.saveHouse', { buildingId: building.id, floor: 5, room: '501', use: '商用' });
    expect(h).toMatchObject({ unit: '无', address: '幸福小区8栋501', use: '商用' });
    const view = await hall.call('residents.buildingView', { buildingId: building.id });
    expect(view.cells.find((c) => c.houseId === h.id)?.state).toBe('business');
  });

  it('a room registered 空置 that people live in is drawn occupied and flagged, on the 楼盘表 and the house', async () => {
    const building = await hall.call('residents.saveBuilding', {
      compoundId: (await hall.call('residents.listCompounds', {}))[0].id,
      gridId: (await hall.call('residents.listGrids', {}))[0].id,
      name: '9',
      floors: 2,
      layout: { units: 1, roomsPerFloor: 2 },
    });
    const cellAt = async (room: string) => (await hall.call('residents.buildingView', { buildingId: building.id })).cells.find((c) => c.room === room)!;
    const vacant = await cellAt('101');
    const lived = await cellAt('102');
    const rented = await cellAt('201');
    for (const [cell, use] of [
      [vacant, '空置'],
      [lived, '空置'],
      [rented, '出租'],
    ] as const)
      await hall.call('residents.saveHouse', { id: cell.houseId, buildingId: building.id, unit: cell.unit, floor: cell.floor, room: cell.room, use });
    await hall.call('residents.create', residentInput({ name: '住空房', idNumber: idFor('1970-01-01', 11), houseId: lived.houseId }));
    await hall.call('residents.create', residentInput({ name: '也住空房', idNumber: idFor('1971-01-01', 21), houseId: lived.houseId }));
    await hall.call('residents.create', residentInput({ name: '租客', idNumber: idFor('1990-01-01', 31), houseId: rented.houseId }));
    // Someone who moved out no longer counts.
    const gone = await hall.call('residents.create', residentInput({ name: '已搬走', idNumber: idFor('1960-01-01', 41), houseId: vacant.houseId }));
    await hall.call('residents.moveOut', { id: gone.id, on: '2026-01-01' });

    expect(await cellAt('101')).toMatchObject({ use: '空置', state: 'vacant', occupants: 0, vacantButOccupied: false });
    expect(await cellAt('102')).toMatchObject({ use: '空置', state: 'occupied', occupants: 2, vacantButOccupied: true });
    expect(await cellAt('201')).toMatchObject({ use: '出租', state: 'rented', occupants: 1, vacantButOccupied: false });
    expect(await hall.call('residents.getHouse', { id: lived.houseId })).toMatchObject({ use: '空置', occupants: 2, vacantButOccupied: true });
    expect(await hall.call('residents.getHouse', { id: vacant.houseId })).toMatchObject({ use: '空置', occupants: 0, vacantButOccupied: false });
    expect(cellState('空置', 3)).toBe('occupied');
    expect(cellState('空置', 0)).toBe('vacant');
    expect(cellState('商用', 2)).toBe('business');
  });

  it('needs residents.places to change places', async () => {
    const worker = await addUser(hall, 'gw1', ['grid_worker']);
    expect((await hall.fail('residents.saveCompound', { name: '新小区' }, worker)).code).toBe('auth.forbidden');
    expect(await hall.call('residents.listCompounds', {}, worker)).toHaveLength(1);
  });
});

describe('address parsing', () => {
  it('reads the forms people type', () => {
    expect(parseAddressQuery('3栋2单元501')).toEqual({ compound: null, building: '3', unit: '2', room: '501' });
    expect(parseAddressQuery('3幢2单元501室')).toEqual({ compound: null, building: '3', unit: '2', room: '501' });
    expect(parseAddressQuery('3-2-501')).toEqual({ compound: null, building: '3', unit: '2', room: '501' });
    expect(parseAddressQuery('3栋501')).toEqual({ compound: null, building: '3', unit: null, room: '501' });
    expect(parseAddressQuery('3号楼501')).toEqual({ compound: null, building: '3', unit: null, room: '501' });
    expect(parseAddressQuery('幸福小区3栋2单元501')).toEqual({ compound: '幸福小区', building: '3', unit: '2', room: '501' });
    expect(parseAddressQuery('３栋２单元５０１')).toEqual({ compound: null, building: '3', unit: '2', room: '501' });
    expect(parseAddressQuery('张三')).toBeNull();
    expect(parseAddressQuery('0021')).toBeNull();
    expect(houseAddressKey('3栋', '2单元', '501室')).toBe('3-2-501');
    expect(houseAddressKey('3', '', '501')).toBe('3-无-501');
  });
});
