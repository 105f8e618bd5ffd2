import { residentsGrants, residentsPermissions } from './contract/residents/permissions';
import { councilGrants, councilPermissions } from './contract/council/permissions';
import { charityGrants, charityPermissions } from './contract/charity/permissions';
import { hallGrants, hallPermissions } from './contract/hall/permissions';

/**
 * Roles and what they may do. Checked in main for every method call; the renderer only uses this to hide
 * what a user could not run anyway.
 */
export const roles = ['admin', 'clerk', 'treasurer', 'secretary', 'grid_worker', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** The foundation's own permissions; each area declares its own in src/shared/contract/<area>/permissions.ts. */
const foundationPermissions = [
  'community.manage', // community profile and settings
  'users.manage', // create accounts, roles, disable, reset passwords
  'audit.read',
  'backups.run',
  'backups.restore',
  'backups.to_folder', // a complete copy of the file in a folder of one's choosing (a USB stick): administrators
  'backups.export_key', // the field key, written to a folder apart from the data: administrators
  'reports.run',
] as const;

const foundationGrants: Partial<Record<Role, readonly FoundationPermission[]>> = {
  clerk: ['reports.run', 'backups.run'],
  treasurer: ['reports.run', 'backups.run'],
  secretary: ['reports.run', 'backups.run'],
  grid_worker: ['reports.run'],
  auditor: ['audit.read', 'reports.run'],
};
type FoundationPermission = (typeof foundationPermissions)[number];

/**
 * The areas' permissions and grants: one line per area, in the areas' order. (Both come from the area's
 * permissions file, which imports only the Role type from here.)
 */
const areaPermissions = [
  { permissions: residentsPermissions, grants: residentsGrants },
  { permissions: councilPermissions, grants: councilGrants },
  { permissions: charityPermissions, grants: charityGrants },
  { permissions: hallPermissions, grants: hallGrants },
] as const;

export const permissions = [...foundationPermissions, ...areaPermissions.flatMap((a) => a.permissions)];
export type Permission = FoundationPermission | (typeof areaPermissions)[number]['permissions'][number];

function grantsOf(role: Role): readonly Permission[] {
  if (role === 'admin') return permissions;
  const fromAreas = areaPermissions.flatMap((a): readonly Permission[] => (a.grants as Partial<Record<Role, readonly Permission[]>>)[role] ?? []);
  return [...(foundationGrants[role] ?? []), ...fromAreas];
}

export const rolePermissions = {
  admin: grantsOf('admin'),
  clerk: grantsOf('clerk'),
  treasurer: grantsOf('treasurer'),
  secretary: grantsOf('secretary'),
  grid_worker: grantsOf('grid_worker'),
  auditor: grantsOf('auditor'),
} satisfies Record<Role, readonly Permission[]>;

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of userRoles) for (const p of rolePermissions[role] ?? []) out.add(p);
  return out;
}
