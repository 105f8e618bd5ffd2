import { IconHeartHandshake } from '@tabler/icons-react';
import type { Route } from '../../app/navigation';
import { CharityScreen } from './CharityScreen';

/** The charity ledger's screens; the shell's route table spreads them in. */
export const charityRoutes: Route[] = [
  {
    id: 'charity',
    label: (t) => t('charity.nav'),
    description: (t) => t('charity.navHint'),
    icon: IconHeartHandshake,
    permission: 'charity.read',
    component: CharityScreen,
  },
];
