import { Stack, Tabs } from '@mantine/core';
import { IconBuildingCommunity, IconDatabase, IconAdjustments } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../app/router';
import { useSignedIn } from '../../app/session-context';
import { ProfileTab } from './ProfileTab';
import { SystemSettingsTab } from './SystemSettingsTab';
import { BackupsTab } from '../backups';

const tabs = ['profile', 'system', 'backups'] as const;
type Tab = (typeof tabs)[number];

/** 设置: everyone may look; changing needs `community.manage` (backups: `backups.run` / `backups.restore`). */
export function SettingsPage({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const { can } = useSignedIn();
  const tab: Tab = (tabs as readonly string[]).includes(rest[0]) ? (rest[0] as Tab) : 'profile';
  return (
    <Stack maw={1100}>
      <PageHeader title={t('nav.settings')} description={can('community.manage') ? t('settings.introManage') : t('settings.introReadOnly')} />
      <Tabs value={tab} onChange={(value) => value && navigate('settings', value)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="profile" leftSection={<IconBuildingCommunity size={16} />}>
            {t('settings.tabs.profile')}
          </Tabs.Tab>
          <Tabs.Tab value="system" leftSection={<IconAdjustments size={16} />}>
            {t('settings.tabs.system')}
          </Tabs.Tab>
          <Tabs.Tab value="backups" leftSection={<IconDatabase size={16} />}>
            {t('settings.tabs.backups')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="profile">
          <ProfileTab />
        </Tabs.Panel>
        <Tabs.Panel value="system">
          <SystemSettingsTab />
        </Tabs.Panel>
        <Tabs.Panel value="backups">
          <BackupsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
