import { translatedOr } from '../../i18n/labels';
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session-context';
import { PageHeader } from '../../components/PageHeader';
import type { Permission } from '@shared/permissions';
import { DashboardTab } from './DashboardTab';
import { DonationEntryTab } from './DonationEntryTab';
import { ReceiptsTab } from './ReceiptsTab';
import { DonorsTab } from './DonorsTab';
import { AidTab } from './AidTab';
import { FundsTab } from './FundsTab';
import { NoticesTab } from './NoticesTab';
import { CampaignsTab } from './CampaignsTab';

/** A tab gets the address after its own name (#/charity/donors/陈 → ['陈']). */
const tabs: { id: string; permission: Permission; component: (props: { rest: string[] }) => React.JSX.Element }[] = [
  { id: 'dashboard', permission: 'charity.read', component: DashboardTab },
  { id: 'donations', permission: 'charity.record', component: DonationEntryTab },
  { id: 'receipts', permission: 'charity.read', component: ReceiptsTab },
  { id: 'donors', permission: 'charity.read', component: DonorsTab },
  { id: 'campaigns', permission: 'charity.read', component: CampaignsTab },
  { id: 'aid', permission: 'charity.read', component: AidTab },
  { id: 'funds', permission: 'charity.read', component: FundsTab },
  { id: 'notices', permission: 'charity.read', component: NoticesTab },
];

/** The charity ledger (慈善帮扶): one screen, a tab per task, the tab in the address (#/charity/aid). */
export function CharityScreen({ rest }: { rest: string[] }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const visible = tabs.filter((x) => can(x.permission));
  const current = visible.find((x) => x.id === rest[0]) ?? visible[0];
  return (
    <>
      <PageHeader title={t('charity.title')} description={t('charity.description')} />
      <Tabs value={current.id} onChange={(v) => v && navigate('charity', v)} keepMounted={false}>
        <Tabs.List mb="md">
          {visible.map((x) => (
            <Tabs.Tab key={x.id} value={x.id}>
              {translatedOr(t, `charity.tabs.${x.id}`, `charity.tabs.${x.id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {visible.map((x) => (
          <Tabs.Panel key={x.id} value={x.id}>
            <x.component rest={x.id === current.id ? rest.slice(1) : []} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
