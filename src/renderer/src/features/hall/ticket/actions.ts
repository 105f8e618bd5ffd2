import { openStatuses, type Ticket } from '@shared/contract/hall';

/** What can be done to a ticket from its detail, each a small dialog. */
export type TicketAction = 'supplement' | 'transfer' | 'complete' | 'refuse' | 'rate' | 'followUp';

const open = (t: Pick<Ticket, 'status'>) => (openStatuses as readonly string[]).includes(t.status);

/** The items a 补正 may name: what the 一次性告知书 listed, or the 容缺 items pledged and not yet in. */
export function itemsToSupplement(ticket: Pick<Ticket, 'status' | 'missingItems' | 'deficientItems' | 'supplementedOn' | 'materials'>): string[] {
  if (ticket.status === 'notified') return ticket.missingItems;
  if (!open(ticket) || ticket.supplementedOn) return [];
  const received = new Set(ticket.materials.filter((m) => m.received).map((m) => m.name));
  return ticket.deficientItems.filter((name) => !received.has(name));
}

/** A 容缺 ticket is decided only once its pledged materials are all in (core refuses 办结 before). */
export function supplementPending(ticket: Pick<Ticket, 'deficientItems' | 'supplementedOn'>): boolean {
  return ticket.deficientItems.length > 0 && !ticket.supplementedOn;
}

/**
 * The actions a ticket's state allows, in the order the buttons stand, as core's rules have them:
 * 补正 while something is owed; 转办 and 办结 while open (办结 not while 容缺 items are owed); 不予受理
 * before it is closed; 好差评 once, in any state; the 差评's 回访 once.
 */
export function ticketActions(ticket: Ticket): TicketAction[] {
  const out: TicketAction[] = [];
  if (itemsToSupplement(ticket).length > 0) out.push('supplement');
  if (open(ticket)) out.push('transfer');
  if (open(ticket) && !supplementPending(ticket)) out.push('complete');
  if (ticket.status === 'notified' || open(ticket)) out.push('refuse');
  if (!ticket.rating) out.push('rate');
  if (ticket.rating?.bad && !ticket.followUp) out.push('followUp');
  return out;
}
