import type { BackupStatus } from '@shared/contract/backups';

/** How long without a verified backup before the hall is warned: a day, with two hours of slack. */
export const STALE_AFTER_HOURS = 26;

export type BackupHealth = { kind: 'failed' } | { kind: 'none' } | { kind: 'stale'; hours: number } | { kind: 'ok' };

export function backupHealth(status: BackupStatus, now: number = Date.now()): BackupHealth {
  if (status.lastFailed) return { kind: 'failed' };
  if (!status.lastVerified) return { kind: 'none' };
  const hours = (now - new Date(status.lastVerified.at).getTime()) / 3_600_000;
  return hours > STALE_AFTER_HOURS ? { kind: 'stale', hours: Math.floor(hours) } : { kind: 'ok' };
}
