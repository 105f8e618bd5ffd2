/**
 * The residents' council's public face: what the shell's list of areas (features/areas.ts) imports.
 */
import type { Area } from '../../app/navigation';
import { councilRoutes } from './routes';

/** The council as the shell sees it: one navigation group with its screen (meetings, bodies, follow-up, registers). */
export const councilArea: Area = {
  id: 'council',
  nav: { id: 'council', label: (t) => t('nav.council') },
  routes: councilRoutes,
};

/** For other areas' pickers (the report centre's meeting parameter). */
export { useMeetingOptions } from './meeting-reference';
