import type { Role } from '../../permissions';

/** What the resident registry lets a role do. src/shared/permissions.ts adds these to the foundation's. */
export const residentsPermissions = [
  'residents.read', // lists, pages, search: masked values only
  'residents.write', // add and change residents and households
  'residents.places', // grids, buildings, rooms, tags, visit policy, coded lists
  'residents.visit', // record home visits
  'residents.reveal', // see a full ID number or phone, with a reason, audited
  'residents.import',
  'residents.export_full', // exports with full ID numbers
] as const;
export type ResidentsPermission = (typeof residentsPermissions)[number];

/** Which roles hold which of them (the administrator holds every permission anyway). */
export const residentsGrants: Partial<Record<Role, readonly ResidentsPermission[]>> = {
  clerk: ['residents.read', 'residents.write', 'residents.places', 'residents.visit', 'residents.reveal', 'residents.import'],
  treasurer: ['residents.read'],
  secretary: ['residents.read'],
  grid_worker: ['residents.read', 'residents.write', 'residents.visit'],
  // The auditor reads everything and changes nothing; masked values only.
  auditor: ['residents.read'],
};
