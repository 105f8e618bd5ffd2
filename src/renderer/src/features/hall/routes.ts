import { IconAlarm, IconClipboardList, IconDesk, IconListDetails } from '@tabler/icons-react';
import type { Route } from '../../app/navigation';
import { CounterScreen } from './counter/CounterScreen';
import { TicketsScreen } from './tickets/TicketsScreen';
import { SupervisionScreen } from './supervision/SupervisionScreen';
import { CatalogueScreen } from './catalogue/CatalogueScreen';
import { ticketsRouteId } from './hrefs';

/** The service counter's screens, in navigation order; the shell's route table spreads them in. */
export const hallRoutes: Route[] = [
  {
    id: 'hall',
    label: (t) => t('hall.nav.counter'),
    description: (t) => t('hall.nav.counterHint'),
    icon: IconDesk,
    permission: 'hall.accept',
    component: CounterScreen,
  },
  {
    // #/hall-tickets lists the tickets, #/hall-tickets/ID opens one (ticketHref).
    id: ticketsRouteId,
    label: (t) => t('hall.nav.tickets'),
    description: (t) => t('hall.nav.ticketsHint'),
    icon: IconClipboardList,
    permission: 'hall.read',
    component: TicketsScreen,
  },
  {
    id: 'hall-supervision',
    label: (t) => t('hall.nav.supervision'),
    description: (t) => t('hall.nav.supervisionHint'),
    icon: IconAlarm,
    permission: 'hall.read',
    component: SupervisionScreen,
  },
  {
    // Read by every hall role; editing the catalogue and the holiday calendar inside it needs hall.manage.
    id: 'hall-catalogue',
    label: (t) => t('hall.nav.catalogue'),
    description: (t) => t('hall.nav.catalogueHint'),
    icon: IconListDetails,
    permission: 'hall.read',
    component: CatalogueScreen,
  },
];
