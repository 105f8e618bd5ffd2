import type { Role } from '../../permissions';

/** What the residents' council lets a role do. src/shared/permissions.ts adds these to the foundation's. */
export const councilPermissions = [
  'council.read', // bodies, members, meetings, votes, resolutions, minutes
  'council.write', // prepare and hold meetings, record votes, sign minutes
] as const;
export type CouncilPermission = (typeof councilPermissions)[number];

/** Which roles hold which of them (the administrator holds every permission anyway). */
export const councilGrants: Partial<Record<Role, readonly CouncilPermission[]>> = {
  treasurer: ['council.read'], // cites resolutions in disbursement approvals
  secretary: ['council.read', 'council.write'],
  auditor: ['council.read'],
};
