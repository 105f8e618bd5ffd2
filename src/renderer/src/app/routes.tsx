import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '@shared/permissions';
import { IconChartBar, IconHome, IconSettings, IconShieldCheck, IconUsers, type Icon } from '@tabler/icons-react';
import { HomePage } from './home/HomePage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { UsersPage } from '../features/users/UsersPage';
import { SettingsPage } from '../features/community/SettingsPage';
import { residentRoutes } from '../features/residents/routes';
import { charityRoutes } from '../features/charity/routes';
import { ResidentSpotlight } from '../features/residents/search/ResidentSpotlight';
import { HeaderSearchButton } from '../features/residents/search/HeaderSearchButton';

export interface Route {
  id: string;
  label: (t: TFunction) => string;
  description: (t: TFunction) => string;
  icon: Icon;
  /** Hidden from users without it (main refuses the calls anyway). */
  permission: Permission | null;
  component: ComponentType<{ rest: string[] }>;
}

/** The screens of the shell, in navigation order. Areas add theirs here. */
export const routes: Route[] = [
  { id: 'home', label: (t) => t('nav.home'), description: (t) => t('nav.homeHint'), icon: IconHome, permission: null, component: HomePage },
  ...residentRoutes,
  ...charityRoutes,
  { id: 'reports', label: (t) => t('nav.reports'), description: (t) => t('nav.reportsHint'), icon: IconChartBar, permission: 'reports.run', component: ReportsPage },
  { id: 'audit', label: (t) => t('nav.audit'), description: (t) => t('nav.auditHint'), icon: IconShieldCheck, permission: 'audit.read', component: AuditPage },
  { id: 'users', label: (t) => t('nav.users'), description: (t) => t('nav.usersHint'), icon: IconUsers, permission: 'users.manage', component: UsersPage },
  { id: 'settings', label: (t) => t('nav.settings'), description: (t) => t('nav.settingsHint'), icon: IconSettings, permission: null, component: SettingsPage },
];

/** What areas add to the shell itself: overlays mounted once (a global search), items in the header. */
export const shellOverlays: ComponentType[] = [ResidentSpotlight];
export const headerItems: ComponentType[] = [HeaderSearchButton];

export function allowedRoutes(can: (p: Permission) => boolean): Route[] {
  return routes.filter((r) => !r.permission || can(r.permission));
}
