import type { Ticket } from '@shared/contract/hall';

/** The printed documents a ticket can have; each is a report of the catalogue, given the ticket. */
export type TicketDocument = 'receipt' | 'notice' | 'refusal';

/** hall_notice prints the 一次性告知书, or for a refused ticket the 不予受理告知书. */
export const documentReports: Record<TicketDocument, string> = {
  receipt: 'hall_receipt',
  notice: 'hall_notice',
  refusal: 'hall_notice',
};

/**
 * Which documents fit a ticket: the 受理回执 once it was accepted (it carries any 容缺 items and their
 * date), except for an enquiry answered on the spot (安阳条例 第36条: no receipt for what is done there and
 * then); the 不予受理告知书 when it was refused, else the 一次性告知书 when something was told missing.
 */
export function ticketDocuments(ticket: Pick<Ticket, 'kind' | 'status' | 'acceptedOn' | 'completedOn' | 'missingItems'>): TicketDocument[] {
  const out: TicketDocument[] = [];
  const answeredOnSpot = ticket.kind === 'enquiry' && ticket.status === 'completed' && ticket.completedOn === ticket.acceptedOn;
  if (ticket.acceptedOn && !answeredOnSpot) out.push('receipt');
  if (ticket.status === 'refused') out.push('refusal');
  else if (ticket.missingItems.length > 0) out.push('notice');
  return out;
}
