import { IconGavel } from '@tabler/icons-react';
import type { Route } from '../../app/navigation';
import { CouncilScreen } from './CouncilScreen';

/** The residents' council's screens; the shell's route table spreads them in. */
export const councilRoutes: Route[] = [
  {
    id: 'council',
    label: (t) => t('nav.council'),
    description: (t) => t('nav.councilHint'),
    icon: IconGavel,
    permission: 'council.read',
    component: CouncilScreen,
  },
];
