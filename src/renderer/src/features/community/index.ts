import { IconSettings } from '@tabler/icons-react';
import { adminGroup, type Area } from '../../app/navigation';
import { BackupRunningBadge, HomeBackupCard } from '../backups';
import { SettingsPage } from './SettingsPage';

/** 设置: the community's letterhead, system settings and backups; the backup card on 工作台; the running backup in the header. */
export const communityArea: Area = {
  id: 'community',
  nav: adminGroup,
  routes: [
    {
      id: 'settings',
      label: (t) => t('nav.settings'),
      description: (t) => t('nav.settingsHint'),
      icon: IconSettings,
      permission: null,
      component: SettingsPage,
    },
  ],
  homeCards: [HomeBackupCard],
  headerItems: [BackupRunningBadge],
};
