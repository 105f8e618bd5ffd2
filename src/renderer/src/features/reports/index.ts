import { IconChartBar } from '@tabler/icons-react';
import type { Area } from '../../app/navigation';
import { ReportsPage } from './ReportsPage';

/** 报表中心: every area's reports in one place. */
export const reportsArea: Area = {
  id: 'reports',
  nav: { id: 'reports', label: (t) => t('nav.groups.reports') },
  routes: [
    {
      id: 'reports',
      label: (t) => t('nav.reports'),
      description: (t) => t('nav.reportsHint'),
      icon: IconChartBar,
      permission: 'reports.run',
      component: ReportsPage,
    },
  ],
};
