import { z } from 'zod';
import { method, returns } from '../define';
import { id, optionalDate } from './common';

export const houseUses = ['自住', '出租', '空置', '商用'] as const;
export const residenceRelations = ['人户一致', '人在户不在', '户在人不在'] as const;

export interface Grid {
  id: string;
  code: string;
  name: string;
  workerUserId: string | null;
  workerName: string;
  workerPhone: string;
  complaintPhone: string;
  buildingCount: number;
}
export interface Compound {
  id: string;
  name: string;
}
export interface Building {
  id: string;
  name: string;
  /** "幸福小区 3栋" */
  label: string;
  compoundId: string;
  compoundName: string;
  gridId: string;
  gridName: string;
  floors: number;
}
export interface House {
  id: string;
  buildingId: string;
  unit: string;
  floor: number;
  room: string;
  /** "幸福小区3栋2单元501" */
  address: string;
  use: (typeof houseUses)[number];
  ownerName: string;
  landlordName: string;
  leaseStart: string | null;
  leaseEnd: string | null;
  rentalRegistrationNo: string;
}
export interface BuildingCell {
  houseId: string;
  unit: string;
  floor: number;
  room: string;
  use: House['use'];
  occupants: number;
  householdIds: string[];
  /** What the 楼盘表 colours: rented beats occupied; an overdue visit is shown on top of either. */
  state: 'occupied' | 'rented' | 'vacant' | 'business';
  /** Registered as 空置 while people live there: drawn as occupied, and flagged for the clerk to check. */
  vacantButOccupied: boolean;
  visitOverdue: boolean;
}
export interface BuildingView {
  building: Building;
  units: string[];
  floors: number[];
  cells: BuildingCell[];
}

export const gridInput = z.object({
  id: id.optional(),
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(40),
  workerUserId: id.nullable().default(null),
  workerName: z.string().trim().max(20).default(''),
  workerPhone: z.string().trim().max(30).default(''),
  complaintPhone: z.string().trim().max(30).default(''),
});
export const buildingInput = z.object({
  id: id.optional(),
  compoundId: id,
  gridId: id,
  name: z.string().trim().min(1).max(20),
  floors: z.number().int().min(1).max(200),
  /** On creation: make the rooms. units 0 = the building has no units ("无"). */
  layout: z.object({ units: z.number().int().min(0).max(20), roomsPerFloor: z.number().int().min(1).max(30) }).optional(),
});
export const houseInput = z.object({
  id: id.optional(),
  buildingId: id,
  unit: z.string().trim().min(1).max(10).default('无'),
  floor: z.number().int().min(-5).max(200),
  room: z.string().trim().min(1).max(10),
  use: z.enum(houseUses).default('自住'),
  ownerName: z.string().trim().max(40).default(''),
  landlordName: z.string().trim().max(40).default(''),
  leaseStart: optionalDate,
  leaseEnd: optionalDate,
  rentalRegistrationNo: z.string().trim().max(40).default(''),
});

export const places = {
  'residents.listGrids': method({ input: z.object({}), access: 'residents.read', writes: false }, returns<Grid[]>()),
  'residents.saveGrid': method({ input: gridInput, access: 'residents.places', writes: true }, returns<Grid>()),
  'residents.listCompounds': method({ input: z.object({}), access: 'residents.read', writes: false }, returns<Compound[]>()),
  'residents.saveCompound': method(
    { input: z.object({ id: id.optional(), name: z.string().trim().min(1).max(40) }), access: 'residents.places', writes: true },
    returns<Compound>(),
  ),
  'residents.listBuildings': method(
    { input: z.object({ compoundId: id.optional(), gridId: id.optional() }), access: 'residents.read', writes: false },
    returns<Building[]>(),
  ),
  'residents.saveBuilding': method({ input: buildingInput, access: 'residents.places', writes: true }, returns<Building>()),
  'residents.buildingView': method({ input: z.object({ buildingId: id }), access: 'residents.read', writes: false }, returns<BuildingView>()),
  'residents.getHouse': method(
    { input: z.object({ id }), access: 'residents.read', writes: false },
    returns<
      House & { households: { id: string; number: string; headName: string | null; members: number }[]; occupants: number; vacantButOccupied: boolean }
    >(),
  ),
  'residents.saveHouse': method({ input: houseInput, access: 'residents.places', writes: true }, returns<House>()),
};
