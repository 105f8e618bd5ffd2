import type { ComponentType, ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '@shared/permissions';
import type { Icon } from '@tabler/icons-react';

/**
 * What an area plugs into the shell. This file holds only types and pure helpers (no screens), so that
 * an area can import them without the shell importing the area back: the one list of areas is
 * features/areas.ts, and the shell reaches every area through it.
 */

export interface Route {
  id: string;
  label: (t: TFunction) => string;
  description: (t: TFunction) => string;
  icon: Icon;
  /** Hidden from users without it (main refuses the calls anyway). */
  permission: Permission | null;
  component: ComponentType<{ rest: string[] }>;
}

/** A section of the navigation bar; areas naming the same group id share one heading. */
export interface NavGroup {
  id: string;
  label: (t: TFunction) => string;
}

/** One line in the Ctrl+K list: drawn by its area, announced by its label, opened by Enter or a click. */
export interface SearchItem {
  key: string;
  /** The words a screen reader announces (the row itself is drawn for the eye). */
  label: string;
  content: ReactNode;
  open: () => void;
}

/**
 * One kind of thing Ctrl+K finds (residents and households today). The shell's spotlight asks every
 * provider the user may use, as the user types, and lists their items under the provider's heading.
 */
export interface SearchProvider {
  id: string;
  permission: Permission;
  /** The heading above this provider's items, when more than one provider answers. */
  label: (t: TFunction) => string;
  /** One line for the empty search box: what this provider finds (姓名、拼音首字母…). */
  hint: (t: TFunction) => string;
  search: (query: string, t: TFunction) => Promise<SearchItem[]>;
}

export interface Area {
  id: string;
  nav: NavGroup;
  /** The area's screens, in navigation order. */
  routes: Route[];
  search?: SearchProvider[];
  /** Mounted once beside the shell (dialogs the whole app can open). */
  overlays?: ComponentType[];
  /** Small items in the header, left of the workstation name. */
  headerItems?: ComponentType[];
  /** Cards on 工作台 (home), beside the community's card. */
  homeCards?: ComponentType[];
}

export function allowedRoutes(routes: Route[], can: (p: Permission) => boolean): Route[] {
  return routes.filter((r) => !r.permission || can(r.permission));
}

/** The navigation's sections in the order their first area comes, each with its allowed screens. */
export function navSections(areas: Area[], can: (p: Permission) => boolean): { group: NavGroup; routes: Route[] }[] {
  const sections = new Map<string, { group: NavGroup; routes: Route[] }>();
  for (const area of areas) {
    const section = sections.get(area.nav.id) ?? { group: area.nav, routes: [] };
    section.routes.push(...allowedRoutes(area.routes, can));
    sections.set(area.nav.id, section);
  }
  return [...sections.values()].filter((s) => s.routes.length > 0);
}

/** The shell's own section, where the system's screens (audit, accounts, settings) go. */
export const adminGroup: NavGroup = { id: 'admin', label: (t) => t('nav.groups.admin') };
