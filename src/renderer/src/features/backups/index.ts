/** Backups have no screen of their own: a tab of 设置 and a card on 工作台, both used by the community area. */
export { BackupsTab } from './BackupsTab';
export { HomeBackupCard } from './HomeBackupCard';
