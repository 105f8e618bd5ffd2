import type { Area } from '../app/navigation';
import { residentsArea } from './residents';
import { councilArea } from './council';
import { hallArea } from './hall';
import { charityArea } from './charity';
import { reportsArea } from './reports';
import { auditArea } from './audit';
import { usersArea } from './users';
import { communityArea } from './community';

/**
 * Every area of the app, in navigation order: the one place the shell (routes, navigation, Ctrl+K,
 * overlays, header, 工作台) learns about areas. A new area, on the renderer's side:
 * 1. features/<area>/index.ts exports its `Area` (app/navigation.ts): nav group, routes, and if it has
 *    them, Ctrl+K providers, overlays, header items, home cards; and whatever other areas may use.
 * 2. features/<area>/i18n/{zh-CN,en}.json (top-level key = the area), one line in features/locales.ts.
 * 3. One line here. Lists use components/list (DataTable, useKeysetList), forms components/form.
 * Other areas are imported only through their index.ts; tests/unit/electron/boundaries.test.ts checks.
 */
export const areas: Area[] = [residentsArea, hallArea, charityArea, councilArea, reportsArea, auditArea, usersArea, communityArea];
