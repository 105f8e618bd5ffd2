import type { ComponentType } from 'react';
import type { Permission } from '@shared/permissions';
import { IconHome } from '@tabler/icons-react';
import { areas } from '../features/areas';
import { HomePage } from './home/HomePage';
import { navSections, type Route } from './navigation';
import { ShellSpotlight } from './shell/search/ShellSpotlight';

export const homeRoute: Route = {
  id: 'home',
  label: (t) => t('nav.home'),
  description: (t) => t('nav.homeHint'),
  icon: IconHome,
  permission: null,
  component: HomePage,
};

/** Every screen of the shell: 工作台, then each area's, in the order of the list of areas. */
export const routes: Route[] = [homeRoute, ...areas.flatMap((a) => a.routes)];

export const searchProviders = areas.flatMap((a) => a.search ?? []);

function Spotlight() {
  return <ShellSpotlight providers={searchProviders} />;
}

/** Mounted once beside the shell: the Ctrl+K search, then what areas add (dialogs the whole app can open). */
export const shellOverlays: ComponentType[] = [Spotlight, ...areas.flatMap((a) => a.overlays ?? [])];
export const headerItems: ComponentType[] = areas.flatMap((a) => a.headerItems ?? []);

export function navigationFor(can: (p: Permission) => boolean) {
  return { home: homeRoute, sections: navSections(areas, can) };
}
