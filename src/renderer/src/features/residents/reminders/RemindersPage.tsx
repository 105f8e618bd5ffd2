import { Card, Stack, Tabs } from '@mantine/core';
import { IconCake, IconId, IconCertificate, IconHomeQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { ExpiringTab } from './ExpiringTab';
import { MilestonesTab } from './MilestonesTab';
import { UnplacedTab } from './UnplacedTab';

const tabs = ['milestones', 'idCards', 'permits', 'unplaced'] as const;

/** 提醒: lists the hall acts on before anyone asks — birthdays that bring benefits, documents running out. */
export function RemindersPage({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const tab = (tabs as readonly string[]).includes(rest[0] ?? '') ? rest[0] : 'milestones';
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('residents.nav.reminders')} description={t('residents.reminders.intro')} />
      <Tabs value={tab} onChange={(v) => v && navigate('reminders', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="milestones" leftSection={<IconCake size={16} />}>
            {t('residents.reminders.milestones')}
          </Tabs.Tab>
          <Tabs.Tab value="idCards" leftSection={<IconId size={16} />}>
            {t('residents.reminders.idCards')}
          </Tabs.Tab>
          <Tabs.Tab value="permits" leftSection={<IconCertificate size={16} />}>
            {t('residents.reminders.permits')}
          </Tabs.Tab>
          <Tabs.Tab value="unplaced" leftSection={<IconHomeQuestion size={16} />}>
            {t('residents.reminders.unplaced')}
          </Tabs.Tab>
        </Tabs.List>
        <Card withBorder padding="md" mt="sm">
          <Tabs.Panel value="milestones">
            <MilestonesTab />
          </Tabs.Panel>
          <Tabs.Panel value="idCards">
            <ExpiringTab kind="idCards" />
          </Tabs.Panel>
          <Tabs.Panel value="permits">
            <ExpiringTab kind="permits" />
          </Tabs.Panel>
          <Tabs.Panel value="unplaced">
            <UnplacedTab />
          </Tabs.Panel>
        </Card>
      </Tabs>
    </Stack>
  );
}
