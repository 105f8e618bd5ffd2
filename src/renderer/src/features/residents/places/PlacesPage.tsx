import { Card, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { BuildingsTab } from './BuildingsTab';
import { CodeListsTab } from './CodeListsTab';
import { CompoundsTab } from './CompoundsTab';
import { GridsTab } from './GridsTab';
import { TagsTab } from './TagsTab';
import { VisitPolicyTab } from './VisitPolicyTab';

const tabs = ['grids', 'compounds', 'buildings', 'tags', 'policy', 'codes'] as const;

/** 地址管理: grids, compounds, buildings (which make their rooms), tags, the visit policy, coded lists. */
export function PlacesPage({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const tab = (tabs as readonly string[]).includes(rest[0] ?? '') ? rest[0] : 'grids';
  return (
    <Stack gap="md" maw={1200}>
      <PageHeader title={t('residents.nav.places')} description={t('residents.places.intro')} />
      <Tabs value={tab} onChange={(v) => v && navigate('places', v)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="grids">{t('residents.places.tab.grids')}</Tabs.Tab>
          <Tabs.Tab value="compounds">{t('residents.places.tab.compounds')}</Tabs.Tab>
          <Tabs.Tab value="buildings">{t('residents.places.tab.buildings')}</Tabs.Tab>
          <Tabs.Tab value="tags">{t('residents.places.tab.tags')}</Tabs.Tab>
          <Tabs.Tab value="policy">{t('residents.places.tab.policy')}</Tabs.Tab>
          <Tabs.Tab value="codes">{t('residents.places.tab.codes')}</Tabs.Tab>
        </Tabs.List>
        <Card withBorder padding="md" mt="sm">
          <Tabs.Panel value="grids">
            <GridsTab />
          </Tabs.Panel>
          <Tabs.Panel value="compounds">
            <CompoundsTab />
          </Tabs.Panel>
          <Tabs.Panel value="buildings">
            <BuildingsTab />
          </Tabs.Panel>
          <Tabs.Panel value="tags">
            <TagsTab />
          </Tabs.Panel>
          <Tabs.Panel value="policy">
            <VisitPolicyTab />
          </Tabs.Panel>
          <Tabs.Panel value="codes">
            <CodeListsTab />
          </Tabs.Panel>
        </Card>
      </Tabs>
    </Stack>
  );
}
