/**
 * The charity ledger's public face: what the shell's list of areas (features/areas.ts) imports.
 */
import type { Area } from '../../app/navigation';
import { charityRoutes } from './routes';
import { donorSearchProvider } from './donor-search-provider';

/** The charity ledger (慈善帮扶) as the shell sees it: one navigation group with the treasurer's screen, and donors in Ctrl+K. */
export const charityArea: Area = {
  id: 'charity',
  nav: { id: 'charity', label: (t) => t('charity.nav') },
  routes: charityRoutes,
  search: [donorSearchProvider],
};
