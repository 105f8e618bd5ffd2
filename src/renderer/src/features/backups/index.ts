/** Backups have no screen of their own: a tab of 设置, a card on 工作台 and a badge in the header while one runs, all used by the community area. */
export { BackupsTab } from './BackupsTab';
export { HomeBackupCard } from './HomeBackupCard';
export { BackupRunningBadge } from './BackupRunningBadge';
