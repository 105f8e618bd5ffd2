import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../app/router';
import { PageHeader } from '../../../components/PageHeader';
import { HolidaysTab } from '../holidays/HolidaysTab';
import { ServicesTab } from './ServicesTab';
import { WindowRulesTab } from './WindowRulesTab';

/** The route's id in routes.ts: #/hall-catalogue (事项目录), #/hall-catalogue/holidays (节假日), #/hall-catalogue/rules (窗口规则). */
const routeId = 'hall-catalogue';

/**
 * 服务事项: the catalogue of services the counter accepts, each with its 办事指南, and the working-day
 * calendar every promised date is counted on, and the hall's own deadlines (窗口规则). Everyone with hall.read
 * reads all three; hall.manage edits them.
 */
export function CatalogueScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const [tab = 'services'] = rest;
  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t('hall.nav.catalogue')} description={t('hall.catalogue.intro')} />
      <Tabs value={tab} onChange={(v) => navigate(routeId, ...(v && v !== 'services' ? [v] : []))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="services">{t('hall.catalogue.tabs.services')}</Tabs.Tab>
          <Tabs.Tab value="holidays">{t('hall.catalogue.tabs.holidays')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('hall.catalogue.tabs.rules')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" pt="md">
          <ServicesTab />
        </Tabs.Panel>
        <Tabs.Panel value="holidays" pt="md">
          <HolidaysTab />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <WindowRulesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
