import type { Role } from '../../permissions';

/** What the service counter lets a role do. src/shared/permissions.ts adds these to the foundation's. */
export const hallPermissions = [
  'hall.read', // the catalogue, tickets, the supervision board
  'hall.accept', // register, supplement, transfer, complete, refuse, rate, follow up; print receipts
  'hall.manage', // the catalogue and the holiday calendar
] as const;
export type HallPermission = (typeof hallPermissions)[number];

/** Which roles hold which of them (the administrator holds every permission anyway). */
export const hallGrants: Partial<Record<Role, readonly HallPermission[]>> = {
  clerk: ['hall.read', 'hall.accept'],
  grid_worker: ['hall.read'],
  secretary: ['hall.read'],
  auditor: ['hall.read'],
};
