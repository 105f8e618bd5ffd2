import { toHalfWidth } from '@shared/values';
import { ticketQuery } from '../tickets/ticket-query';

/**
 * A ticket number from its year and at least three digits of its sequence (SL2026-000…): fewer digits match
 * most of the year's tickets, which core would read and sort to show the newest few, and tell the clerk
 * nothing. Whole numbers (typed, or taken out of a scanned receipt's QR payload) are the usual case.
 */
const NUMBER_BEGINNING = /^SL\d{4}-\d{3,6}$/i;
/** 2026-123: a year and the number in it, as said over the phone. */
const YEAR_AND_NUMBER = /^\d{4}-\d{1,6}$/;
/** 123 or 000123: the number's digits as read off a receipt; core looks it up in each year, by the unique index. */
const NUMBER_TAIL = /^\d{1,6}$/;
/** An applicant's name from its start: Chinese (with the · of 买买提·艾力) or, for a foreign applicant, Latin letters. */
const APPLICANT_NAME = /^(?:[\p{Script=Han}·•]{2,}|[A-Za-z][A-Za-z .'-]*[A-Za-z])$/u;

/**
 * What Ctrl+K asks hall.listTickets for, or null when the text is not a ticket number, its tail, a scanned
 * receipt or a name of two or more characters (one character names half the hall; an ID number or an
 * address is the residents' search, not a ticket). The residents' search is asked about the same text
 * independently: 123 may be a ticket and a 户号 at once, and both are listed, each under its heading.
 */
export function spotlightTicketQuery(text: string): string | null {
  // A Chinese keyboard in full-width mode types ＳＬ２０２６－０００１２３.
  const query = ticketQuery(toHalfWidth(text));
  if (NUMBER_BEGINNING.test(query) || YEAR_AND_NUMBER.test(query) || NUMBER_TAIL.test(query)) return query;
  if (APPLICANT_NAME.test(query)) return query;
  return null;
}
