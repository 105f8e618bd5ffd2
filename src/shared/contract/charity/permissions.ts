import type { Role } from '../../permissions';

/** What the charity ledger lets a role do. src/shared/permissions.ts adds these to the foundation's. */
export const charityPermissions = [
  'charity.read', // funds, journal, donations, receipts, applications, notices
  'charity.record', // donors, donations and batches, receipts, payments, reconciliation
  'charity.apply', // file and review aid applications
  'charity.approve', // decide aid applications (never one's own: maker–checker)
  'charity.publish', // close months, reverse entries, publish public notices, funds
  'charity.reveal', // a donor's full contact, with a reason, audited
] as const;
export type CharityPermission = (typeof charityPermissions)[number];

/** Which roles hold which of them (the administrator holds every permission anyway). */
export const charityGrants: Partial<Record<Role, readonly CharityPermission[]>> = {
  clerk: ['charity.read', 'charity.apply'],
  treasurer: ['charity.read', 'charity.record', 'charity.apply', 'charity.approve', 'charity.publish', 'charity.reveal'],
  auditor: ['charity.read'],
};
