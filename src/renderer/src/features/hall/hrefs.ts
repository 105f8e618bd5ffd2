import { hrefOf, navigate } from '../../app/router';

/** The tickets screen shows one ticket's detail when its route carries the id: #/hall-tickets/ID. */
export const ticketsRouteId = 'hall-tickets';

export function ticketHref(id: string): string {
  return hrefOf(ticketsRouteId, id);
}

export function openTicket(id: string): void {
  navigate(ticketsRouteId, id);
}
