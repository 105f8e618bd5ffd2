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
] as const;
export type Permission = (typeof permissions)[number];

const everything = [...permissions];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: everything,
  clerk: ['reports.run', 'backups.run'],
  treasurer: ['reports.run', 'backups.run'],
  secretary: ['reports.run', 'backups.run'],
  grid_worker: ['reports.run'],
  // The auditor reads everything and changes nothing.
  auditor: ['audit.read', 'reports.run'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of userRoles) for (const p of rolePermissions[role] ?? []) out.add(p);
  return out;
}
