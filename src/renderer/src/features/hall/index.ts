/**
 * The service counter's (一站式服务大厅) public face: what the shell's list of areas (features/areas.ts)
 * imports, and how other areas open a ticket.
 */
import type { Area } from '../../app/navigation';
import { hallRoutes } from './routes';
import { HallHomeCard } from './home/HallHomeCard';
import { ticketSearchProvider } from './search/search-provider';

/** The hall as the shell sees it: one navigation group (窗口受理, 办件, 督办, 服务事项), and Ctrl+K finds tickets. */
export const hallArea: Area = {
  id: 'hall',
  nav: { id: 'hall', label: (t) => t('hall.nav.group') },
  routes: hallRoutes,
  search: [ticketSearchProvider],
  homeCards: [HallHomeCard],
};

/** A link to one ticket's detail (#/hall-tickets/ID), for lists anywhere in the app. */
export { ticketHref, openTicket } from './hrefs';

/** For other areas' pickers (the report centre's hall.service and hall.ticket parameters). */
export { useServiceOptions, useTicketOptions } from './references';
