import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { PageHeader } from '../../components/PageHeader';
import { BodiesPage } from './bodies/BodiesPage';
import { FollowUpPage } from './followup/FollowUpPage';
import { MeetingPage } from './meeting/MeetingPage';
import { MeetingsPage } from './meetings/MeetingsPage';
import { RegistersPage } from './registers/RegistersPage';

/** 居民议事: #/council (meetings), #/council/meeting/ID, #/council/bodies, #/council/followup, #/council/registers. */
export function CouncilScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const [section = 'meetings', id] = rest;
  if (section === 'meeting' && id) return <MeetingPage id={id} />;
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('council.title')} description={t('council.intro')} />
      <Tabs value={section} onChange={(v) => navigate('council', ...(v && v !== 'meetings' ? [v] : []))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="meetings">{t('council.tabs.meetings')}</Tabs.Tab>
          <Tabs.Tab value="bodies">{t('council.tabs.bodies')}</Tabs.Tab>
          <Tabs.Tab value="followup">{t('council.tabs.followup')}</Tabs.Tab>
          <Tabs.Tab value="registers">{t('council.tabs.registers')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsPage />
        </Tabs.Panel>
        <Tabs.Panel value="bodies" pt="md">
          <BodiesPage />
        </Tabs.Panel>
        <Tabs.Panel value="followup" pt="md">
          <FollowUpPage />
        </Tabs.Panel>
        <Tabs.Panel value="registers" pt="md">
          <RegistersPage />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
