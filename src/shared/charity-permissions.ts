/** The charity ledger's permissions and who holds them (spread into permissions.ts). */
export const charityPermissions = [
  'charity.read', // funds, journal, donations, receipts, applications, notices
  'charity.record', // donors, donations and batches, receipts, payments, reconciliation
  'charity.apply', // file and review aid applications
  'charity.approve', // decide aid applications (never one's own: maker–checker)
  'charity.publish', // close months, reverse entries, publish public notices, funds
  'charity.reveal', // a donor's full contact, with a reason, audited
] as const;

type CharityPermission = (typeof charityPermissions)[number];

export const charityRolePermissions: Record<'clerk' | 'treasurer' | 'auditor', CharityPermission[]> = {
  clerk: ['charity.read', 'charity.apply'],
  treasurer: ['charity.read', 'charity.record', 'charity.apply', 'charity.approve', 'charity.publish', 'charity.reveal'],
  auditor: ['charity.read'],
};
