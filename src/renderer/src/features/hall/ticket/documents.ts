import type { Ticket } from '@shared/contract/hall';

/** The printed documents a ticket can have; each is a report of the catalogue with the ticket as parameter. */
export type TicketDocument = 'receipt' | 'notice' | 'refusal';

export const documentReports: Record<TicketDocument, string> = {
  receipt: 'hall_receipt',
  notice: 'hall_notice',
  refusal: 'hall_refusal',
};

/**
 * Which documents fit a ticket: the 受理回执 once it was accepted (an enquiry answered on the spot gets
 * none, 安阳条例 第36条); the 一次性告知书 when something was missing — told once, or pledged under 容缺;
 * the 不予受理告知书 when it was refused.
 */
export function ticketDocuments(ticket: Pick<Ticket, 'kind' | 'acceptedOn' | 'missingItems' | 'deficientItems' | 'status'>): TicketDocument[] {
  const out: TicketDocument[] = [];
  if (ticket.acceptedOn && ticket.kind !== 'enquiry') out.push('receipt');
  if (ticket.missingItems.length > 0 || ticket.deficientItems.length > 0) out.push('notice');
  if (ticket.status === 'refused') out.push('refusal');
  return out;
}
