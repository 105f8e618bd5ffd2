import { z } from 'zod';
import { method, returns } from './define';

export interface BackupRecord {
  id: string;
  at: string;
  kind: 'startup' | 'daily' | 'manual' | 'pre_restore' | 'pre_migration';
  path: string;
  bytes: number;
  ok: boolean;
  /** Why verification failed, or null. */
  problem: string | null;
  counts: Record<string, number>;
  exists: boolean;
  /** Hex SHA-256 of the copy when it was made (also in `<file>.sha256` beside it); null for older records. */
  sha256: string | null;
}

/** A backup's SHA-256 against the one recorded when it was made: the same, different, or no record. */
export type ChecksumVerdict = 'match' | 'mismatch' | 'unknown';

export interface RestoreResult {
  /** The copy of the current file made first, or where a damaged current file was kept aside. */
  savedCurrentAs: string;
  /** Set when the current file was too damaged to copy: it was renamed here, unchanged. */
  damagedKeptAs: string | null;
  checksum: ChecksumVerdict;
  /** The restored file needs another field key than the one here: ID numbers and phones cannot be shown. */
  keyMissing: boolean;
}
/** A backup being made now: the copy and its integrity check go on beside normal work. */
export interface RunningBackup {
  kind: BackupRecord['kind'];
  startedAt: string;
}

export interface BackupStatus {
  folder: string;
  /** The backup being made now (the longest running one), or null. */
  running: RunningBackup | null;
  /**
   * The field key that decrypts ID numbers and phones is never inside a backup: where it is (null when the
   * app keeps it in the system's key store), and whether it is this file's (false after restoring a backup
   * made on a machine whose key is not here).
   */
  fieldKey: { file: string | null; matches: boolean };
  lastVerified: BackupRecord | null;
  lastFailed: BackupRecord | null;
  recent: BackupRecord[];
}

export const backups = {
  'backups.status': method({ input: z.object({}), access: 'session', writes: false }, returns<BackupStatus>()),
  'backups.run': method(
    { input: z.object({ folder: z.string().min(1).max(1000).optional() }), access: 'backups.run', writes: true, transaction: 'none' },
    returns<BackupRecord>(),
  ),
  // The field key, written to a folder apart from the data (another USB stick): administrators, audited.
  'backups.exportKey': method(
    { input: z.object({ folder: z.string().min(1).max(1000) }), access: 'backups.export_key', writes: true },
    returns<{ path: string }>(),
  ),
  'backups.restore': method(
    {
      input: z.object({ path: z.string().min(1).max(1000), acceptUnverified: z.boolean().default(false) }),
      access: 'backups.restore',
      writes: true,
      transaction: 'none',
    },
    returns<RestoreResult>(),
  ),
};
