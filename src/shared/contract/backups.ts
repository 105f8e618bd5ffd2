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
}
export interface BackupStatus {
  folder: string;
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
  'backups.restore': method({ input: z.object({ path: z.string().min(1).max(1000) }), access: 'backups.restore', writes: true, transaction: 'none' }, returns<{ savedCurrentAs: string }>()),
};
