import { charityPermissions, charityRolePermissions } from './charity-permissions';

/**
 * Roles and what they may do. Checked in main for every method call; the renderer only uses this to hide
 * what a user could not run anyway.
 */
export const roles = ['admin', 'clerk', 'treasurer', 'secretary', 'grid_worker', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'community.manage', // community profile and settings
  'users.manage', // create accounts, roles, disable, reset passwords
  'audit.read',
  'backups.run',
  'backups.restore',
  'reports.run',
  'residents.read', // lists, pages, search: masked values only
  'residents.write', // add and change residents and households
  'residents.places', // grids, buildings, rooms, tags, visit policy, coded lists
  'residents.visit', // record home visits
  'residents.reveal', // see a full ID number or phone, with a reason, audited
  'residents.import',
  'residents.export_full', // exports with full ID numbers
  ...charityPermissions,
] as const;
export type Permission = (typeof permissions)[number];

const everything = [...permissions];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: everything,
  clerk: ['reports.run', 'backups.run', 'residents.read', 'residents.write', 'residents.places', 'residents.visit', 'residents.reveal', 'residents.import',
    ...charityRolePermissions.clerk],
  treasurer: ['reports.run', 'backups.run', 'residents.read', ...charityRolePermissions.treasurer],
  secretary: ['reports.run', 'backups.run', 'residents.read'],
  grid_worker: ['reports.run', 'residents.read', 'residents.write', 'residents.visit'],
  // The auditor reads everything and changes nothing; masked values only.
  auditor: ['audit.read', 'reports.run', 'residents.read', ...charityRolePermissions.auditor],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of userRoles) for (const p of rolePermissions[role] ?? []) out.add(p);
  return out;
}
