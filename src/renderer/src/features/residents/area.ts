import { IconAddressBook, IconBell, IconBuildingCommunity, IconFileImport, IconMapPin, IconWalk } from '@tabler/icons-react';
import type { Area } from '../../app/navigation';
import { ResidentsScreen } from './ResidentsScreen';
import { BuildingsPage } from './buildings/BuildingsPage';
import { VisitsDuePage } from './visits/VisitsDuePage';
import { RemindersPage } from './reminders/RemindersPage';
import { PlacesPage } from './places/PlacesPage';
import { ImportPage } from './import/ImportPage';
import { residentSearchProvider } from './search/search-provider';

/** The resident registry as the shell sees it: its screens in navigation order and its Ctrl+K search. */
export const residentsArea: Area = {
  id: 'residents',
  nav: { id: 'residents', label: (t) => t('residents.nav.group') },
  routes: [
    {
      id: 'residents',
      label: (t) => t('residents.nav.residents'),
      description: (t) => t('residents.nav.residentsHint'),
      icon: IconAddressBook,
      permission: 'residents.read',
      component: ResidentsScreen,
    },
    {
      id: 'buildings',
      label: (t) => t('residents.nav.buildings'),
      description: (t) => t('residents.nav.buildingsHint'),
      icon: IconBuildingCommunity,
      permission: 'residents.read',
      component: BuildingsPage,
    },
    {
      id: 'visits',
      label: (t) => t('residents.nav.visits'),
      description: (t) => t('residents.nav.visitsHint'),
      icon: IconWalk,
      permission: 'residents.read',
      component: VisitsDuePage,
    },
    {
      id: 'reminders',
      label: (t) => t('residents.nav.reminders'),
      description: (t) => t('residents.nav.remindersHint'),
      icon: IconBell,
      permission: 'residents.read',
      component: RemindersPage,
    },
    {
      id: 'places',
      label: (t) => t('residents.nav.places'),
      description: (t) => t('residents.nav.placesHint'),
      icon: IconMapPin,
      permission: 'residents.places',
      component: PlacesPage,
    },
    {
      id: 'residents-import',
      label: (t) => t('residents.nav.import'),
      description: (t) => t('residents.nav.importHint'),
      icon: IconFileImport,
      permission: 'residents.import',
      component: ImportPage,
    },
  ],
  search: [residentSearchProvider],
};
