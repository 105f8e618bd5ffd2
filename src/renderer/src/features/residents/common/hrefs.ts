import { hrefOf } from '../../../app/router';

/**
 * Where each resident-registry page lives. The resident, household and house pages are under the one
 * `residents` screen (so they share its nav entry); the building view and the others are screens of their own.
 */
export const residentsScreen = 'residents';
export const buildingsScreen = 'buildings';

export const residentHref = (id: string) => hrefOf(residentsScreen, id);
export const editResidentHref = (id: string) => hrefOf(residentsScreen, id, 'edit');
export const newResidentHref = (atHouseId?: string) => (atHouseId ? hrefOf(residentsScreen, 'new', atHouseId) : hrefOf(residentsScreen, 'new'));
export const householdHref = (id: string) => hrefOf(residentsScreen, 'household', id);
export const houseHref = (id: string) => hrefOf(residentsScreen, 'house', id);
export const buildingHref = (id: string) => hrefOf(buildingsScreen, id);
export const residentListHref = () => hrefOf(residentsScreen);
