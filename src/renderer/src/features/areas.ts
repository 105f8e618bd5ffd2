import type { Area } from '../app/navigation';
import { residentsArea } from './residents';
import { reportsArea } from './reports';
import { auditArea } from './audit';
import { usersArea } from './users';
import { communityArea } from './community';

/**
 * Every area of the app, in navigation order: the one place the shell (routes, navigation, Ctrl+K,
 * overlays, header, 工作台) learns about areas. Adding an area is its folder plus one line here.
 */
export const areas: Area[] = [residentsArea, reportsArea, auditArea, usersArea, communityArea];
