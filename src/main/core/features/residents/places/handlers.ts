import { AppError } from '../../../../../shared/errors';
import type { HandlerMap } from '../../../context';
import type { HousesTable } from '../../../db/schema';
import { newId } from '../../../util/ids';
import { houseAddressKey, normaliseBuildingName, normaliseRoom, normaliseUnit } from '../address';
import { hallDay } from '../../../time/hall-day';
import * as repo from './repository';
import { buildingView, toBuilding, toCompound, toGrid, toHouse } from './service';

type PlaceMethods =
  | 'residents.listGrids'
  | 'residents.saveGrid'
  | 'residents.listCompounds'
  | 'residents.saveCompound'
  | 'residents.listBuildings'
  | 'residents.saveBuilding'
  | 'residents.buildingView'
  | 'residents.getHouse'
  | 'residents.saveHouse';

export const placesHandlers: HandlerMap<PlaceMethods> = {
  async 'residents.listGrids'(_input, ctx) {
    return (await repo.listGridRows(ctx.db)).map((r) => toGrid(r, Number(r.building_count)));
  },

  async 'residents.saveGrid'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const sameCode = await repo.findGridByCode(ctx.db, input.code);
    if (sameCode && sameCode.id !== input.id)
      throw new AppError('residents.grid_code_taken', 'That grid code is taken', { fields: { code: 'residents.grid_code_taken' } });
    if (input.workerUserId && !(await ctx.db.selectFrom('users').select('id').where('id', '=', input.workerUserId).executeTakeFirst())) {
      throw new AppError('users.not_found', 'No such account', { fields: { workerUserId: 'users.not_found' } });
    }
    const values = {
      code: input.code,
      name: input.name,
      worker_user_id: input.workerUserId,
      worker_name: input.workerName,
      worker_phone: input.workerPhone,
      complaint_phone: input.complaintPhone,
    };
    const before = input.id ? await repo.findGridRow(ctx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('residents.grid_not_found', 'No such grid');
    const id = input.id ?? newId();
    if (before) await repo.updateGrid(ctx.db, id, { ...values, updated_at: at, updated_by: by });
    else await repo.insertGrid(ctx.db, { id, ...values, archived: 0, created_at: at, created_by: by, updated_at: at, updated_by: by });
    const after = (await repo.findGridRow(ctx.db, id))!;
    const count = Number((await repo.countBuildingsInGrid(ctx.db, id)).n);
    await ctx.audit({ recordType: 'grid', recordId: id, summary: after.name, before: before && toGrid(before, count), after: toGrid(after, count) });
    return toGrid(after, count);
  },

  async 'residents.listCompounds'(_input, ctx) {
    return (await repo.listCompoundRows(ctx.db)).map(toCompound);
  },

  async 'residents.saveCompound'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const same = await repo.findCompoundByName(ctx.db, input.name);
    if (same && same.id !== input.id)
      throw new AppError('residents.compound_name_taken', 'That compound exists', { fields: { name: 'residents.compound_name_taken' } });
    const before = input.id ? await repo.findCompoundRow(ctx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('residents.compound_not_found', 'No such compound');
    const id = input.id ?? newId();
    if (before) await repo.updateCompound(ctx.db, id, { name: input.name, updated_at: at, updated_by: by });
    else await repo.insertCompound(ctx.db, { id, name: input.name, created_at: at, created_by: by, updated_at: at, updated_by: by });
    const after = (await repo.findCompoundRow(ctx.db, id))!;
    await ctx.audit({ recordType: 'compound', recordId: id, summary: after.name, before: before && toCompound(before), after: toCompound(after) });
    return toCompound(after);
  },

  async 'residents.listBuildings'(input, ctx) {
    return (await repo.listBuildingRows(ctx.db, input)).map(toBuilding);
  },

  async 'residents.saveBuilding'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const name = normaliseBuildingName(input.name);
    if (!(await repo.findCompoundRow(ctx.db, input.compoundId)))
      throw new AppError('residents.compound_not_found', 'No such compound', { fields: { compoundId: 'residents.compound_not_found' } });
    if (!(await repo.findGridRow(ctx.db, input.gridId)))
      throw new AppError('residents.grid_not_found', 'No such grid', { fields: { gridId: 'residents.grid_not_found' } });
    const same = await repo.findBuildingByName(ctx.db, input.compoundId, name);
    if (same && same.id !== input.id)
      throw new AppError('residents.building_name_taken', 'That building exists in this compound', { fields: { name: 'residents.building_name_taken' } });
    const before = input.id ? await repo.findBuildingRow(ctx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('residents.building_not_found', 'No such building');
    const id = input.id ?? newId();
    const values = { compound_id: input.compoundId, grid_id: input.gridId, name, floors: input.floors };
    let roomsMade = 0;
    if (before) {
      await repo.updateBuilding(ctx.db, id, { ...values, updated_at: at, updated_by: by });
      if (before.name !== name) await repo.rekeyHousesOfBuilding(ctx.db, id, name);
      if (before.grid_id !== input.gridId) await repo.regridResidentsOfBuilding(ctx.db, id, input.gridId);
    } else {
      await repo.insertBuilding(ctx.db, { id, ...values, created_at: at, created_by: by, updated_at: at, updated_by: by });
      if (input.layout) {
        const rooms = layoutRooms(id, name, input.floors, input.layout, at, by);
        await repo.insertHouses(ctx.db, rooms);
        roomsMade = rooms.length;
      }
    }
    const after = (await repo.findBuildingRow(ctx.db, id))!;
    await ctx.audit({
      recordType: 'building',
      recordId: id,
      summary: toBuilding(after).label,
      before: before && toBuilding(before),
      after: { ...toBuilding(after), ...(roomsMade ? { roomsMade } : {}) },
    });
    return toBuilding(after);
  },

  async 'residents.buildingView'(input, ctx) {
    const building = await repo.findBuildingRow(ctx.db, input.buildingId);
    if (!building) throw new AppError('residents.building_not_found', 'No such building');
    return buildingView(ctx.db, building, (await hallDay(ctx)).today);
  },

  async 'residents.getHouse'(input, ctx) {
    const house = await repo.findHouseRow(ctx.db, input.id);
    if (!house) throw new AppError('residents.house_not_found', 'No such house');
    const building = (await repo.findBuildingRow(ctx.db, house.building_id))!;
    const [households, occupants] = await Promise.all([repo.householdsOfHouse(ctx.db, house.id), repo.occupantsOfHouse(ctx.db, house.id)]);
    return {
      ...toHouse(house, building),
      households: households.map((h) => ({ id: h.id, number: h.number, headName: h.head_name, members: Number(h.members ?? 0) })),
      occupants,
      // The same check as the 楼盘表's cell, so the house page warns where the grid marks.
      vacantButOccupied: house.use === '空置' && occupants > 0,
    };
  },

  async 'residents.saveHouse'(input, ctx) {
    const by = ctx.actor().id;
    const at = ctx.now().toISOString();
    const building = await repo.findBuildingRow(ctx.db, input.buildingId);
    if (!building) throw new AppError('residents.building_not_found', 'No such building', { fields: { buildingId: 'residents.building_not_found' } });
    const unit = normaliseUnit(input.unit);
    const room = normaliseRoom(input.room);
    const same = await repo.findHouseAt(ctx.db, building.id, unit, room);
    if (same && same.id !== input.id)
      throw new AppError('residents.house_exists', 'That room exists in this building', { fields: { room: 'residents.house_exists' } });
    const before = input.id ? await repo.findHouseRow(ctx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('residents.house_not_found', 'No such house');
    const id = input.id ?? newId();
    const values = {
      building_id: building.id,
      unit,
      floor: input.floor,
      room,
      address_key: houseAddressKey(building.name, unit, room),
      use: input.use,
      owner_name: input.ownerName,
      landlord_name: input.landlordName,
      lease_start: input.leaseStart,
      lease_end: input.leaseEnd,
      rental_registration_no: input.rentalRegistrationNo,
    };
    let beforeView;
    if (before) {
      beforeView = toHouse(before, (await repo.findBuildingRow(ctx.db, before.building_id))!);
      await repo.updateHouse(ctx.db, id, { ...values, updated_at: at, updated_by: by });
      if (before.building_id !== building.id) await repo.replaceResidentsOfHouse(ctx.db, id, building.id, building.grid_id);
    } else {
      await repo.insertHouse(ctx.db, { id, ...values, created_at: at, created_by: by, updated_at: at, updated_by: by });
    }
    const after = toHouse((await repo.findHouseRow(ctx.db, id))!, building);
    await ctx.audit({ recordType: 'house', recordId: id, summary: after.address, before: beforeView, after });
    return after;
  },
};

/** The rooms of a new building: per unit (or "无") and floor, rooms numbered 501, 502, … */
function layoutRooms(
  buildingId: string,
  buildingName: string,
  floors: number,
  layout: { units: number; roomsPerFloor: number },
  at: string,
  by: string | null,
): HousesTable[] {
  const units = layout.units === 0 ? ['无'] : Array.from({ length: layout.units }, (_, i) => String(i + 1));
  const rows: HousesTable[] = [];
  for (const unit of units) {
    for (let floor = 1; floor <= floors; floor++) {
      for (let k = 1; k <= layout.roomsPerFloor; k++) {
        const room = `${floor}${String(k).padStart(2, '0')}`;
        rows.push({
          id: newId(),
          building_id: buildingId,
          unit,
          floor,
          room,
          address_key: houseAddressKey(buildingName, unit, room),
          use: '自住',
          owner_name: '',
          landlord_name: '',
          lease_start: null,
          lease_end: null,
          rental_registration_no: '',
          created_at: at,
          created_by: by,
          updated_at: at,
          updated_by: by,
        });
      }
    }
  }
  return rows;
}
